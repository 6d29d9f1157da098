import { decodeCursor, encodeCursor, pageInfoOf, pageSize, type Page, type PageArgs } from './pagination';

/**
 * A cursor page over rows a batched loader already fetched (the children of one parent among
 * many): the same cursors and bounds as `paginate`, without one statement per parent.
 */
export function pageOfRows<T>(rows: T[], keyOf: (row: T) => string, args: PageArgs): Page<T> {
  const size = pageSize(args.first);
  const sorted = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const after = args.after === undefined || args.after === null ? undefined : decodeCursor(args.after);
  const rest = after === undefined ? sorted : sorted.filter((row) => keyOf(row) > after);
  const edges = rest.slice(0, size).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, rest.length > size, args.after),
    totalCount: async () => rows.length,
  };
}
