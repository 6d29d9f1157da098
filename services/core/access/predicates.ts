import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../principal';
import { memoized } from '../statement-memo';
import { scopeOf } from './scope-of';
import { isWithin, subtreeRange, type StoredPath, type UnitPath } from './unit-path';

/**
 * Scope in SQL: the only place a range on a path column is written. Every predicate takes a
 * list of units and keeps the rows whose stored path lies at or below ANY of them: one indexed
 * range per unit, OR-ed. A bound's parameter name is derived from its value alone
 * (`boundName`), so a name always carries the same value: any number of predicates can share one
 * query (or its subqueries, or parts whose parameters are merged, as `core/page-batch.ts` does)
 * without overwriting each other's bounds.
 */
export interface Condition {
  sql: string;
  parameters: Record<string, StoredPath>;
}

/**
 * The parameter name of a range bound: its value, hex-encoded (injective, so one name never
 * stands for two values). Names unique per call (a sequence) made every call's parameter objects
 * (ours and TypeORM's) take property names V8 had never seen, each a new hidden class: 25 µs a
 * call for one unit, most of a scoped read's predicate (bench `verify-document`, CPU profile).
 * Names from values repeat, as the units asked about do.
 */
const boundName = (value: StoredPath) => `pb_${Buffer.from(value, 'utf8').toString('hex')}`;

let sequence = 0;
/** A parameter-name stem no other predicate call uses (`joinTerritoryRanges`: batch keys). */
const nextStem = () => `path${(sequence = (sequence + 1) % 1_000_000_000)}`;

/**
 * Rows whose `columns` (any of them) lie in the subtree of any of `units`. With no unit at all
 * the condition keeps nothing (`1 = 0`), never everything.
 */
export function subtreeCondition(columns: string | readonly string[], units: UnitPath | readonly UnitPath[]): Condition {
  const unitList = typeof units === 'string' ? [units] : units;
  const columnList = typeof columns === 'string' ? [columns] : columns;
  const parameters: Record<string, StoredPath> = {};
  const ranges: string[] = [];
  for (const unit of unitList) {
    const { low, high } = subtreeRange(unit);
    const [lowName, highName] = [boundName(low), boundName(high)];
    parameters[lowName] = low;
    parameters[highName] = high;
    for (const column of columnList) ranges.push(`(${column} >= :${lowName} AND ${column} < :${highName})`);
  }
  return { sql: ranges.length === 0 ? '1 = 0' : `(${ranges.join(' OR ')})`, parameters };
}

/** Adds a condition to a query (AND). */
export const whereCondition = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, condition: Condition) =>
  query.andWhere(condition.sql, condition.parameters);

/**
 * For an aggregate or a filter about explicit units (checked against the scope by the caller,
 * `docs/architecture.md` rule 2): keeps the rows at or below `units`.
 */
export const whereWithin = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, units: UnitPath | readonly UnitPath[]) =>
  whereCondition(query, subtreeCondition(column, units));

/** `docs/architecture.md` rule 1: keeps the rows whose path column lies in the principal's scope. */
export const whereInScope = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, principal: Principal) =>
  whereCondition(query, subtreeCondition(column, scopeOf(principal)));

/**
 * `docs/architecture.md` rule 1 for a record with two sides (a transfer's sender and
 * recipient, an inspection's inspector and target, an audit entry's actor and target):
 * visible from either.
 */
export const whereAnyInScope = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: readonly string[], principal: Principal) =>
  whereCondition(query, subtreeCondition(columns, scopeOf(principal)));

/** A related table whose rows make the main row visible: `EXISTS (… WHERE join AND path in scope)`. */
export interface RelatedInScope {
  entity: EntityTarget<ObjectLiteral>;
  /** Alias of the related table inside the subquery. */
  alias: string;
  /** Joins the related row to the main row, e.g. `received.documentId = document.id`. */
  join: string;
  /** Path column of the related row, e.g. `received.recipientUnitPath`. */
  pathColumn: string;
}

/**
 * `docs/architecture.md` rule 1 where a row is also visible through a related row: the row's
 * own path is in scope OR a related row in scope exists (a document is read by its unit's
 * subtree, and by any unit it was sent to). Indexed ranges and one correlated EXISTS.
 */
