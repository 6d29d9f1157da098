import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../principal';
import { scopeOf } from './scope-of';
import { subtreeRange, type StoredPath, type UnitPath } from './unit-path';

/**
 * Scope in SQL: the only place a range on a path column is written. Every predicate takes a
 * list of units and keeps the rows whose stored path lies at or below ANY of them: one indexed
 * range per unit, OR-ed. Parameter names are unique per call, so any number of predicates can
 * share one query (or its subqueries) without overwriting each other's bounds.
 */
export interface Condition {
  sql: string;
  parameters: Record<string, StoredPath>;
}

let sequence = 0;
/** A parameter-name stem no other predicate call uses. */
const nextStem = () => `path${(sequence = (sequence + 1) % 1_000_000_000)}`;

/**
 * Rows whose `columns` (any of them) lie in the subtree of any of `units`. With no unit at all
 * the condition keeps nothing (`1 = 0`), never everything.
 */
export function subtreeCondition(columns: string | readonly string[], units: UnitPath | readonly UnitPath[]): Condition {
  const unitList = typeof units === 'string' ? [units] : units;
  const columnList = typeof columns === 'string' ? [columns] : columns;
  const stem = nextStem();
  const parameters: Record<string, StoredPath> = {};
  const ranges: string[] = [];
  unitList.forEach((unit, index) => {
    const { low, high } = subtreeRange(unit);
    parameters[`${stem}_${index}_low`] = low;
    parameters[`${stem}_${index}_high`] = high;
    for (const column of columnList) ranges.push(`(${column} >= :${stem}_${index}_low AND ${column} < :${stem}_${index}_high)`);
  });
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
  const exists = query
    .subQuery()
    .select('1')
    .from(related.entity, related.alias)
    .where(related.join)
    .andWhere(relatedRange.sql)
    .getQuery();
  return query.andWhere(`(${own.sql} OR EXISTS ${exists})`, { ...own.parameters, ...relatedRange.parameters });
}
