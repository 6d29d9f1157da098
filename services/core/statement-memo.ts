import { LRUCache } from 'lru-cache';
import type { DataSource, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js';

/**
 * `getMany()` for the hub's hottest reads (a record by id with the scope in its WHERE:
 * `core/access/scoped-loader.ts`), with the statement's SQL made once per shape instead of
 * once per call. TypeORM builds the SQL text anew for every call (the select list, the
 * property names replaced by regular expressions, the parameters escaped): about 8% of the
 * documents subgraph's CPU a request in the `verify-document` bench profile, for a text that
 * only changes when the shape does.
 *
 * The shape is what decides the text: the entity (its table, columns, soft-delete), the alias,
 * the selects, the WHERE clauses as written (`:name` placeholders, the scope's bounds named after
 * their values: `core/access/predicates.ts`), and each parameter's name and, for a list, its
 * length. The
 * memo keeps the text with, for each `?`, which parameter (and which item of a list) goes
 * there, found once by building the text with marker values. Rows become entities through
 * TypeORM's own transformer, as `getMany()` does.
 *
 * Only plain reads take this path: one table (no joins, other FROM or CTE), no order, paging,
 * locks, relation ids, lazy relations, query cache, entity listeners or subscribers, and
 * parameters that are strings or lists of strings or numbers. Anything else is `getMany()`
 * itself, so the answer is always TypeORM's.
 */

/** Where the value of one `?` comes from: a parameter, or one item of a list parameter. */
interface Slot {
  name: string;
  item?: number;
}

interface Statement {
  sql: string;
  slots: Slot[];
}

/** Shapes kept per data source and kind of text (each dialect its own): each is one SQL text of a few hundred bytes. */
const MAX_SHAPES = 2_000;
// Boxed: lru-cache's types take no null value, and a read found not to be plain is kept as null.
const memos = new WeakMap<DataSource, Map<string, LRUCache<string, { value: unknown }>>>();

/**
 * The value `make` gives for `key`, made once per data source and `kind` (at most MAX_SHAPES
 * kept per kind, the least recently used dropped first): SQL text whose making costs more than its key.
 */
export function memoized<V>(dataSource: DataSource, kind: string, key: string, make: () => V): V {
  let byKind = memos.get(dataSource);
  if (!byKind) memos.set(dataSource, (byKind = new Map()));
  let memo = byKind.get(kind);
  if (!memo) byKind.set(kind, (memo = new LRUCache({ max: MAX_SHAPES })));
  const kept = memo.get(key);
  if (kept) return kept.value as V;
  const value = make();
  memo.set(key, { value });
  return value;
}

type Value = string | number;
const isValue = (value: unknown): value is Value => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * Each entity's own number in the keys: two entities on one table differ in columns, a
 * soft-delete condition or a discriminator, so the table's name alone would not do.
 */
const entityIds = new WeakMap<object, number>();
let nextEntityId = 1;
const entityId = (metadata: object) => {
  if (!entityIds.has(metadata)) entityIds.set(metadata, nextEntityId++);
  return entityIds.get(metadata)!;
};

/** The memo key of a plain read, or undefined when the read is not plain (then: getMany). */
function shapeOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): string | undefined {
  const map = query.expressionMap;
  const main = map.mainAlias;
  // One table (no joins, no other FROM, no CTE), aliases prefixed, nothing appended, no find options.
  if (!main?.hasMetadata || map.aliases.length !== 1 || map.joinAttributes.length || map.relationIdAttributes.length) return undefined;
  if (map.commonTableExpressions.length || map.extraAppendedAndWhereCondition || !map.aliasNamePrefixingEnabled || map.relationLoadStrategy === 'query') return undefined;
  if (Object.keys((query as unknown as { findOptions?: object }).findOptions ?? {}).length) return undefined;
  if (Object.keys(map.orderBys).length || map.groupBys.length || map.havings.length || map.skip || map.take || map.limit || map.offset) return undefined;
  if (map.lockMode || map.cache || query.dataSource.queryResultCache || map.selectDistinct || map.selectDistinctOn.length) return undefined;
  if (main.metadata.afterLoadListeners.length || query.dataSource.subscribers.length || main.metadata.relationIds.length) return undefined;
  // A lazy relation would keep the runner this read releases.
  if (main.metadata.lazyRelations.length) return undefined;
  // A query bound to a transaction's runner reads through it: getMany knows how.
  if ((query as unknown as { queryRunner?: QueryRunner }).queryRunner) return undefined;
  let parameters = '';
  for (const [name, value] of Object.entries(map.parameters)) {
    if (Array.isArray(value)) {
      if (!value.every(isValue)) return undefined;
      parameters += `${name}[${value.length}],`;
    } else if (typeof value === 'string') parameters += `${name},`;
    // A single number TypeORM may write into the text (SQLite) rather than bind: left to getMany.
    else return undefined;
  }
  // What else TypeORM writes into the text (a soft-delete condition, hints, a comment).
  const options = JSON.stringify([map.withDeleted, map.maxExecutionTime, map.useIndex, map.timeTravel, map.comment]);
  return `${entityId(main.metadata)}|${main.name}|${JSON.stringify(map.selects)}|${JSON.stringify(map.wheres)}|${parameters}|${options}`;
}

/** Builds the text once with a marker in place of every parameter value, and notes which `?` takes which. */
function compile<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Statement | null {
  const markers = new Map<string, Slot>();
  const probe = query.clone();
  for (const [name, value] of Object.entries(query.expressionMap.parameters)) {
    const marker = (item?: number) => {
      const text = `\u0001hub-marker:${name}:${item ?? ''}\u0001`;
      markers.set(text, { name, item });
      return text;
    };
    probe.setParameter(name, Array.isArray(value) ? value.map((_, item) => marker(item)) : marker());
  }
  const [sql, values] = probe.getQueryAndParameters();
  const slots = values.map((value) => (typeof value === 'string' ? markers.get(value) : undefined));
  // A value that is not a marker (a driver's own conversion): this shape is not memoized.
  return slots.every((slot): slot is Slot => slot !== undefined) ? { sql, slots } : null;
}

/** The rows of a query as `getMany()` answers them, the SQL text made once per shape. */
export async function getManyMemoized<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  const shape = shapeOf(query);
  const statement = shape === undefined ? null : memoized(query.dataSource, 'getMany', shape, () => compile(query));
  if (!statement) return query.getMany();
  const parameters = query.expressionMap.parameters;
  const values = statement.slots.map(({ name, item }) => (item === undefined ? parameters[name] : parameters[name][item]));
  const runner = query.dataSource.createQueryRunner();
  try {
    const result = await runner.query(statement.sql, values, true);
    const rows = result.records as ObjectLiteral[];
    if (rows.length === 0) return [];
    // No runner for the entities to keep, as getMany gives them none: this one is released below.
    return new RawSqlResultsToEntityTransformer(query.expressionMap, query.dataSource.driver, []).transform(rows, query.expressionMap.mainAlias!) as T[];
  } finally {
    await runner.release();
  }
}

/** How many shapes of a kind are kept for a data source (tests). */
export const memoizedShapes = (dataSource: DataSource, kind = 'getMany') => memos.get(dataSource)?.get(kind)?.size ?? 0;
