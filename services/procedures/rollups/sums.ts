import type { SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { storedPath, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { toNumber } from '../../core/database';
import type { Period } from '../../core/time';
import { periodBuckets, rangesCondition } from './buckets';
import { DailyCount, TOTALS } from './daily-count';

/**
 * The figures of the reporting contract as sums of rollup rows `r` (`events.ts` says why each sum
 * is the figure). A query reads two sets of buckets (`buckets.ts`: years, months and days): those
 * of the period and those of everything before it, each covering its days exactly once.
 * `{inPeriod}` in a sum stands for "the row is a bucket of the period" (`inPeriodSql`): in-period
 * counters sum those rows, carried-over ones the others, in-progress ones all of them.
 */
export const IN_PERIOD_ROW = '{inPeriod}';
const IN_PERIOD = (column: string) => `SUM(CASE WHEN ${IN_PERIOD_ROW} THEN r.${column} ELSE 0 END)`;
const BEFORE = (expression: string) => `SUM(CASE WHEN ${IN_PERIOD_ROW} THEN 0 ELSE ${expression} END)`;

export const DOSSIER_SUMS: Record<string, string> = {
  receivedInPeriod: IN_PERIOD('received'),
  receivedOnline: IN_PERIOD('receivedOnline'),
  receivedPostal: IN_PERIOD('receivedPostal'),
  carriedOver: BEFORE('r.received - r.closed'),
  resolved: IN_PERIOD('resolved'),
  resolvedOnTime: IN_PERIOD('resolvedOnTime'),
  resolvedLateWithApology: IN_PERIOD('resolvedLateWithApology'),
  rejected: IN_PERIOD('rejected'),
  withdrawn: IN_PERIOD('withdrawn'),
  inProgress: 'SUM(r.received - r.closed)',
  overdueInProgress: 'SUM(r.overdueFrom - r.overdueEnded)',
  paidOnline: IN_PERIOD('paidOnline'),
  returned: IN_PERIOD('returned'),
  returnedByPost: IN_PERIOD('returnedByPost'),
  rated: IN_PERIOD('rated'),
  satisfied: IN_PERIOD('satisfied'),
  components: IN_PERIOD('components'),
  digitizedComponents: IN_PERIOD('digitizedComponents'),
};

export const FEEDBACK_SUMS: Record<string, string> = {
  feedbackReceived: IN_PERIOD('feedbackReceived'),
  feedbackCarriedOver: BEFORE('r.feedbackReceived - r.feedbackHandled'),
  feedbackHandled: IN_PERIOD('feedbackHandled'),
  feedbackHandledOnTime: IN_PERIOD('feedbackHandledOnTime'),
  feedbackPending: 'SUM(r.feedbackReceived - r.feedbackHandled)',
};

/**
 * The stored paths whose totals rows cover a territory exactly once: its paths (rule 13: one per
 * lineage branch), without those lying below another one of them.
 */
export function totalsScopes(territory: UnitPath | readonly UnitPath[]): string[] {
  const paths = [...new Set((typeof territory === 'string' ? [territory] : territory).map(storedPath))];
  return paths.filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
}

/** `sql` with `{inPeriod}` replaced by the condition on the period's buckets (parameters set by `rowsUpToEnd`). */
export function inPeriodSql(sql: string, period: Period): string {
  return sql.split(IN_PERIOD_ROW).join(rangesCondition('r.day', periodBuckets(period).inPeriod, 'bucketIn').sql);
}

/** Rollup rows of the period's buckets and of the buckets before it (a bounded number per scope), with the sums selected. */
function rowsUpToEnd(context: SubgraphContext, period: Period, sums: Record<string, string>): SelectQueryBuilder<DailyCount> {
  const { inPeriod, before } = periodBuckets(period);
  const within = rangesCondition('r.day', inPeriod, 'bucketIn');
  const earlier = rangesCondition('r.day', before, 'bucketBefore');
  const query = context.dataSource
    .getRepository(DailyCount)
    .createQueryBuilder('r')
    .select([])
    .where(`(${within.sql} OR ${earlier.sql})`, { ...within.parameters, ...earlier.parameters });
  for (const [name, sum] of Object.entries(sums)) query.addSelect(inPeriodSql(sum, period), name);
  return query;
}

/** The totals of a territory over a period: a bounded number of bucket rows per lineage branch is read, whatever lies below. */
export function territoryTotals(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], period: Period, sums: Record<string, string>) {
  const scopes = totalsScopes(territory);
  if (scopes.length === 0) return Promise.resolve<Record<string, unknown>>({});
  return rowsUpToEnd(context, period, sums)
    .andWhere('r.scopePath IN (:...scopes)', { scopes })
    .andWhere(`r.procedureId = '${TOTALS}' AND r.channel = '${TOTALS}'`)
    .getRawOne<Record<string, unknown>>()
    .then((row) => row ?? {});
}

/**
 * The details (per procedure and channel) of a territory's units, by subtree range, for the
 * breakdowns; for a batch, joined to each key's ranges and grouped by `batchKey`.
 */
export function territoryDetails(context: SubgraphContext, territory: UnitPath | readonly UnitPath[] | TerritoryBatch, period: Period, sums: Record<string, string>) {
  return whereInTerritories(rowsUpToEnd(context, period, sums), 'r.scopePath', territory).andWhere(`r.procedureId <> '${TOTALS}'`);
}

/**
 * The totals of each territory of a batch (docs/architecture.md, "Entity batches"): the totals rows
 * of every key's scopes in ONE statement (`scopeTotals`), added up per key in memory; one row per
 * key with its `batchKey`, every key present.
 */
export async function batchTotals(context: SubgraphContext, batch: TerritoryBatch, period: Period, sums: Record<string, string>): Promise<Record<string, unknown>[]> {
  const keyed = batch.byKey.map(({ key, territory }) => ({ key, scopes: totalsScopes(territory) }));
  const rows = await scopeTotals(context, [...new Set(keyed.flatMap(({ scopes }) => scopes))], period, sums);
  const byScope = new Map(rows.map((row) => [String(row.groupKey), row]));
  return keyed.map(({ key, scopes }) => ({
    batchKey: key,
    ...Object.fromEntries(Object.keys(sums).map((name) => [name, scopes.reduce((total, scope) => total + toNumber(byScope.get(scope)?.[name]), 0)])),
  }));
}

/** The totals of each of the given scopes (stored paths), one row each with its path as `groupKey`: the national ranking. */
export function scopeTotals(context: SubgraphContext, scopes: string[], period: Period, sums: Record<string, string>) {
  if (scopes.length === 0) return Promise.resolve<Record<string, unknown>[]>([]);
  return rowsUpToEnd(context, period, sums)
    .addSelect('r.scopePath', 'groupKey')
    .andWhere('r.scopePath IN (:...scopes)', { scopes })
    .andWhere(`r.procedureId = '${TOTALS}' AND r.channel = '${TOTALS}'`)
    .groupBy('r.scopePath')
    .getRawMany<Record<string, unknown>>();
}
