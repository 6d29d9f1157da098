import { badInput } from './errors';

/**
 * Cursors of the lists (core/pagination.ts): opaque base64url of the row's place in the
 * list's order. `c1:<key>` for the usual order by key; `s1:<updatedAt> <key>` for a page asked
 * with `updatedSince` (core/updated-since.ts), whose order is (updatedAt, key).
 */
const CURSOR_PREFIX = 'c1:';

export const encodeCursor = (key: string) => Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw badInput(`Malformed cursor "${cursor}": pass a pageInfo.endCursor or an edge cursor unchanged (a cursor of a page asked with updatedSince continues only with the same updatedSince)`, 'after');
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

const SYNC_CURSOR_PREFIX = 's1:';

/** The cursor of a row of an `updatedSince` page: its (updatedAt, key). */
export const encodeSyncCursor = (updatedAt: string, key: string) => Buffer.from(`${SYNC_CURSOR_PREFIX}${updatedAt} ${key}`, 'utf8').toString('base64url');

export function decodeSyncCursor(cursor: string): { updatedAt: string; key: string } {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const space = decoded.indexOf(' ');
  if (!decoded.startsWith(SYNC_CURSOR_PREFIX) || space < 0 || Buffer.from(decoded, 'utf8').toString('base64url') !== cursor) {
    throw badInput(`Malformed cursor "${cursor}" for a list asked with updatedSince: pass a pageInfo.endCursor or an edge cursor of the same list, with the same updatedSince, unchanged`, 'after');
  }
  return { updatedAt: decoded.slice(SYNC_CURSOR_PREFIX.length, space), key: decoded.slice(space + 1) };
}

