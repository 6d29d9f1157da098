import { statementCounter } from '../../services/core/database';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { KON_TUM_2023, KON_TUM_STATS_QUERY } from './figures';

/** The procedures subgraph as a new user meets it: through the real gateway over HTTP, with real tokens, on both databases. */
describe.each(DATABASES)('procedures through the gateway on %s', (kind) => {
  let hub: TestHub;
  const dossierRows = () => hub.subgraphs.procedures.dataSource.getRepository(Dossier).count();

  beforeAll(async () => {
    hub = await startTestHub(kind, 'procedures');
  }, 900_000);
  afterAll(() => hub?.close());

  it("gives Kon Tum's catalogue without a token, and its January to October 2023 dossiers as the provincial report", async () => {
    const catalog = await hub.query<any>(`{ unit(code: "62") { name level procedureCatalog { total byLevel { level count } byOnlineService { service count } } } }`);
    expect(catalog.errors).toBeUndefined();
    expect(catalog.data.unit.name).toBe('Kon Tum');
    expect(catalog.data.unit.procedureCatalog.total).toBe(1711);
    expect(catalog.data.unit.procedureCatalog.byOnlineService).toEqual([
      { service: 'NONE', count: 332 },
      { service: 'PARTIAL', count: 364 },
      { service: 'FULL', count: 1015 },
    ]);
    const token = await hub.token('62', ['VIEWER']);
    const stats = await hub.query<any>(`{ unit(code: "62") { dossierStats(from: "2023-01-01", to: "2023-10-31") { ${KON_TUM_STATS_QUERY} } } }`, {}, token);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.unit.dossierStats).toEqual(KON_TUM_2023);
    const anonymous = await hub.query<any>(`{ unit(code: "62") { name dossierStats(from: "2023-01-01", to: "2023-10-31") { received } } }`);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it("answers the provincial dashboard: a province, its districts, each district's dossierStats for a year", async () => {
    const token = await hub.token('62', ['VIEWER']);
    const dashboard = await hub.query<any>(
      `query ProvincialDashboard($code: String!, $from: LocalDate!, $to: LocalDate!) {
        unit(code: $code) { name dossierStats(from: $from, to: $to) { received resolved onTimeRate inProgress }
          children(first: 100) { edges { node { code name dossierStats(from: $from, to: $to) { received resolved resolvedOnTime onTimeRate inProgress } } } } } }`,
      { code: '62', from: '2023-01-01', to: '2023-10-31' },
      token,
    );
    expect(dashboard.errors).toBeUndefined();
    const districts = dashboard.data.unit.children.edges.map((edge: any) => edge.node);
    expect(districts.length).toBe(10);
    const districtsReceived = districts.reduce((sum: number, district: any) => sum + district.dossierStats.received, 0);
    expect(districts.every((district: any) => district.dossierStats.received > 0)).toBe(true);
    // The province's own desks (service center, departments) received the rest.
    expect(districtsReceived).toBeLessThan(dashboard.data.unit.dossierStats.received);
  });

  it("refuses a commune official its district's dossierStats (FORBIDDEN), and lets it read its own", async () => {
    const token = await hub.token('30880', ['OFFICER']);
    const district = await hub.query<any>(`{ unit(code: "905") { name dossierStats(from: "2018-01-01", to: "2018-12-31") { received } } }`, {}, token);
    expect(errorCodes(district)).toEqual(['FORBIDDEN']);
    expect(district.data.unit).toEqual({ name: 'Châu Thành', dossierStats: null });
    const own = await hub.query<any>(`{ unit(code: "30880") { dossierStats(from: "2018-01-01", to: "2018-12-31") { received } } }`, {}, token);
    expect(own.errors).toBeUndefined();
    expect(own.data.unit.dossierStats.received).toBeGreaterThan(0);
  });

  it("lists to a district official only its district's and communes' dossiers, with procedure, unit and agency", async () => {
    const token = await hub.token('905', ['OFFICER']);
    const result = await hub.query<any>(
      `{ dossiers(first: 100) { totalCount edges { node { id procedure { name } unit { path level } agency { id name } } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data.dossiers.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(100);
    expect(nodes.every((node: any) => node.unit.path === 'VN/91/905' || node.unit.path.startsWith('VN/91/905/'))).toBe(true);
    expect(nodes.every((node: any) => node.agency.name && node.procedure.name)).toBe(true);
    const konTum = await hub.query<any>(`{ unit(code: "62") { dossiers { totalCount } } }`, {}, token);
    expect(konTum.data.unit.dossiers.totalCount).toBe(0);
  });

  it('costs the procedures subgraph a bounded number of statements for a page of 100 dossiers', async () => {
    const token = await hub.token('62', ['OFFICER']);
    const counter = statementCounter(hub.subgraphs.procedures.dataSource);
    const page = (size: number) => hub.query<any>(`{ dossiers(first: ${size}) { edges { node { id procedure { name } unit { name } agency { name } } } } }`, {}, token);
    counter.reset();
    const small = await page(10);
    const smallCount = counter.count;
    counter.reset();
    const large = await page(100);
    expect(small.errors).toBeUndefined();
    expect(large.data.dossiers.edges).toHaveLength(100);
    expect(counter.count).toBeLessThanOrEqual(2);
    expect(counter.count).toBe(smallCount);
  });

  it("hides an applicant's identity from a VIEWER (FORBIDDEN on that field) and shows it to an OFFICER", async () => {
    const [dossier] = await hub.subgraphs.procedures.dataSource.getRepository(Dossier).find({ where: { unitId: '905' }, take: 1 });
    const query = `query($id: ID!) { dossier(id: $id) { id status applicant { name identityNumber } } }`;
    const viewer = await hub.query<any>(query, { id: dossier.id }, await hub.token('905', ['VIEWER']));
    expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
    expect(viewer.data.dossier).toMatchObject({ id: dossier.id, applicant: null });
    const officer = await hub.query<any>(query, { id: dossier.id }, await hub.token('905', ['OFFICER']));
    expect(officer.data.dossier.applicant).toEqual({ name: dossier.applicantName, identityNumber: dossier.applicantIdNumber });
  });

  describe('writes', () => {
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id status unit { name } agency { name } } }`;
    const input = (overrides: Record<string, unknown> = {}) => ({
      clientKey: 'hub-desk-905-1',
      procedureId: '91-X0001',
      unitCode: '30880',
      agencyId: '30880.motcua',
      channel: 'IN_PERSON',
      componentCount: 2,
      applicantName: 'Trần Thị Lan',
      applicantIdNumber: '091987654321',
      ...overrides,
    });

    it('makes one dossier of a receiveDossier sent twice with the same key', async () => {
      const token = await hub.token('30880', ['OFFICER']);
      const before = await dossierRows();
      const first = await hub.query<any>(receive, { input: input() }, token);
      expect(first.errors).toBeUndefined();
      expect(first.data.receiveDossier.status).toBe('RECEIVED');
      expect(first.data.receiveDossier.agency.name).toContain('Một cửa');
      const second = await hub.query<any>(receive, { input: input() }, token);
      expect(second.data.receiveDossier.id).toBe(first.data.receiveDossier.id);
      expect(await dossierRows()).toBe(before + 1);
    });

    it('answers bad input with a clear error and writes nothing: unknown procedure or unit, due before receipt, RETURNED back to PROCESSING', async () => {
      const token = await hub.token('30880', ['OFFICER']);
      const before = await dossierRows();
      const unknownProcedure = await hub.query<any>(receive, { input: input({ clientKey: 'bad-p', procedureId: 'no-such-procedure' }) }, token);
      expect(errorCodes(unknownProcedure)).toEqual(['NOT_FOUND']);
      const unknownUnit = await hub.query<any>(receive, { input: input({ clientKey: 'bad-u', unitCode: '99999' }) }, token);
      expect(errorCodes(unknownUnit)).toEqual(['NOT_FOUND']);
      const early = await hub.query<any>(
        receive,
        { input: input({ clientKey: 'bad-d', receivedAt: '2024-05-02T09:00:00+07:00', dueAt: '2024-05-01T09:00:00+07:00' }) },
        token,
      );
      expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
      expect(await dossierRows()).toBe(before);

      const [returned] = await hub.subgraphs.procedures.dataSource.getRepository(Dossier).find({ where: { unitId: '30880', status: 'RETURNED' as never }, take: 1 });
      const stored = await hub.subgraphs.procedures.dataSource.getRepository(Dossier).findOneByOrFail({ id: returned.id });
      const back = await hub.query<any>(`mutation($id: ID!) { transitionDossier(id: $id, to: PROCESSING) { status } }`, { id: returned.id }, token);
      expect(errorCodes(back)).toEqual(['CONFLICT']);
      expect(await hub.subgraphs.procedures.dataSource.getRepository(Dossier).findOneByOrFail({ id: returned.id })).toEqual(stored);
    });
  });
});
