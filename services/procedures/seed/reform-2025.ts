import { agencyIds } from '../../core/demo/agency-ids';
import { LAST_PRE_REFORM_DAY, REFORM_DAY } from '../../core/demo/reform-2025';
import { POST_REFORM_DEPARTMENTS, predecessorProvinces, REFORM_FOCUS_COMMUNES, unitById } from '../../core/demo/reform-2025-focus';
import { storedPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import type { Procedure } from '../procedure/procedure';
import { provincePlaces, type CohortPlan, type Place } from './demo-dossiers';
import { pad } from './spread';

/**
 * The demo around 1 July 2025 (README, "Demo data"): the catalogues the two merged provinces
 * publish on the day of the reform, their dossiers of July to October 2025, and the last
 * months of two dissolved provinces (January to June 2025) so that a period spanning the
 * reform has something on both sides. Everything is dated 2025: no figure of the reporting
 * contract (2018 to 2023) moves.
 */

/** The deciding documents of the merged provinces' first catalogues (the demo's numbers). */
const REFORM_DECISIONS: Record<string, { province: string; commune: string }> = {
  '51@2025': { province: '12/QĐ-UBND', commune: '13/QĐ-UBND' },
  '91@2025': { province: '08/QĐ-UBND', commune: '09/QĐ-UBND' },
};

/**
 * A merged province's catalogue, published on REFORM_DAY: the procedures of its predecessor
 * provinces in force on LAST_PRE_REFORM_DAY, one per level of government and national code
 * (the seat province's where two predecessors published the same procedure), republished
 * under the new province (`51@2025-T0001`, path `VN/51@2025/`). District procedures go to the
 * commune level: there are no districts after Law 72/2025/QH15. The predecessors' own
 * catalogues are left as they were, so the contract's catalogue figures do not move.
 */
export function reformCatalogue(provinceId: string, previous: Procedure[]): Procedure[] {
  const province = unitById(provinceId);
  const decisions = REFORM_DECISIONS[provinceId];
  const seen = new Set<string>();
  const rows: Procedure[] = [];
  const seqByLevel = new Map<string, number>();
  for (const predecessor of predecessorProvinces(provinceId)) {
    const inForce = previous.filter(
      (procedure) =>
        procedure.provinceId === predecessor &&
        procedure.publishedOn <= LAST_PRE_REFORM_DAY &&
        (procedure.withdrawnOn === null || procedure.withdrawnOn > LAST_PRE_REFORM_DAY),
    );
    for (const procedure of inForce) {
      const key = `${procedure.level}|${procedure.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const level = procedure.level === UnitLevel.PROVINCE ? UnitLevel.PROVINCE : UnitLevel.COMMUNE;
      const seq = (seqByLevel.get(level) ?? 0) + 1;
      seqByLevel.set(level, seq);
      rows.push({
        ...procedure,
        id: `${provinceId}-${level === UnitLevel.PROVINCE ? 'T' : 'X'}${pad(seq, 4)}`,
        level,
        provinceId,
        unitPath: storedPath(province.path),
        publishedOn: REFORM_DAY,
        decisionNumber: level === UnitLevel.PROVINCE ? decisions.province : decisions.commune,
        withdrawnOn: null,
      });
    }
  }
  return rows;
}

/** Receiving desks of a merged province: its service center or a department, and the focus communes' one-stop desks. */
function reformPlaces(provinceId: keyof typeof REFORM_FOCUS_COMMUNES) {
  const province = unitById(provinceId);
  const communes = REFORM_FOCUS_COMMUNES[provinceId].map(unitById);
  return (procedure: Procedure, index: number): Place => {
    if (procedure.level === UnitLevel.PROVINCE) {
      const agencyId = procedure.atServiceCenter
        ? agencyIds.serviceCenter(provinceId)
        : agencyIds.department(provinceId, POST_REFORM_DEPARTMENTS[index % POST_REFORM_DEPARTMENTS.length].slug);
      return { unit: province, agencyId };
    }
    const unit = communes[(index * 13 + (index >> 4)) % communes.length];
    return { unit, agencyId: agencyIds.oneStopDesk(unit.id) };
  };
}

/**
 * The cohorts around the reform. Before it, Kon Tum (62) and Kiên Giang (91) receive dossiers
 * from 2 January to 30 June 2025; those still open on 30 June are resolved from 1 July on,
 * under their old unit (their records keep the unit that received them). After it, Quảng Ngãi
 * (51@2025) and An Giang (91@2025) receive from 1 July to 31 October 2025; those open on
 * 31 October are resolved in November, every 40th is still open.
 */
export function reformCohorts(previous: Procedure[], republished: Procedure[]): CohortPlan[] {
  const inForce = (provinceId: string, on: string) =>
    previous.filter((procedure) => procedure.provinceId === provinceId && procedure.publishedOn <= on && (procedure.withdrawnOn === null || procedure.withdrawnOn > on));
  const of = (provinceId: string) => republished.filter((procedure) => procedure.provinceId === provinceId);
  const base = { rejected: 0, withdrawn: 0, late: 0, apologyForLate: 0, openAtCloseBy: 0, byPost: 0, online: 0, postal: 0, paidOnline: 0, rated: 0, satisfied: 0 };
  const beforeReform = { receivedFrom: '2025-01-02', receivedTo: '2025-06-30', closeBy: '2025-07-01 00:00:00', resolveOpenFrom: '2025-07-01 08:00:00' };
  const afterReform = { receivedFrom: '2025-07-01', receivedTo: '2025-10-31', closeBy: '2025-11-01 00:00:00', resolveOpenFrom: '2025-11-03 08:00:00', stillOpenEvery: 40 };
  return [
    {
      ...base, ...beforeReform, name: 'Kon Tum, January to June 2025', count: 6_000,
      procedures: inForce('62', '2025-01-02'), place: provincePlaces('62'), online: 2_100, postal: 180, openAtCloseBy: 240,
      rejected: 9, withdrawn: 4, late: 70, apologyForLate: 66, digitizedBasisPoints: 6420, paidOnline: 1_300, rated: 1_800, satisfied: 1_730,
    },
    {
      ...base, ...beforeReform, name: 'Kiên Giang, January to June 2025', count: 5_000,
      procedures: inForce('91', '2025-01-02'), place: provincePlaces('91'), online: 1_600, postal: 150, openAtCloseBy: 200,
      rejected: 8, withdrawn: 3, late: 55, apologyForLate: 50, digitizedBasisPoints: 5980, paidOnline: 900, rated: 1_500, satisfied: 1_440,
    },
    {
      ...base, ...afterReform, name: 'Quảng Ngãi (merged), July to October 2025', count: 12_000,
      procedures: of('51@2025'), place: reformPlaces('51@2025'), online: 5_400, postal: 600, openAtCloseBy: 480,
      rejected: 36, withdrawn: 14, late: 150, apologyForLate: 140, digitizedBasisPoints: 7240, paidOnline: 3_000, rated: 4_000, satisfied: 3_860,
    },
    {
      ...base, ...afterReform, name: 'An Giang (merged), July to October 2025', count: 10_000,
      procedures: of('91@2025'), place: reformPlaces('91@2025'), online: 4_100, postal: 500, openAtCloseBy: 400,
      rejected: 30, withdrawn: 12, late: 120, apologyForLate: 115, digitizedBasisPoints: 6850, paidOnline: 2_400, rated: 3_300, satisfied: 3_150,
    },
  ];
}
