import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { joinTerritoryRanges, whereWithin, type KeyedTerritory } from './access/predicates';
import type { SubgraphContext } from './context';
import { toNumber } from './database';
import { pageOrderOf, type PageOrder } from './page-order';
import { pageInfoOf, pageSize, type Page, type PageArgs } from './pagination';

/**
 * Which list each key of a batch reads: the rows whose `column` equals the key (an agency's
 * dossiers: `IN (…)`), or the rows whose path `column` lies in the key's territory (a unit's
 * dossiers, rule 13: `joinTerritoryRanges`).
 */
export type ListBatch = { column: string; keys: readonly string[] } | { column: string; territories: readonly KeyedTerritory[] };

let sequence = 0;

/** Restricts `query` to the batch's rows and gives the SQL expression of each row's key. */
function restrict<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, batch: ListBatch): string {
  if ('keys' in batch) {
    const name = `batchKeys${(sequence = (sequence + 1) % 1_000_000_000)}`;
    query.andWhere(`${batch.column} IN (:...${name})`, { [name]: [...batch.keys] });
    return batch.column;
  }
  joinTerritoryRanges(query, batch.column, batch.territories, 'keyedRange');
  return 'keyedRange.batchKey';
}

const keysOf = (batch: ListBatch) => ('keys' in batch ? [...batch.keys] : batch.territories.map(({ key }) => key));

/**
 * `paginate` for a batch of lists at once (docs/architecture.md, "Entity batches"): the same
 * cursors, order and bounds for each key, in two statements whatever the number of keys: the
 * first page of every key ranked in SQL (`ROW_NUMBER() OVER (PARTITION BY key ORDER BY keyColumn)`,
 * SQLite 3.25+ and MariaDB 10.2+), then those rows by id. `totalCount` of every key asked in the
 * same tick is one grouped COUNT. `query` is the list's query, filters and scope in its WHERE
 * (rule 1), built anew for each statement; `name` tells batches with different filters apart.
 * With `updatedSince` (core/updated-since.ts) each key's rows changed since then, by
 * (updatedAt, key), in the same statements.
 */
export async function paginateBatch<T extends ObjectLiteral>(
  context: SubgraphContext,
  name: string,
  query: () => SelectQueryBuilder<T>,
  keyColumn: string,
  keyOf: (row: T) => string,
  args: PageArgs,
  batch: ListBatch,
): Promise<Map<string, Page<T>>> {
  const size = pageSize(args.first);
  const order = pageOrderOf(keyColumn, keyOf, args);
  const filtered = () => order.filter(query());
  const firstRows = 'keys' in batch ? await rankedByColumn(context, filtered, order, keyColumn, batch, size) : await limitedPerTerritory(context, filtered, order, keyColumn, batch.column, batch.territories, size);
  const ids = [...new Set(firstRows.map((row) => String(row.rowKey)))];
  const rows = await filtered()
    .andWhere(ids.length ? `${keyColumn} IN (:...pageIds)` : '1 = 0', { pageIds: ids })
    .getMany();
  const byId = new Map(rows.map((row) => [keyOf(row), row]));
  const counts = countLoader(context, `${name}:${(sequence = (sequence + 1) % 1_000_000_000)}`, filtered, batch);
  return new Map(
    keysOf(batch).map((key) => {
      const mine = firstRows
        .filter((row) => String(row.batchKey) === key)
        .map((row) => byId.get(String(row.rowKey)))
        .filter((row): row is T => row !== undefined)
        .sort(order.compare);
      const edges = mine.slice(0, size).map((node) => ({ cursor: order.cursorOf(node), node }));
      const page: Page<T> = {
        edges,
        pageInfo: pageInfoOf(edges, mine.length > size, args.after),
        totalCount: async () => (await counts.load(key)) ?? 0,
      };
      return [key, page];
    }),
  );
}

type FirstRow = { batchKey: unknown; rowKey: unknown };

