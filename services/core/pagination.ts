import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { toNumber } from './database';
import { pageOrderOf } from './page-order';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page (`pageInfo.endCursor`).' })
  after?: string;
}

/**
 * Every subgraph defines PageInfo alike, so federation must know it is shareable. The fields
 * are those of the GraphQL Cursor Connections Specification (Relay); lists page forward only
 * (`first`/`after`).
 */
@Directive('@shareable')
@ObjectType({ description: 'Where a page stands in its list (GraphQL Cursor Connections Specification).' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: pass `endCursor` as `after` for the next one.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page (true when it was asked for with `after`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty.' })
  endCursor!: string | null;
}

/** The PageInfo of a page of `edges` asked for with `after`; `hasNextPage` when rows remain past it. */
export function pageInfoOf(edges: Edge<unknown>[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: after !== undefined && after !== null,
    startCursor: edges.length ? edges[0].cursor : null,
    endCursor: edges.length ? edges[edges.length - 1].cursor : null,
  };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when the client asks for it. */
  totalCount: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` types of a node type (Relay cursor connections). */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item: pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of the page, in the list\'s stable order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where the page stands in the list.' })
    pageInfo!: PageInfo;

    totalCount!: () => Promise<number>;

    @Field(() => Int, { name: 'totalCount', description: 'Number of items in the whole list (costs one COUNT).' })
    total(): Promise<number> {
      return this.totalCount();
    }
  }
  return ConnectionType;
}

export { decodeCursor, encodeCursor } from './cursor';

export function pageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, 'first');
  }
  return size;
}

/**
 * Keyset pagination over a unique, ordered string column: one statement per page, plus one
 * COUNT only when `totalCount` is asked for. The key column is the cursor. With `updatedSince`
 * (`SyncPageArgs`, core/updated-since.ts) the rows changed since then, by (updatedAt, key):
 * the same statements, the column `<alias>.updatedAt` by convention.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keyColumn: string,
  keyOf: (row: T) => string,
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const order = pageOrderOf(keyColumn, keyOf, args);
  const counting = order.filter(query.clone());
  const paged = order.after(order.filter(query.clone()));
  order.columns.forEach((column, index) => (index === 0 ? paged.orderBy(column, 'ASC') : paged.addOrderBy(column, 'ASC')));
  const rows = await paged.limit(size + 1).getMany();
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((node) => ({ cursor: order.cursorOf(node), node }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, hasNextPage, args.after),
    totalCount: async () => toNumber(await counting.getCount()),
  };
}
