import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

/** What a new user tries first, through the real gateway over HTTP, on both databases. */
describe.each(DATABASES)('the hub through its gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'federation');
  });
  afterAll(() => hub?.close());

  it("returns Kiên Giang's 15 districts and counts 63 provinces, without a token", async () => {
    const result = await hub.query<any>(`{
      unit(code: "91") { name level children(first: 20) { edges { node { code name } } } }
      units(level: PROVINCE) { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.name).toBe('Kiên Giang');
    expect(result.data.unit.level).toBe('PROVINCE');
    expect(result.data.unit.children.edges).toHaveLength(15);
    expect(result.data.unit.children.edges.map((edge: any) => edge.node.name)).toEqual(
      expect.arrayContaining(['Rạch Giá', 'Hà Tiên', 'Châu Thành', 'Phú Quốc', 'Giang Thành']),
    );
    expect(result.data.units.totalCount).toBe(63);
  });

  it("lets a district official read its own and its communes' officials' contact details, and nobody else's", async () => {
    const token = await hub.token('905', ['OFFICER']);
    const contact = (id: string) => hub.query<any>(`query($id: ID!) { official(id: $id) { name contact { phone email } } }`, { id }, token);

    const own = await contact('905.ubnd.cb1');
    expect(own.errors).toBeUndefined();
    expect(own.data.official.contact.email).toContain('@');
    const commune = await contact('30880.ubnd.cb1');
    expect(commune.errors).toBeUndefined();
    expect(commune.data.official.contact.phone).toMatch(/^09/);

    for (const outside of ['906.ubnd.cb1', '91.ubnd.cb1', '91.so-noi-vu.cb1']) {
      const result = await contact(outside);
      expect(result.data).toEqual({ official: null });
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(result)).not.toMatch(/09\d{8}/);
    }
  });

  it('hides contact details from a VIEWER of the same district', async () => {
    const token = await hub.token('905', ['VIEWER']);
    const result = await hub.query<any>(`{ official(id: "905.ubnd.cb1") { name contact { phone } } }`, {}, token);
    expect(result.data.official.name).toBeTruthy();
    expect(result.data.official.contact).toBeNull();
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });

  it('resolves agencies across the tree for a province and filters them for a commune', async () => {
    const province = await hub.token('91', ['OFFICER']);
    const commune = await hub.token('30880', ['OFFICER']);
    const query = `{ agencies(kind: PEOPLES_COMMITTEE, first: 100) { totalCount edges { node { unit { path } } } } }`;
    const wide = await hub.query<any>(query, {}, province);
    const narrow = await hub.query<any>(query, {}, commune);
    expect(wide.data.agencies.totalCount).toBeGreaterThan(100);
    expect(wide.data.agencies.edges.every((edge: any) => edge.node.unit.path.startsWith('VN/91'))).toBe(true);
    expect(narrow.data.agencies.totalCount).toBe(1);
    expect(narrow.data.agencies.edges[0].node.unit.path).toBe('VN/91/905/30880');
  });

  it('answers bad input with a clear code and nothing else', async () => {
    const unknown = await hub.query(`{ unit(code: "00000") { name } }`);
    expect(unknown.data).toEqual({ unit: null });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const huge = await hub.query(`{ units(first: 100000) { totalCount } }`);
    expect(huge.data?.units ?? null).toBeNull();
    expect(errorCodes(huge)).toEqual(['BAD_USER_INPUT']);
    expect(huge.errors![0].message).toMatch(/first must be between 1 and 100/);
    const cursor = await hub.query(`{ units(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(cursor.data?.units ?? null).toBeNull();
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('reports the gateway and every subgraph healthy', async () => {
    const response = await fetch(`${hub.gatewayUrl}/health`);
    const body: any = await response.json();
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.subgraphs).sort()).toEqual(Object.keys(hub.subgraphs).sort());
    expect(Object.values(body.subgraphs).every((status) => status === 'ok')).toBe(true);
  });
});
