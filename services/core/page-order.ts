import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { decodeCursor, decodeSyncCursor, encodeCursor, encodeSyncCursor } from './cursor';

/** The arguments that decide a page's order: `PageArgs`, and `SyncPageArgs`' `updatedSince` (core/updated-since.ts). */
export interface OrderArgs {
  after?: string | null;
  updatedSince?: Date | null;
}

/** The instant `updatedSince` of a list's arguments as stored text, or undefined when not asked. */
export function updatedSinceOf(args: object): string | undefined {
  const since = (args as { updatedSince?: unknown }).updatedSince;
  if (since === undefined || since === null) return undefined;
  // The input rules reject a bad date-time before resolvers run; this guards a direct call.
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw badInput('updatedSince must be an ISO 8601 date-time on a real day', 'updatedSince');
  return since.toISOString();
}

/** `<alias>.updatedAt` for the key column `<alias>.<key>` (the convention of core/updated-since.ts). */
export function updatedColumnOf(keyColumn: string): string {
  const dot = keyColumn.lastIndexOf('.');
  return dot < 0 ? 'updatedAt' : `${keyColumn.slice(0, dot)}.updatedAt`;
}

/** A row's stored `updatedAt`; a row without one is a list wired without the column (a bug). */
export function updatedAtOf(row: unknown): string {
  const value = (row as { updatedAt?: unknown }).updatedAt;
  if (typeof value !== 'string') throw new Error('A list paged by updatedSince must read rows with a stored updatedAt (core/updated-since.ts)');
  return value;
}

let sequence = 0;

/**
 * The order of a page: by key alone (the lists' usual order, cursors `c1:`), or with
 * `updatedSince` by (updatedAt, key) (cursors `s1:`). One object serves the one-list, batched
 * and in-memory pagers so they agree on cursors and order.
 */
export interface PageOrder<T> {
  /** ORDER BY expressions, ascending; the last one is the unique key. */
  columns: readonly string[];
  /** Restricts `query` to `updatedAt >= since` when asked (before counting: totals count it too). */
  filter<Q extends SelectQueryBuilder<ObjectLiteral>>(query: Q): Q;
  /** Restricts `query` to the rows after the cursor `after` (already checked by `checkAfter`). */
  after<Q extends SelectQueryBuilder<ObjectLiteral>>(query: Q): Q;
  /** Whether a row in memory passes `filter`. */
  matches(row: T): boolean;
  /** Whether a row in memory comes after the cursor (`after`). */
  follows(row: T): boolean;
  cursorOf(row: T): string;
  compare(a: T, b: T): number;
  /** Whether the page was asked with a cursor. */
  hasAfter: boolean;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of a page for `args`; `keyColumn` is the unique key (`dossier.id`), `keyOf` its
 * value in a row. A bad cursor is BAD_USER_INPUT (`after`), checked here before any statement.
 */
export function pageOrderOf<T>(keyColumn: string, keyOf: (row: T) => string, args: OrderArgs): PageOrder<T> {
  const since = updatedSinceOf(args);
  const afterCursor = args.after === undefined || args.after === null ? undefined : args.after;
  const name = `order${(sequence = (sequence + 1) % 1_000_000_000)}`;
  if (since === undefined) {
    const afterKey = afterCursor === undefined ? undefined : decodeCursor(afterCursor);
    return {
      columns: [keyColumn],
      filter: (query) => query,
      after: (query) => (afterKey === undefined ? query : query.andWhere(`${keyColumn} > :${name}Key`, { [`${name}Key`]: afterKey })),
      matches: () => true,
      follows: (row) => afterKey === undefined || keyOf(row) > afterKey,
      cursorOf: (row) => encodeCursor(keyOf(row)),
      compare: (a, b) => compareText(keyOf(a), keyOf(b)),
      hasAfter: afterKey !== undefined,
    };
  }
  const updatedColumn = updatedColumnOf(keyColumn);
  const afterRow = afterCursor === undefined ? undefined : decodeSyncCursor(afterCursor);
  return {
    columns: [updatedColumn, keyColumn],
    filter: (query) => query.andWhere(`${updatedColumn} >= :${name}Since`, { [`${name}Since`]: since }),
    after: (query) =>
      afterRow === undefined
        ? query
        : query.andWhere(`(${updatedColumn} > :${name}At OR (${updatedColumn} = :${name}At AND ${keyColumn} > :${name}Key))`, {
            [`${name}At`]: afterRow.updatedAt,
            [`${name}Key`]: afterRow.key,
          }),
    matches: (row) => updatedAtOf(row) >= since,
    follows: (row) => {
      if (afterRow === undefined) return true;
      const updatedAt = updatedAtOf(row);
      return updatedAt > afterRow.updatedAt || (updatedAt === afterRow.updatedAt && keyOf(row) > afterRow.key);
    },
    cursorOf: (row) => encodeSyncCursor(updatedAtOf(row), keyOf(row)),
    compare: (a, b) => compareText(updatedAtOf(a), updatedAtOf(b)) || compareText(keyOf(a), keyOf(b)),
    hasAfter: afterRow !== undefined,
  };
}
