import { searchKey } from '../../core/text-search';
import { agencyIds } from '../../core/demo/agency-ids';
import { demoUnits, FOCUS_PROVINCES } from '../../core/demo/administrative-tree';
import { demoPersonName, hashSeed } from '../../core/demo/names';
import { storedPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import type { Dossier } from '../dossier/dossier';
import { DossierChannel } from '../dossier/dossier-channel';
import { DossierStatus } from '../dossier/dossier-status';
import type { Feedback } from '../feedback/feedback';
import { OnlineService } from '../procedure/online-service';
import type { Procedure } from '../procedure/procedure';
import { PROCEDURE_FIELDS } from '../procedure/procedure-field';
import { addDays, addWorkingDays, isWeekend } from '../../core/time';
import { chosen, pad } from './spread';

/**
 * A small sample of January to October 2023 for the other 59 provinces, so the Decision 766
 * index can rank Kon Tum among all 63 as the report does: 19th overall, 3rd for publicity,
 * 26th for progress. Each peer has 50 provincial procedures, 200 dossiers and 10 feedback items;
 * its index inputs are set so that exactly 2 peers beat Kon Tum on publicity, 25 on progress
 * and 18 overall (README, "Service index").
 */
const PROCEDURES = 50;
const DOSSIERS = 200;
const FEEDBACK = 10;

interface PeerProfile {
  nationalPortal: number;
  onTime: number;
  digitizedBasisPoints: number;
}

function profile(rank: number): PeerProfile {
  return {
    // 90% on the portal (16.2 points) beats Kon Tum's 80.36% (14.46); 76% (13.68) does not.
    nationalPortal: rank < 2 ? 45 : 38,
    // 99% on time (19.8) beats Kon Tum's 97.91% (19.58); 95% (19.0) does not.
    onTime: rank < 25 ? 198 : 190,
    // 80% digitized (17.6) lifts a peer above Kon Tum's total of 75.97; 30% (6.6) keeps it below.
    digitizedBasisPoints: rank % 3 === 0 && rank < 54 ? 8000 : 3000,
  };
}

export function peerProvinces() {
  const peers = [...demoUnits().values()].filter((unit) => unit.level === 'PROVINCE' && !(FOCUS_PROVINCES as readonly string[]).includes(unit.code));
  const days: string[] = [];
  for (let day = '2023-01-03'; day <= '2023-09-29'; day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
  const procedures: Procedure[] = [];
  const dossiers: Dossier[] = [];
  const feedback: Feedback[] = [];
  peers.forEach((province, rank) => {
    const shape = profile(rank);
    const unitPath = storedPath(province.path);
    for (let index = 0; index < PROCEDURES; index += 1) {
      const name = `${PROCEDURE_FIELDS[index % 20].name}: thủ tục số ${Math.floor(index / 20) + 1}`;
      procedures.push({
        id: `${province.code}-T${pad(index + 1, 4)}`,
        code: `1.${pad(1001 + index, 6)}`,
        name,
        searchName: searchKey(name),
        fieldCode: PROCEDURE_FIELDS[index % 20].code,
        level: UnitLevel.PROVINCE,
        provinceId: province.code,
        unitPath,
        // 40 of 50 with an online service: 20 full, 20 partial.
        onlineService: index < 20 ? OnlineService.FULL : index < 40 ? OnlineService.PARTIAL : OnlineService.NONE,
        legacyLevel: index < 20 ? 4 : index < 40 ? 3 : 2,
        processingDays: 10,
        fee: 0,
        publishedOn: '2022-06-01',
        decisionNumber: `${100 + rank}/QĐ-UBND`,
        withdrawnOn: null,
        nationalPortal: index < shape.nationalPortal,
        atServiceCenter: true,
        // Stamped by demoData (seed/seed.ts): pull sync.
        updatedAt: '',
      });
    }
    const components = DOSSIERS * 2;
    const digitized = Math.ceil((components * shape.digitizedBasisPoints) / 10000);
    for (let index = 0; index < DOSSIERS; index += 1) {
      const receivedAt = `${days[Math.floor((index * days.length) / DOSSIERS)]} 09:00:00`;
      const dueAt = addWorkingDays(receivedAt, 10);
      const resolvedAt = chosen(index, DOSSIERS, shape.onTime) ? addWorkingDays(receivedAt, 5) : addWorkingDays(receivedAt, 12);
      const id = `${receivedAt.slice(2, 4)}${receivedAt.slice(5, 7)}${receivedAt.slice(8, 10)}-${province.code}-p${pad(index, 3)}`;
      const seed = hashSeed(id);
      dossiers.push({
        id,
        procedureId: `${province.code}-T${pad((index % PROCEDURES) + 1, 4)}`,
        unitId: province.code,
        unitPath,
        agencyId: agencyIds.peoplesCommittee(province.code),
        // Half online, on procedures with an online service.
        channel: index % 2 === 0 && index % PROCEDURES < 40 ? DossierChannel.ONLINE : DossierChannel.IN_PERSON,
        status: DossierStatus.RETURNED,
        receivedAt,
        dueAt,
        resolvedAt,
        returnedAt: resolvedAt,
        closedAt: resolvedAt,
        supplementSince: null,
        supplementWaitSeconds: 0,
        componentCount: 2,
        digitizedComponents: Math.floor(((index + 1) * 2 * digitized) / components) - Math.floor((index * 2 * digitized) / components),
        paidOnline: false,
        resultByPost: false,
        apologyAt: null,
        promisedAt: null,
        rating: index % 4 === 0 ? (index % 20 === 0 ? 3 : 5) : null,
        applicantName: demoPersonName(seed),
        applicantIdNumber: `0${pad(seed % 100_000_000_000, 11)}`,
        // Stamped by demoData (seed/seed.ts): pull sync.
        updatedAt: '',
      });
    }
    for (let index = 0; index < FEEDBACK; index += 1) {
      const receivedAt = `${days[index * 15]} 10:00:00`;
      feedback.push({
        id: `pakn-${province.code}-${pad(index + 1, 5)}`,
        procedureId: null,
        unitId: province.code,
        unitPath,
        receivedAt,
        dueAt: addWorkingDays(receivedAt, 10),
        handledAt: addWorkingDays(receivedAt, 5),
      });
    }
  });
  return { procedures, dossiers, feedback };
}
