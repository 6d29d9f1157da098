import type { SubgraphContext } from '../../core/context';
import { isTerritoryBatch, type TerritoryBatch, type UnitPath } from '../../core/access';
import { Procedure } from '../procedure/procedure';
import type { Period } from '../../core/time';
import { batchTotals, DOSSIER_SUMS, IN_PERIOD_ROW, inPeriodSql, territoryDetails, territoryTotals } from '../rollups/sums';

/**
 * The counters of the reporting contract, summed from the rollups (`rollups/`, docs/architecture.md
 * rule 15), never from the dossiers: a territory's totals read its totals rows (a bounded number of
 * day, month and year buckets per lineage branch, `rollups/buckets.ts`), a breakdown the
 * per-procedure rows of the territory's units.
 */

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
  province: provincePathOf('r.scopePath'),
  channel: 'r.channel',
  level: 'p.level',
  fieldCode: 'p.fieldCode',
  legacyLevel: 'p.legacyLevel',
};

/**
 * A group is listed when a dossier of it overlaps the period: received in it, carried over into
 * it, or returned in it after closing before it (its returned counter counts it).
 */
const GROUP_OVERLAPS = `SUM(CASE WHEN ${IN_PERIOD_ROW} THEN r.received + r.returned ELSE r.received - r.closed END) > 0`;

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

export type CounterName = keyof typeof DOSSIER_SUMS;

/** The counters a set of requested DossierCounts fields needs (all of them when none is known). */
export function countersFor(fields: Iterable<string> | undefined): Set<string> {
  const all = Object.keys(DOSSIER_SUMS);
  if (!fields) return new Set(all);
  const needed = new Set<string>();
  for (const field of fields) {
    for (const counter of COUNTERS_OF_FIELD[field] ?? [field]) if (all.includes(counter)) needed.add(counter);
  }
  return needed;
}

/**
 * Dossier counters of a territory (public paths, rule 13) over the period, summed from the rollups;
 * grouped when asked (one row per group, `groupKey`). For a batch of territories, one row per key
 * (and group) with its `batchKey`, in the same one statement (docs/architecture.md, "Entity batches").
 */
export async function dossierAggregates(
  context: SubgraphContext,
  territory: UnitPath | readonly UnitPath[] | TerritoryBatch,
  period: Period,
  grouping?: Grouping,
  counters: Set<string> = countersFor(undefined),
): Promise<Record<string, unknown>[]> {
  const wanted = Object.entries(DOSSIER_SUMS).filter(([name]) => counters.has(name));
  const sums = Object.fromEntries(wanted.length > 0 ? wanted : Object.entries(DOSSIER_SUMS));
  if (!grouping) return isTerritoryBatch(territory) ? batchTotals(context, territory, period, sums) : [await territoryTotals(context, territory, period, sums)];
  const query = territoryDetails(context, territory, period, sums);
  if (grouping !== 'channel' && grouping !== 'province') query.innerJoin(Procedure, 'p', 'p.id = r.procedureId');
  return query
    .addSelect(GROUP_COLUMN[grouping], 'groupKey')
    .addGroupBy(GROUP_COLUMN[grouping])
    .having(inPeriodSql(GROUP_OVERLAPS, period))
    .orderBy(GROUP_COLUMN[grouping], 'ASC')
    .getRawMany();
}