/** Keys of one column: the first `size + 1` rows of each ranked in one statement. */
async function rankedByColumn<T extends ObjectLiteral>(
  context: SubgraphContext,
  query: () => SelectQueryBuilder<T>,
  order: PageOrder<T>,
  keyColumn: string,
  batch: { column: string; keys: readonly string[] },
  size: number,
): Promise<FirstRow[]> {
  const ranked = query().select([]);
  const keyExpression = restrict(ranked, batch);
  ranked
    .addSelect(keyExpression, 'batchKey')
    .addSelect(keyColumn, 'rowKey')
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${keyExpression} ORDER BY ${order.columns.join(', ')})`, 'rowNumber');
  order.after(ranked);
  return context.dataSource
    .createQueryBuilder()
    .select('ranked.batchKey', 'batchKey')
    .addSelect('ranked.rowKey', 'rowKey')
    .from(`(${ranked.getQuery()})`, 'ranked')
    .setParameters(ranked.getParameters())
    .andWhere('ranked.rowNumber <= :pageLimit', { pageLimit: size + 1 })
    .getRawMany<FirstRow>();
}

/**
 * Territories (which overlap, and cover most rows of a national batch): each key's first
 * `size + 1` rows by its own indexed ranges and LIMIT, the keys' subqueries in ONE statement
 * (`UNION ALL`), so a page costs its rows, not a ranking of every row of every territory.
 */
async function limitedPerTerritory<T extends ObjectLiteral>(
  context: SubgraphContext,
  query: () => SelectQueryBuilder<T>,
  order: PageOrder<T>,
  keyColumn: string,
  column: string,
  territories: readonly KeyedTerritory[],
  size: number,
): Promise<FirstRow[]> {
  if (territories.length === 0) return [];
  const parameters: Record<string, unknown> = {};
  const parts = territories.map(({ key, territory }, index) => {
    const name = `pageKey${(sequence = (sequence + 1) % 1_000_000_000)}`;
    const part = whereWithin(query().select([]), column, territory);
    part.addSelect(`:${name}`, 'batchKey').addSelect(keyColumn, 'rowKey').setParameter(name, key);
    order.after(part);
    order.columns.forEach((orderColumn, rank) => (rank === 0 ? part.orderBy(orderColumn, 'ASC') : part.addOrderBy(orderColumn, 'ASC')));
    part.limit(size + 1);
    Object.assign(parameters, part.getParameters());
    return `SELECT * FROM (${part.getQuery()}) page${index}`;
  });
  return context.dataSource
    .createQueryBuilder()
    .select('ranked.batchKey', 'batchKey')
    .addSelect('ranked.rowKey', 'rowKey')
    .from(`(${parts.join(' UNION ALL ')})`, 'ranked')
    .setParameters(parameters)
    .getRawMany<FirstRow>();
}

/** The totals of the batch's lists asked in one tick, one grouped COUNT. */
function countLoader<T extends ObjectLiteral>(context: SubgraphContext, name: string, query: () => SelectQueryBuilder<T>, batch: ListBatch) {
  return context.loaders.get<string, number>(`page-batch-count:${name}`, async (keys) => {
    const wanted = new Set(keys);
    const subset: ListBatch = 'keys' in batch ? { column: batch.column, keys: [...wanted] } : { column: batch.column, territories: batch.territories.filter(({ key }) => wanted.has(key)) };
    const rows = 'keys' in subset ? await countByColumn(query, subset) : await countPerTerritory(context, query, subset.column, subset.territories);
    const totals = new Map(rows.map((row) => [String(row.batchKey), toNumber(row.total)]));
    return keys.map((key) => totals.get(key) ?? 0);
  });
}

/**
 * The lists of many parents read by one column (an agency's certificates: `certificate.agencyId`)
 * for one request: the parents asked in one tick with the same arguments share `paginateBatch`.
 */
export function listsByColumn<T extends ObjectLiteral>(
  context: SubgraphContext,
  name: string,
  args: PageArgs,
  query: () => SelectQueryBuilder<T>,
  keyColumn: string,
  keyOf: (row: T) => string,
  column: string,
) {
  const label = `${name}:${JSON.stringify(args)}`;
  return context.loaders.get<string, Page<T>>(`lists:${label}`, async (keys) => {
    const pages = await paginateBatch(context, label, query, keyColumn, keyOf, args, { column, keys });
    return keys.map((key) => pages.get(key)!);
  });
}

type CountRow = { batchKey: unknown; total: unknown };

function countByColumn<T extends ObjectLiteral>(query: () => SelectQueryBuilder<T>, batch: { column: string; keys: readonly string[] }): Promise<CountRow[]> {
  const counting = query().select([]);
  const keyExpression = restrict(counting, batch);
  return counting.addSelect(keyExpression, 'batchKey').addSelect('COUNT(*)', 'total').groupBy(keyExpression).getRawMany<CountRow>();
}

/** Each territory's COUNT on its own indexed ranges, the keys' counts in ONE statement (`UNION ALL`). */
async function countPerTerritory<T extends ObjectLiteral>(
  context: SubgraphContext,
  query: () => SelectQueryBuilder<T>,
  column: string,
  territories: readonly KeyedTerritory[],
): Promise<CountRow[]> {
  if (territories.length === 0) return [];
  const parameters: Record<string, unknown> = {};
  const parts = territories.map(({ key, territory }) => {
    const name = `countKey${(sequence = (sequence + 1) % 1_000_000_000)}`;
    const part = whereWithin(query().select([]), column, territory).addSelect(`:${name}`, 'batchKey').addSelect('COUNT(*)', 'total').setParameter(name, key);
    Object.assign(parameters, part.getParameters());
    return part.getQuery();
  });
  return context.dataSource
    .createQueryBuilder()
    .select('counted.batchKey', 'batchKey')
    .addSelect('counted.total', 'total')
    .from(`(${parts.join(' UNION ALL ')})`, 'counted')
    .setParameters(parameters)
    .getRawMany<CountRow>();
}
