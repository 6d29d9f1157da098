import { agencyIds, PROVINCIAL_DEPARTMENTS } from '../../core/demo/agency-ids';
import { childrenOf, demoUnit, type DemoUnit } from '../../core/demo/administrative-tree';
import { demoPersonName, hashSeed } from '../../core/demo/names';
import { storedPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import { addDays, addWorkingDays, isWeekend } from '../../core/time';
import type { Dossier } from '../dossier/dossier';
import { DossierChannel } from '../dossier/dossier-channel';
import { DossierStatus } from '../dossier/dossier-status';
import type { Procedure } from '../procedure/procedure';
import { OnlineService } from '../procedure/online-service';
import { chosenIndices, pad } from './spread';

/** Where a dossier is received: the unit and the agency's desk. */
export interface Place {
  unit: DemoUnit;
  agencyId: string;
}

/**
 * A cohort of demo dossiers: how many, when received, through which channels, and how many end
 * each way. Counts are exact; the generator throws rather than miss a figure.
 */
export interface CohortPlan {
  name: string;
  count: number;
  /** Days the dossiers are received on (working days are kept), spread evenly in order. */
  receivedFrom: string;
  receivedTo: string;
  /** Procedures the dossiers are for; online dossiers use the ones with an online service. */
  procedures: Procedure[];
  place: (procedure: Procedure, index: number, channel: DossierChannel) => Place;
  online: number;
  postal: number;
  /** The last `openAtCloseBy` dossiers (in order of receipt) are still open at `closeBy`. */
  openAtCloseBy: number;
  closeBy: string;
  /** No dossier of the cohort closes before this (dossiers carried over into a period). */
  closeNotBefore?: string;
  /** Those open at `closeBy` are resolved from this time on, except every `stillOpenEvery`-th. */
  resolveOpenFrom?: string;
  stillOpenEvery?: number;
  rejected: number;
  withdrawn: number;
  late: number;
  apologyForLate: number;
  /** How long processing takes, as a share of the allowed time (default 0.8: most finish early). */
  speed?: number;
  /** Results returned by post, among those returned within [byPostFrom, byPostTo). */
  byPost: number;
  byPostWindow?: [string, string];
  /** Components digitized at reception, in basis points of all components (exact). */
  digitizedBasisPoints: number;
  paidOnline: number;
  rated: number;
  satisfied: number;
}

type DossierRow = Dossier;

const ids = new Map<string, number>();

const SEQUENCES = Array.from({ length: 10_000 }, (_unused, seq) => pad(seq, 4));

/**
 * Dossier code: day of receipt, receiving unit's official code, sequence of the day
 * ("230105-60801-0003"). Day first, so the demo rows arrive in key order and the primary key
 * grows at its end. A code names one unit on any given day, so day and code are unique
 * across both trees (`91` on 2019-03-04 is Kiên Giang, on 2025-08-04 the merged An Giang).
 */
function dossierId(unitCode: string, receivedAt: string): string {
  const key = `${receivedAt.slice(2, 4)}${receivedAt.slice(5, 7)}${receivedAt.slice(8, 10)}-${unitCode}`;
  const seq = (ids.get(key) ?? 0) + 1;
  ids.set(key, seq);
  return `${key}-${SEQUENCES[seq]}`;
}

export const resetDossierIds = () => ids.clear();

function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
  return days;
}

