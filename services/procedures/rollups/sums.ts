import type { SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { storedPath, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { toNumber } from '../../core/database';
import type { Period } from '../../core/time';
import { DailyCount, TOTALS } from './daily-count';

/**
 * The figures of the reporting contract as sums of rollup rows `r` over days (`events.ts` says why
 * each sum is the figure): with the period's first and last day, in-period counters sum the rows
 * dated within it; carried-over and in-progress ones sum every row before or up to it.
 */
const IN_PERIOD = (column: string) => `SUM(CASE WHEN r.day >= :fromDay THEN r.${column} ELSE 0 END)`;

export const DOSSIER_SUMS: Record<string, string> = {
  receivedInPeriod: IN_PERIOD('received'),
  receivedOnline: IN_PERIOD('receivedOnline'),
  receivedPostal: IN_PERIOD('receivedPostal'),
  carriedOver: 'SUM(CASE WHEN r.day < :fromDay THEN r.received - r.closed ELSE 0 END)',
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
  feedbackCarriedOver: 'SUM(CASE WHEN r.day < :fromDay THEN r.feedbackReceived - r.feedbackHandled ELSE 0 END)',
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

/** Rollup rows up to the period's last day, with the sums selected. */
function rowsUpToEnd(context: SubgraphContext, period: Period, sums: Record<string, string>): SelectQueryBuilder<DailyCount> {
  const query = context.dataSource.getRepository(DailyCount).createQueryBuilder('r').select([]).where('r.day <= :toDay');
  for (const [name, sum] of Object.entries(sums)) query.addSelect(sum, name);
  return query.setParameters({ fromDay: period.from, toDay: period.to });
}

/** The totals of a territory over a period: one row per day per lineage branch is read, whatever lies below. */
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
