import { pageOrderOf } from './page-order';
import { pageInfoOf, pageSize, type Page, type PageArgs } from './pagination';

/**
 * A cursor page over rows a batched loader already fetched (the children of one parent among
 * many): the same cursors, order and bounds as `paginate`, without one statement per parent;
 * with `updatedSince` the rows changed since then by (updatedAt, key), read from `row.updatedAt`.
 */
export function pageOfRows<T>(rows: T[], keyOf: (row: T) => string, args: PageArgs): Page<T> {
  const size = pageSize(args.first);
  const order = pageOrderOf('id', keyOf, args);
  const matching = rows.filter((row) => order.matches(row));
  const sorted = matching.filter((row) => order.follows(row)).sort(order.compare);
  const edges = sorted.slice(0, size).map((node) => ({ cursor: order.cursorOf(node), node }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, sorted.length > size, args.after),
    totalCount: async () => matching.length,
  };
}
