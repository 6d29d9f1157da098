import { encodeCursor } from '../../services/core/pagination';
import { pageOfRows } from '../../services/core/row-page';

/** The in-memory pager of core/updated-since.ts' convention (the SQL pagers: test/sync/pull-sync.test.ts). */
describe('updatedSince order (core/page-order.ts)', () => {
  const rows = [
    { id: 'c', updatedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'a', updatedAt: '2026-01-02T00:00:00.000Z' },
    { id: 'b', updatedAt: '2026-01-02T00:00:00.000Z' },
    { id: 'd', updatedAt: '2026-01-01T23:59:59.999Z' },
  ];

  it('without updatedSince keeps the order by key', () => {
    const page = pageOfRows(rows, (row) => row.id, { first: 10 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('with updatedSince filters at-or-after and pages by (updatedAt, key) through ties', async () => {
    const since = new Date('2026-01-01T23:59:59.999Z');
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = pageOfRows(rows, (row) => row.id, { first: 1, after, updatedSince: since } as never);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(await page.totalCount()).toBe(3);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(['d', 'a', 'b']);
  });

  it('refuses a cursor of the other order', () => {
    const since = new Date('2026-01-01T00:00:00Z');
    expect(() => pageOfRows(rows, (row) => row.id, { first: 1, after: encodeCursor('a'), updatedSince: since } as never)).toThrow(/Malformed cursor/);
  });
});