export function whereInScopeOrRelated<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  principal: Principal,
  related: RelatedInScope,
): SelectQueryBuilder<T> {
  const units = scopeOf(principal);
  const own = subtreeCondition(column, units);
  const relatedRange = subtreeCondition(related.pathColumn, units);
  // Its text depends on the table, the join and the ranges' names alone: made once (core/statement-memo.ts).
  const key = `${query.dataSource.getMetadata(related.entity).tablePath}|${related.alias}|${related.join}|${relatedRange.sql}`;
  const exists = memoized(query.dataSource, 'exists-in-scope', key, () =>
    query.subQuery().select('1').from(related.entity, related.alias).where(related.join).andWhere(relatedRange.sql).getQuery(),
  );
  return query.andWhere(`(${own.sql} OR EXISTS ${exists})`, { ...own.parameters, ...relatedRange.parameters });
}

/** One key of a batch (an entity representation) and the units its aggregate counts (rule 13: one per lineage branch). */
export interface KeyedTerritory {
  key: string;
  territory: UnitPath | readonly UnitPath[];
}

/**
 * For a batch of `_entities` representations answered by one grouped statement (docs/architecture.md,
 * "Entity batches"): joins the rows whose `column` lies in any key's territory to a derived table of
 * `(batchKey, rangeLow, rangeHigh)`, one row per branch, selects `<alias>.batchKey` AS `batchKey`
 * and groups by it. A row under two keys (a unit and its parent in one batch) counts for each;
 * a branch nested in another branch of the same key is dropped, so no row counts twice for one key.
 * The union of all ranges is also ANDed on the main table, so its path index is still used.
 */
export function joinTerritories<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  keyed: readonly KeyedTerritory[],
  alias = 'keyedRange',
): SelectQueryBuilder<T> {
  return joinTerritoryRanges(query, column, keyed, alias).addSelect(`${alias}.batchKey`, 'batchKey').addGroupBy(`${alias}.batchKey`);
}

/**
 * The join of `joinTerritories` alone (no grouping): each row once per key whose territory holds
 * it, its key in `<alias>.batchKey` (for a batch of lists: `core/page-batch.ts`).
 */
export function joinTerritoryRanges<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  keyed: readonly KeyedTerritory[],
  alias = 'keyedRange',
): SelectQueryBuilder<T> {
  const stem = nextStem();
  const parameters: Record<string, string> = {};
  const rows: string[] = [];
  const all: UnitPath[] = [];
  keyed.forEach(({ key, territory }, index) => {
    const branches = typeof territory === 'string' ? [territory] : [...territory];
    const kept = branches.filter((unit, at) => !branches.some((other, o) => o !== at && isWithin(unit, other) && (!isWithin(other, unit) || o < at)));
    parameters[`${stem}_k${index}`] = key;
    kept.forEach((unit, branch) => {
      const { low, high } = subtreeRange(unit);
      parameters[`${stem}_${index}_${branch}_low`] = low;
      parameters[`${stem}_${index}_${branch}_high`] = high;
      rows.push(`SELECT :${stem}_k${index} AS batchKey, :${stem}_${index}_${branch}_low AS rangeLow, :${stem}_${index}_${branch}_high AS rangeHigh`);
      all.push(unit);
    });
  });
  if (rows.length === 0) return query.andWhere('1 = 0');
  whereCondition(query, subtreeCondition(column, [...new Set(all)]));
  return query.innerJoin(`(${rows.join(' UNION ALL ')})`, alias, `${column} >= ${alias}.rangeLow AND ${column} < ${alias}.rangeHigh`).setParameters(parameters);
}

/** Many keys' territories at once, for `whereInTerritories`: rows come back with a `batchKey` column. */
export interface TerritoryBatch {
  byKey: readonly KeyedTerritory[];
}

export const isTerritoryBatch = (territory: UnitPath | readonly UnitPath[] | TerritoryBatch): territory is TerritoryBatch =>
  typeof territory === 'object' && 'byKey' in territory;

/**
 * An aggregate's territory: one (`whereWithin`, rule 13: one range per branch), or a batch of them
 * (`joinTerritories`: grouped by `batchKey`), so one aggregate function serves a field and a batch.
 */
export const whereInTerritories = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, territory: UnitPath | readonly UnitPath[] | TerritoryBatch) =>
  isTerritoryBatch(territory) ? joinTerritories(query, column, territory.byKey) : whereWithin(query, column, territory);

/** Groups a batch's raw rows by their `batchKey` (every key present, possibly with no row). */
export function rowsByKey<R extends object>(batch: TerritoryBatch, rows: readonly R[]): Map<string, R[]> {
  const grouped = new Map<string, R[]>(batch.byKey.map(({ key }) => [key, []]));
  for (const row of rows) grouped.get(String((row as { batchKey?: unknown }).batchKey))?.push(row);
  return grouped;
}
