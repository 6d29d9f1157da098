import type { SubgraphContext } from '../../core/context';
import { whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { Dossier } from '../dossier/dossier';
import { Procedure } from '../procedure/procedure';
import type { Period } from '../../core/time';

/**
 * The counters in SQL: one statement, one pass over the dossiers of a subtree whose life
 * overlaps the period, `SUM(CASE ...)` for each counter. Times are stored local strings, so
 * every comparison is a string comparison that means the same on SQLite and MariaDB.
 */
const RESOLVED = 'd.resolvedAt >= :start AND d.resolvedAt < :end';
const RETURNED = 'd.returnedAt >= :start AND d.returnedAt < :end';
const IN_PERIOD = 'd.receivedAt >= :start';
const OPEN_AT_END = '(d.closedAt IS NULL OR d.closedAt >= :end)';

const COUNTERS: Record<string, string> = {
  receivedInPeriod: IN_PERIOD,
  receivedOnline: `${IN_PERIOD} AND d.channel = 'ONLINE'`,
  receivedPostal: `${IN_PERIOD} AND d.channel = 'POSTAL'`,
  carriedOver: 'd.receivedAt < :start AND (d.closedAt IS NULL OR d.closedAt >= :start)',
  resolved: RESOLVED,
  resolvedOnTime: `${RESOLVED} AND d.resolvedAt <= d.dueAt`,
  resolvedLateWithApology: `${RESOLVED} AND d.resolvedAt > d.dueAt AND d.apologyAt IS NOT NULL`,
  rejected: "d.status = 'REJECTED' AND d.closedAt >= :start AND d.closedAt < :end",
  withdrawn: "d.status = 'WITHDRAWN' AND d.closedAt >= :start AND d.closedAt < :end",
  inProgress: OPEN_AT_END,
  overdueInProgress: `${OPEN_AT_END} AND d.dueAt < :end`,
  paidOnline: `${IN_PERIOD} AND d.paidOnline = 1`,
  returned: RETURNED,
  returnedByPost: `${RETURNED} AND d.resultByPost = 1`,
  rated: `${RETURNED} AND d.rating IS NOT NULL`,
  satisfied: `${RETURNED} AND d.rating >= 4`,
};

const SUMS: Record<string, string> = {
  components: `CASE WHEN ${IN_PERIOD} THEN d.componentCount ELSE 0 END`,
  digitizedComponents: `CASE WHEN ${IN_PERIOD} THEN d.digitizedComponents ELSE 0 END`,
};

/** What a breakdown groups by: a dossier column, or a column of its procedure. */
export type Grouping = 'channel' | 'level' | 'fieldCode' | 'legacyLevel' | 'province';

/**
 * The stored path of the province a stored path lies in, in SQL: everything up to the separator
 * after the province's id, `VN/62/` of `VN/62/610/23500/`, `VN/51@2025/` of
 * `VN/51@2025/21548@2025/` (ids of the two trees differ in length; INSTR and SUBSTR mean the same
 * on SQLite and MariaDB). `VN/` for a row of the nation itself.
 */
export const provincePathOf = (column: string) => `SUBSTR(${column}, 1, 3 + INSTR(SUBSTR(${column}, 4), '/'))`;

const GROUP_COLUMN: Record<Grouping, string> = {
  province: provincePathOf('d.unitPath'),
  channel: 'd.channel',
  level: 'p.level',
  fieldCode: 'p.fieldCode',
  legacyLevel: 'p.legacyLevel',
};

/** The SQL counters behind each field of DossierCounts: a request computes only what it reads. */
const COUNTERS_OF_FIELD: Record<string, string[]> = {
  received: ['receivedInPeriod', 'carriedOver'],
  receivedInPersonOrPostal: ['receivedInPeriod', 'receivedOnline'],
  resolvedLate: ['resolved', 'resolvedOnTime'],
  onTimeRate: ['resolved', 'resolvedOnTime'],
  apologyRate: ['resolved', 'resolvedOnTime', 'resolvedLateWithApology'],
  onlineRate: ['receivedOnline', 'receivedInPeriod'],
  digitizationRate: ['components', 'digitizedComponents'],
  satisfactionRate: ['satisfied', 'rated'],
};

export type CounterName = keyof typeof COUNTERS | keyof typeof SUMS;

/** The counters a set of requested DossierCounts fields needs (all of them when none is known). */
export function countersFor(fields: Iterable<string> | undefined): Set<string> {
  const all = [...Object.keys(COUNTERS), ...Object.keys(SUMS)];
  if (!fields) return new Set(all);
  const needed = new Set<string>();
  for (const field of fields) {
    for (const counter of COUNTERS_OF_FIELD[field] ?? [field]) if (all.includes(counter)) needed.add(counter);
  }
  return needed;
}

/**
 * Dossiers of a territory (public paths, rule 13: one range each) that overlap the period, counted; grouped when asked.
 * For a batch of territories, one row per key and group, with its `batchKey` (docs/architecture.md, "Entity batches").
 */
export async function dossierAggregates(
  context: SubgraphContext,
  territory: UnitPath | readonly UnitPath[] | TerritoryBatch,
  period: Period,
  grouping?: Grouping,
  counters: Set<string> = countersFor(undefined),
): Promise<Record<string, unknown>[]> {
  const query = whereInTerritories(context.dataSource.getRepository(Dossier).createQueryBuilder('d').select([]), 'd.unitPath', territory)
    .andWhere('d.receivedAt < :end')
    .andWhere('(d.closedAt IS NULL OR d.closedAt >= :start OR d.returnedAt >= :start)')
    .setParameters({ start: period.start, end: period.end });
  for (const [name, condition] of Object.entries(COUNTERS)) {
    if (counters.has(name)) query.addSelect(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, name);
  }
  for (const [name, expression] of Object.entries(SUMS)) if (counters.has(name)) query.addSelect(`SUM(${expression})`, name);
  if (counters.size === 0 && !grouping) query.addSelect('COUNT(*)', 'rows');
  if (grouping) {
    if (grouping !== 'channel' && grouping !== 'province') query.innerJoin(Procedure, 'p', 'p.id = d.procedureId');
    query.addSelect(GROUP_COLUMN[grouping], 'groupKey').addGroupBy(GROUP_COLUMN[grouping]).orderBy(GROUP_COLUMN[grouping], 'ASC');
  }
  return query.getRawMany();
}