/** Office hours 07:30 to 16:29, one clock time per minute. */
const CLOCKS = Array.from({ length: 540 }, (_unused, step) => {
  const minutes = 7 * 60 + 30 + step;
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}:00`;
});
const clock = (index: number) => CLOCKS[(index * 37) % 540];

const later = (a: string, b: string) => (a > b ? a : b);
const addHours = (stored: string, hours: number) => {
  const [day, time] = stored.split(' ');
  const total = Number(time.slice(0, 2)) + hours;
  return total < 17 ? `${day} ${pad(total, 2)}${time.slice(2)}` : `${addWorkingDays(`${day} 08${time.slice(2)}`, 1)}`;
};

export function cohortRows(plan: CohortPlan): DossierRow[] {
  const days = workingDays(plan.receivedFrom, plan.receivedTo);
  const onlinePool = plan.procedures.filter((procedure) => procedure.onlineService !== OnlineService.NONE);
  if (plan.online > 0 && onlinePool.length === 0) throw new Error(`${plan.name}: no online procedures`);
  const online = chosenIndices(plan.count, plan.online);
  const postalCandidates = plan.count - plan.online;
  const postalRank = chosenIndices(postalCandidates, plan.postal);
  const closable = plan.count - plan.openAtCloseBy;

  // First pass: receipt, procedure, place, due time.
  const rows: DossierRow[] = [];
  const processingDays: number[] = [];
  let offline = 0;
  for (let index = 0; index < plan.count; index += 1) {
    let channel: DossierChannel = DossierChannel.IN_PERSON;
    if (online.has(index)) channel = DossierChannel.ONLINE;
    else if (postalRank.has(offline++)) channel = DossierChannel.POSTAL;
    const pool = channel === DossierChannel.ONLINE ? onlinePool : plan.procedures;
    const procedure = pool[(index * 7919 + Math.floor(index / pool.length)) % pool.length];
    const place = plan.place(procedure, index, channel);
    const receivedAt = `${days[Math.floor((index * days.length) / plan.count)]} ${clock(index)}`;
    const components = 1 + ((index * 7) % 5);
    processingDays.push(procedure.processingDays);
    const id = dossierId(place.unit.code, receivedAt);
    const seed = hashSeed(id);
    rows.push({
      id,
      procedureId: procedure.id,
      unitId: place.unit.id,
      unitPath: storedPath(place.unit.path),
      agencyId: place.agencyId,
      channel,
      status: DossierStatus.PROCESSING,
      receivedAt,
      dueAt: addWorkingDays(receivedAt, procedure.processingDays),
      resolvedAt: null,
      returnedAt: null,
      closedAt: null,
      supplementSince: null,
      supplementWaitSeconds: 0,
      componentCount: components,
      digitizedComponents: 0,
      paidOnline: false,
      resultByPost: false,
      apologyAt: null,
      promisedAt: null,
      rating: null,
      applicantName: demoPersonName(seed),
      applicantIdNumber: `0${pad(seed % 100_000_000_000, 11)}`,
      // Stamped by demoData (seed/seed.ts) once the outcome is drawn: pull sync.
      updatedAt: '',
    });
  }

  // Outcomes of the closable ones: rejected, withdrawn, late or on time.
  const lateEligible: number[] = [];
  for (let index = 0; index < closable; index += 1) {
    if (addDays(rows[index].dueAt.slice(0, 10), 5) < plan.closeBy.slice(0, 10)) lateEligible.push(index);
  }
  const lateRank = chosenIndices(lateEligible.length, plan.late);
  const lateList = lateEligible.filter((_index, rank) => lateRank.has(rank));
  const late = new Uint8Array(plan.count);
  for (const index of lateList) late[index] = 1;
  // Rejected and withdrawn: spread over the closable ones that are not late, then split exactly.
  const otherRank = chosenIndices(closable - lateList.length, plan.rejected + plan.withdrawn);
  const closedOtherwise = new Uint8Array(plan.count);
  const rejected = new Uint8Array(plan.count);
  let notLateRank = 0;
  let otherCount = 0;
  const split = chosenIndices(plan.rejected + plan.withdrawn, plan.rejected);
  for (let index = 0; index < closable; index += 1) {
    if (late[index] || !otherRank.has(notLateRank++)) continue;
    closedOtherwise[index] = 1;
    if (split.has(otherCount++)) rejected[index] = 1;
  }
  const speed = plan.speed ?? 0.8;

  for (let index = 0; index < plan.count; index += 1) {
    const row = rows[index];
    const procedureDays = processingDays[index];
    if (index >= closable) {
      // Open at closeBy; most are resolved later on.
      const stillOpen = plan.stillOpenEvery !== undefined && index % plan.stillOpenEvery === 0;
      if (!plan.resolveOpenFrom || stillOpen) {
        row.status = index % 7 === 0 ? DossierStatus.SUPPLEMENT_REQUESTED : index % 5 === 0 ? DossierStatus.RECEIVED : DossierStatus.PROCESSING;
        if (row.status === DossierStatus.SUPPLEMENT_REQUESTED) row.supplementSince = addHours(row.receivedAt, 2);
        continue;
      }
      const resolvedAt = later(addWorkingDays(plan.resolveOpenFrom, index % 8), addHours(row.receivedAt, 2));
      resolve(row, resolvedAt, index);
      continue;
    }
    if (closedOtherwise[index]) {
      row.status = rejected[index] ? DossierStatus.REJECTED : DossierStatus.WITHDRAWN;
      row.closedAt = later(addHours(row.receivedAt, 1 + (index % 5)), plan.closeNotBefore ?? '');
      if (row.closedAt >= plan.closeBy) throw new Error(`${plan.name}: dossier ${row.id} closes after ${plan.closeBy}`);
      continue;
    }
    let resolvedAt: string;
    if (late[index]) {
      resolvedAt = `${addDays(row.dueAt.slice(0, 10), 1 + (index % 3))}${row.dueAt.slice(10)}`;
    } else {
      const used = Math.floor(procedureDays * speed * ((index % 5) / 4));
      resolvedAt = addHours(addWorkingDays(row.receivedAt, used), used === 0 ? 2 : 0);
      if (resolvedAt > row.dueAt) resolvedAt = row.dueAt;
      if (plan.closeNotBefore) resolvedAt = later(resolvedAt, addWorkingDays(plan.closeNotBefore, index % 3));
      if (resolvedAt >= plan.closeBy) resolvedAt = `${lastWorkingDayBefore(plan.closeBy.slice(0, 10))} 16:30:00`;
      if (resolvedAt > row.dueAt || resolvedAt <= row.receivedAt) {
        throw new Error(`${plan.name}: dossier ${row.id} cannot be resolved on time before ${plan.closeBy}`);
      }
    }
    if (resolvedAt >= plan.closeBy || (plan.closeNotBefore && resolvedAt < plan.closeNotBefore)) {
      throw new Error(`${plan.name}: dossier ${row.id} resolved at ${resolvedAt}, outside its window`);
    }
    resolve(row, resolvedAt, index);
  }

  // Apology letters for the late ones, results by post, payments, ratings, digitization.
  const apology = chosenIndices(lateList.length, plan.apologyForLate);
  lateList.forEach((index, rank) => {
    if (!apology.has(rank)) return;
    const row = rows[index];
    row.apologyAt = row.dueAt;
    row.promisedAt = row.resolvedAt;
  });
  const returned = rows.filter((row) => row.returnedAt !== null && (!plan.byPostWindow || (row.returnedAt >= plan.byPostWindow[0] && row.returnedAt < plan.byPostWindow[1])));
  const byPost = chosenIndices(returned.length, plan.byPost);
  returned.forEach((row, rank) => (row.resultByPost = byPost.has(rank)));
  const rateable = rows.filter((row) => row.returnedAt !== null);
  const rated = chosenIndices(rateable.length, plan.rated);
  const ratedRows = rateable.filter((_row, rank) => rated.has(rank));
  const satisfied = chosenIndices(ratedRows.length, plan.satisfied);
  ratedRows.forEach((row, rank) => (row.rating = satisfied.has(rank) ? 4 + (rank % 2) : 1 + (rank % 3)));
  const paid = chosenIndices(plan.count, plan.paidOnline);
  rows.forEach((row, index) => (row.paidOnline = paid.has(index)));
  distributeDigitized(rows, plan.digitizedBasisPoints);
  return rows;
}

function resolve(row: DossierRow, resolvedAt: string, index: number) {
  row.resolvedAt = resolvedAt;
  row.closedAt = resolvedAt;
  row.returnedAt = addHours(resolvedAt, 1 + (index % 3));
  row.status = DossierStatus.RETURNED;
}

function lastWorkingDayBefore(day: string): string {
  let before = addDays(day, -1);
  while (isWeekend(before)) before = addDays(before, -1);
  return before;
}

/** Exactly `basisPoints`/10000 of all components, cut to two decimals, spread over the dossiers. */
function distributeDigitized(rows: DossierRow[], basisPoints: number) {
  const components = rows.reduce((sum, row) => sum + row.componentCount, 0);
  const digitized = Math.ceil((components * basisPoints) / 10000);
  if (Math.floor((digitized * 10000) / components) !== basisPoints) throw new Error('digitization target cannot be met');
  let seen = 0;
  for (const row of rows) {
    const before = Math.floor((seen * digitized) / components);
    seen += row.componentCount;
    row.digitizedComponents = Math.floor((seen * digitized) / components) - before;
  }
}

/** Receiving desks of a province: the service center or a department, district and commune one-stop desks. */
export function provincePlaces(provinceCode: string, only?: { districts?: string[]; communes?: string[] }) {
  const province = demoUnit(provinceCode);
  const districts = only?.districts?.map(demoUnit) ?? childrenOf(provinceCode);
  const communes = only?.communes?.map(demoUnit) ?? childrenOf(provinceCode).flatMap((district) => childrenOf(district.code));
  return (procedure: Procedure, index: number): Place => {
    if (procedure.level === UnitLevel.PROVINCE) {
      const agencyId = procedure.atServiceCenter
        ? agencyIds.serviceCenter(provinceCode)
        : agencyIds.department(provinceCode, PROVINCIAL_DEPARTMENTS[index % PROVINCIAL_DEPARTMENTS.length].slug);
      return { unit: province, agencyId };
    }
    const list = procedure.level === UnitLevel.DISTRICT ? districts : communes;
    const unit = list[(index * 13 + (index >> 4)) % list.length];
    return { unit, agencyId: agencyIds.oneStopDesk(unit.id) };
  };
}
