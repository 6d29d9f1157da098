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

/**
 * A cursor page over a short list kept in its own meaningful order (the root first, the head of
 * a team first, recipients as named): the cursor is the item's position, zero-padded so it
 * sorts as the list does. Stable for lists that never change or only grow at the end.
 */
export function pageOfList<T>(items: readonly T[], args: PageArgs): Page<T> {
  const positioned = items.map((node, index) => ({ position: String(index).padStart(6, '0'), node }));
  const page = pageOfRows(positioned, (item) => item.position, args);
  return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: node.node })) };
}
