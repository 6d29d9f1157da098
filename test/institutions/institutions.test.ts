import { statementCounter } from '../../services/core/database';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

/** The institutions subgraph on its own, over HTTP, on SQLite and on MariaDB. */
describe.each(DATABASES)('institutions subgraph on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who?: ReturnType<typeof principal>) =>
    querySubgraph<T>(subgraph.url, query, variables, who);

  const province91 = principal('91', 'VN/91', ['OFFICER']);
  const chauThanh = principal('905', 'VN/91/905', ['OFFICER']);
  const chauThanhViewer = principal('905', 'VN/91/905', ['VIEWER']);
  const commune = principal('30880', 'VN/91/905/30880', ['OFFICER']);

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'inst', ['institutions']);
    subgraph = started.subgraphs.institutions;
  });
  afterAll(() => started?.close());

  describe('the unit tree (public)', () => {
    it('loads the whole tree of Vietnam: 63 provinces, 705 districts, 10,599 communes', async () => {
      const result = await ask(`{
        provinces: units(level: PROVINCE) { totalCount }
        districts: units(level: DISTRICT) { totalCount }
        communes: units(level: COMMUNE) { totalCount }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ provinces: { totalCount: 63 }, districts: { totalCount: 705 }, communes: { totalCount: 10599 } });
    });

    it("gives Kiên Giang's 15 districts with their paths, ancestors and parent, without a token", async () => {
      const result = await ask(`{ unit(code: "91") { name level path parent { code } ancestors { totalCount edges { node { code } } }
        children(first: 20) { totalCount pageInfo { hasNextPage } edges { node { code name path } } } } }`);
      expect(result.errors).toBeUndefined();
      const unit = result.data.unit;
      expect(unit).toMatchObject({ name: 'Kiên Giang', level: 'PROVINCE', path: 'VN/91', parent: { code: 'VN' }, ancestors: { totalCount: 1, edges: [{ node: { code: 'VN' } }] } });
      expect(unit.children.totalCount).toBe(15);
      expect(unit.children.pageInfo.hasNextPage).toBe(false);
      expect(unit.children.edges.map((edge: any) => edge.node.code)).toContain('905');
      expect(unit.children.edges.find((edge: any) => edge.node.code === '905').node).toEqual({ code: '905', name: 'Châu Thành', path: 'VN/91/905' });
    });

    it('pages through a list with cursors, never repeating or skipping a unit', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await ask(`query($after: String) { units(parentCode: "91", first: 4, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { code } } } }`, { after });
        seen.push(...page.data.units.edges.map((edge: any) => edge.node.code));
        after = page.data.units.pageInfo.hasNextPage ? page.data.units.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(15);
      expect(new Set(seen).size).toBe(15);
    });

    it('finds units by name with or without diacritics, and treats wildcards literally', async () => {
      const plain = await ask(`{ units(search: "kien giang", level: PROVINCE) { edges { node { code } } } }`);
      const accented = await ask(`{ units(search: "KIÊN GIANG", level: PROVINCE) { edges { node { code } } } }`);
      expect(plain.data.units.edges).toEqual([{ node: { code: '91' } }]);
      expect(accented.data.units.edges).toEqual([{ node: { code: '91' } }]);
      const wildcard = await ask(`{ units(search: "%", level: PROVINCE) { totalCount } }`);
      expect(wildcard.data.units.totalCount).toBe(0);
    });

    it('answers bad input with a clear code: unknown code, malformed code, oversized page, malformed cursor', async () => {
      const unknown = await ask(`{ unit(code: "99") { name } }`);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      expect(unknown.data).toEqual({ unit: null });
      const malformed = await ask(`{ unit(code: "9a'; DROP TABLE agency; --") { name } }`);
      expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
      const oversized = await ask(`{ units(first: 100000) { totalCount } }`);
      expect(errorCodes(oversized)).toEqual(['BAD_USER_INPUT']);
      expect(oversized.data?.units ?? null).toBeNull();
      const cursor = await ask(`{ units(after: "not-a-cursor") { totalCount } }`);
      expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('agencies and officials (scoped)', () => {
    it('refuses agencies, officials and me without a principal', async () => {
      const result = await ask(`{ agencies { totalCount } }`);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      const me = await ask(`{ me { name } }`);
      expect(errorCodes(me)).toEqual(['UNAUTHENTICATED']);
      const entity = await ask(`{ _entities(representations: [{ __typename: "Agency", id: "905.ubnd" }]) { ... on Agency { name } } }`);
      expect(errorCodes(entity)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses a forged principal (signed with another key) outright', async () => {
      const forged = await fetch(`${subgraph.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-principal': 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwidW5pdCI6IlZOIiwidW5pdFBhdGgiOiJWTiIsInJvbGVzIjpbIkFETUlOIl19.c2lnbmF0dXJl',
        },
        body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
      });
      const body: any = await forged.json();
      expect(forged.status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it("lists only the district's and its communes' agencies to a district official", async () => {
      const result = await ask(`{ agencies(first: 100) { totalCount edges { node { id unit { path } } } } }`, {}, chauThanh);
      expect(result.errors).toBeUndefined();
      const paths: string[] = result.data.agencies.edges.map((edge: any) => edge.node.unit.path);
      expect(paths.length).toBeGreaterThan(10);
      expect(paths.every((path) => path === 'VN/91/905' || path.startsWith('VN/91/905/'))).toBe(true);
      const sibling = await ask(`{ agencies(unitCode: "906") { totalCount } }`, {}, chauThanh);
      expect(sibling.data.agencies.totalCount).toBe(0);
      const province = await ask(`{ unit(code: "91") { agencies { totalCount } } }`, {}, chauThanh);
      expect(province.data.unit.agencies.totalCount).toBe(0);
    });

    it('gives NOT_FOUND (as for a missing id) by field for an agency or official outside the scope, and only their public facts by _entities (rule 12)', async () => {
      const provinceAgency = await ask(`{ agency(id: "91.ubnd") { name } }`, {}, chauThanh);
      expect(provinceAgency.data).toEqual({ agency: null });
      expect(errorCodes(provinceAgency)).toEqual(['NOT_FOUND']);
      const siblingOfficial = await ask(`{ official(id: "906.ubnd.cb1") { name } }`, {}, chauThanh);
      expect(siblingOfficial.data).toEqual({ official: null });
      expect(errorCodes(siblingOfficial)).toEqual(['NOT_FOUND']);
      const entities = await ask(
        `{ _entities(representations: [{ __typename: "Agency", id: "906.ubnd" }, { __typename: "Official", id: "91.ubnd.cb1" }, { __typename: "Agency", id: "905.ubnd" }]) {
          ... on Agency { id name officials { totalCount } } ... on Official { id name position contact { phone } } } }`,
        {},
        chauThanh,
      );
      // A reference (another subgraph's record points to them): public facts for any signed-in
      // caller; contact details stay personal data within scope, lists stay filtered.
      expect(entities.data._entities[0]).toEqual({ id: '906.ubnd', name: 'UBND Huyện Giồng Riềng', officials: { totalCount: 0 } });
      expect(entities.data._entities[1]).toEqual({ id: '91.ubnd.cb1', name: expect.any(String), position: expect.any(String), contact: null });
      expect(entities.data._entities[2]).toMatchObject({ id: '905.ubnd', name: 'UBND Huyện Châu Thành' });
      expect(entities.data._entities[2].officials.totalCount).toBeGreaterThan(0);
      expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
      expect(entities.errors![0].path).toEqual(['_entities', 1, 'contact']);
      const missing = await ask(`{ agency(id: "no-such-agency") { name } }`, {}, chauThanh);
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    });

    it("shows an official's contact details to an OFFICER within scope only, never to a VIEWER", async () => {
      const query = `query($id: ID!) { official(id: $id) { name contact { phone email } } }`;
      const own = await ask(query, { id: '905.ubnd.cb1' }, chauThanh);
      expect(own.errors).toBeUndefined();
      expect(own.data.official.contact.phone).toMatch(/^09\d{8}$/);
      const communeOfficial = await ask(query, { id: '30880.ubnd.cb1' }, chauThanh);
      expect(communeOfficial.data.official.contact.phone).toMatch(/^09\d{8}$/);
      const viewer = await ask(query, { id: '905.ubnd.cb1' }, chauThanhViewer);
      expect(viewer.data.official.name).toBeTruthy();
      expect(viewer.data.official.contact).toBeNull();
      expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
      const upward = await ask(query, { id: '905.ubnd.cb1' }, commune);
      expect(upward.data.official).toBeNull();
      expect(errorCodes(upward)).toEqual(['NOT_FOUND']);
    });

    it('lets a province see its districts and communes', async () => {
      const result = await ask(`{ official(id: "30880.ubnd.cb1") { agency { unit { path } } } agencies { totalCount } }`, {}, province91);
      expect(result.data.official.agency.unit.path).toBe('VN/91/905/30880');
      expect(result.data.agencies.totalCount).toBeGreaterThan(300);
    });
  });

  describe('statements per request', () => {
    it('resolves 100 AdministrativeUnit references through _entities in at most two SQL statements', async () => {
      const units = await ask(`{ units(level: COMMUNE, first: 100) { edges { node { id code } } } }`);
      const nodes = units.data.units.edges.map((edge: any) => edge.node);
      // The key is the version id alone: a code names a unit only on a given day (rule 13).
      const representations = nodes.map((node: any) => ({ __typename: 'AdministrativeUnit', id: node.id }));
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { code name level } } }`,
        { representations },
      );
      expect(counter.count).toBeLessThanOrEqual(2);
      expect(result.data._entities).toHaveLength(100);
      expect(result.data._entities.every((unit: any) => unit.level === 'COMMUNE')).toBe(true);
    });

    it('gives the ancestors of 100 units, a connection each (issue 15, item 4), in two statements: the page and one batch of ancestors', async () => {
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(`{ units(level: COMMUNE, first: 100) { edges { node { path ancestors { totalCount pageInfo { hasNextPage } edges { node { code path } } } } } } }`);
      expect(result.errors).toBeUndefined();
      expect(counter.count).toBeLessThanOrEqual(2);
      const nodes = result.data.units.edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(100);
      for (const node of nodes) {
        const ancestors = node.ancestors.edges.map((edge: any) => edge.node);
        // The root first, each the parent path of the next, the last the unit's own parent.
        expect(ancestors[0].code).toBe('VN');
        expect(node.ancestors.totalCount).toBe(ancestors.length);
        expect(node.ancestors.pageInfo.hasNextPage).toBe(false);
        ancestors.forEach((ancestor: any, index: number) => expect((ancestors[index + 1]?.path ?? node.path).startsWith(`${ancestor.path}/`)).toBe(true));
      }
    });

    it('lists 100 agencies with their unit and parent agency in a bounded number of statements', async () => {
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(`{ agencies(first: 100) { edges { node { id unit { code parent { code } } parent { id } } } } }`, {}, province91);
      expect(result.data.agencies.edges).toHaveLength(100);
      // page + units + their parents + parent agencies: independent of the page size
      expect(counter.count).toBeLessThanOrEqual(5);
    });
  });
});
