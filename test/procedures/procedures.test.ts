import { statementCounter } from '../../services/core/database';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { Procedure } from '../../services/procedures/procedure/procedure';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';
import { KON_TUM_2023, KON_TUM_STATS_QUERY } from './figures';

/** The procedures subgraph on its own (with institutions for unit lookups), over HTTP, on SQLite and MariaDB. */
describe.each(DATABASES)('procedures subgraph on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who?: ReturnType<typeof principal>) =>
    querySubgraph<T>(subgraph.url, query, variables, who);
  const unitQuery = (code: string, selection: string) =>
    `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "${code}" }]) { ... on AdministrativeUnit { ${selection} } } }`;
  const onUnit = async (code: string, selection: string, who?: ReturnType<typeof principal>) => {
    const result = await ask(unitQuery(code, selection), {}, who);
    return { result, unit: result.data?._entities?.[0] };
  };
  const count = (entity: typeof Dossier | typeof Procedure) => subgraph.dataSource.getRepository(entity).count();

  const konTumOfficer = principal('62', 'VN/62', ['OFFICER']);
  const kienGiangOfficer = principal('91', 'VN/91', ['OFFICER']);
  const tienGiangViewer = principal('82', 'VN/82', ['VIEWER']);
  const giaLaiViewer = principal('64', 'VN/64', ['VIEWER']);
  const chauThanhOfficer = principal('905', 'VN/91/905', ['OFFICER']);
  const chauThanhViewer = principal('905', 'VN/91/905', ['VIEWER']);
  const chauThanhCommune = principal('30880', 'VN/91/905/30880', ['OFFICER']);
  const kienGiangAdmin = principal('91', 'VN/91', ['ADMIN']);

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'proc', ['institutions', 'procedures']);
    subgraph = started.subgraphs.procedures;
  }, 600_000);
  afterAll(() => started?.close());

  describe('catalogue figures (public data: no token)', () => {
    it("gives Kon Tum's catalogue: 1,711 procedures, 1,015 full and 364 partial online services, 1,375 on the national portal (80.36%)", async () => {
      const { result, unit } = await onUnit('62', 'procedureCatalog { total byOnlineService { service count } nationalPortal nationalPortalRate }');
      expect(result.errors).toBeUndefined();
      expect(unit.procedureCatalog).toEqual({
        total: 1711,
        byOnlineService: [{ service: 'NONE', count: 332 }, { service: 'PARTIAL', count: 364 }, { service: 'FULL', count: 1015 }],
        nationalPortal: 1375,
        nationalPortalRate: 80.36,
      });
    });

    it('gives Kiên Giang 2019: 1,991 procedures (1,621 / 249 / 121), 1,579 at the service center, 100% offered online', async () => {
      const { unit } = await onUnit('91', 'procedureCatalog(asOf: "2019-12-31") { total byLevel { level count } atServiceCenter offeredOnlineRate }');
      expect(unit.procedureCatalog).toEqual({
        total: 1991,
        byLevel: [{ level: 'PROVINCE', count: 1621 }, { level: 'DISTRICT', count: 249 }, { level: 'COMMUNE', count: 121 }],
        atServiceCenter: 1579,
        offeredOnlineRate: 100,
      });
    });

    it("gives Châu Thành's one-stop desk list of 2018: district 45 fields, 281 procedures; commune 27 fields, 134", async () => {
      const { unit } = await onUnit('905', 'procedureCatalog(asOf: "2018-12-31", levels: [DISTRICT, COMMUNE]) { byLevel { level count fields } }');
      expect(unit.procedureCatalog.byLevel).toEqual([
        { level: 'DISTRICT', count: 281, fields: 45 },
        { level: 'COMMUNE', count: 134, fields: 27 },
      ]);
    });

    it('gives Gia Lai to 09/2020: 1,972 procedures, all at least level 2, 325 at level 3 and 150 at level 4', async () => {
      const { unit } = await onUnit('64', 'procedureCatalog(asOf: "2020-09-02") { total offeredOnlineRate byLegacyLevel { legacyLevel count } }');
      expect(unit.procedureCatalog).toEqual({
        total: 1972,
        offeredOnlineRate: 100,
        byLegacyLevel: [
          { legacyLevel: 1, count: 0 },
          { legacyLevel: 2, count: 1497 },
          { legacyLevel: 3, count: 325 },
          { legacyLevel: 4, count: 150 },
        ],
      });
    });

    it('gives Tiền Giang of July 2020: 2,035 procedures, levels 2/3/4 = 56/1,063 (52.23%)/916 (45.01%), and the split by level of government', async () => {
      const catalog = `total byLevel { level count } byLegacyLevel { legacyLevel count rate }`;
      const { unit } = await onUnit(
        '82',
        `all: procedureCatalog(asOf: "2020-07-31") { ${catalog} }
         department: procedureCatalog(asOf: "2020-07-31", levels: [PROVINCE]) { byLegacyLevel { legacyLevel count } }
         local: procedureCatalog(asOf: "2020-07-31", levels: [DISTRICT, COMMUNE]) { byLegacyLevel { legacyLevel count } }
         july: procedureCatalog(asOf: "2020-07-31", publishedFrom: "2020-07-01", publishedTo: "2020-07-31") { total decisions { totalCount edges { node { decisionNumber count } } } }`,
      );
      expect(unit.all.total).toBe(2035);
      expect(unit.all.byLevel).toEqual([{ level: 'PROVINCE', count: 1651 }, { level: 'DISTRICT', count: 263 }, { level: 'COMMUNE', count: 121 }]);
      expect(unit.all.byLegacyLevel.slice(1)).toEqual([
        { legacyLevel: 2, count: 56, rate: 2.75 },
        { legacyLevel: 3, count: 1063, rate: 52.23 },
        // The report prints 45%: 916 / 2,035 is 45.012..., cut to 45.01.
        { legacyLevel: 4, count: 916, rate: 45.01 },
      ]);
      expect(unit.department.byLegacyLevel.slice(3)).toEqual([{ legacyLevel: 4, count: 798 }]);
      expect(unit.department.byLegacyLevel[2]).toEqual({ legacyLevel: 3, count: 797 });
      expect(unit.local.byLegacyLevel.slice(2)).toEqual([{ legacyLevel: 3, count: 266 }, { legacyLevel: 4, count: 118 }]);
      expect(unit.july.total).toBe(103);
      expect(unit.july.decisions.edges).toHaveLength(4);
      expect(unit.july.decisions.totalCount).toBe(4);
    });

    it('lists published procedures without a token, filtered and paged', async () => {
      const result = await ask(`{ procedures(unitCode: "62", onlineService: FULL, level: COMMUNE, first: 5) {
        totalCount edges { node { id code name level onlineService legacyLevel field { code name } status province { id } } } } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data.procedures.totalCount).toBe(65);
      expect(result.data.procedures.edges[0].node).toMatchObject({ level: 'COMMUNE', onlineService: 'FULL', legacyLevel: 4, status: 'PUBLISHED', province: { id: '62' } });
      const entity = await ask(`{ _entities(representations: [{ __typename: "Procedure", id: "62-T0001" }]) { ... on Procedure { id code } } }`);
      expect(entity.data._entities[0]).toEqual({ id: '62-T0001', code: '1.001001' });
    });
  });

  describe('dossier, feedback and desk figures', () => {
    it("gives Kon Tum's January to October 2023 exactly as the provincial report", async () => {
      const { result, unit } = await onUnit('62', `dossierStats(from: "2023-01-01", to: "2023-10-31") { ${KON_TUM_STATS_QUERY} rejected withdrawn }`, konTumOfficer);
      expect(result.errors).toBeUndefined();
      expect(unit.dossierStats).toEqual({ ...KON_TUM_2023, rejected: 214, withdrawn: 89 });
      // Every dossier is accounted for: received = resolved + rejected + withdrawn + in progress.
      const stats = unit.dossierStats;
      expect(stats.resolved + stats.rejected + stats.withdrawn + stats.inProgress).toBe(stats.received);
    });

    it('breaks Kon Tum down by channel, level and field, each adding up to the total', async () => {
      const { unit } = await onUnit(
        '62',
        `dossierStats(from: "2023-01-01", to: "2023-10-31") { received
          byChannel { channel received receivedInPeriod } byLevel { level received resolved } byField { field { code } received } }`,
        konTumOfficer,
      );
      const sum = (list: { received: number }[]) => list.reduce((total, entry) => total + entry.received, 0);
      const stats = unit.dossierStats;
      expect(stats.byChannel.find((entry: any) => entry.channel === 'ONLINE').receivedInPeriod).toBe(50990);
      expect(sum(stats.byChannel)).toBe(199352);
      expect(sum(stats.byLevel)).toBe(199352);
      expect(stats.byLevel.map((entry: any) => entry.level)).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE']);
      expect(sum(stats.byField)).toBe(199352);
      expect(stats.byField.length).toBeGreaterThan(40);
    });

    it('gives Kiên Giang 2019: 99.50% on time and 100% of feedback handled', async () => {
      const { unit } = await onUnit(
        '91',
        'dossierStats(from: "2019-01-01", to: "2019-12-31") { resolved onTimeRate } feedbackStats(from: "2019-01-01", to: "2019-12-31") { received handled handledRate }',
        kienGiangOfficer,
      );
      expect(unit.dossierStats).toEqual({ resolved: 20000, onTimeRate: 99.5 });
      expect(unit.feedbackStats).toEqual({ received: 146, handled: 146, handledRate: 100 });
    });

    it('gives Châu Thành 2018: 98.89% on time, an apology letter for every late dossier, satisfaction above 95%, online at the district and 3 communes', async () => {
      const { unit } = await onUnit(
        '905',
        `dossierStats(from: "2018-01-01", to: "2018-12-31") { onTimeRate resolvedLate resolvedLateWithApology apologyRate satisfactionRate }
         serviceDesks(from: "2018-01-01", to: "2018-12-31") { online { total byLevel { level count } } }`,
        chauThanhOfficer,
      );
      expect(unit.dossierStats).toMatchObject({ onTimeRate: 98.89, resolvedLate: 109, resolvedLateWithApology: 109, apologyRate: 100 });
      expect(unit.dossierStats.satisfactionRate).toBeGreaterThan(95);
      expect(unit.serviceDesks.online).toEqual({
        total: 4,
        byLevel: [{ level: 'PROVINCE', count: 0 }, { level: 'DISTRICT', count: 1 }, { level: 'COMMUNE', count: 3 }],
      });
    });

    it('gives Tiền Giang 11/6-10/7/2020: online level 3 2,624 of 10,515, level 4 2,899 of 15,586 (18.60%), 30,038 results by post', async () => {
      const { unit } = await onUnit(
        '82',
        'dossierStats(from: "2020-06-11", to: "2020-07-10") { returnedByPost byLegacyLevel { legacyLevel received receivedOnline onlineRate } }',
        tienGiangViewer,
      );
      expect(unit.dossierStats.returnedByPost).toBe(30038);
      expect(unit.dossierStats.byLegacyLevel).toEqual([
        { legacyLevel: 2, received: 14000, receivedOnline: 0, onlineRate: 0 },
        // The report prints 25%: 2,624 / 10,515 is 24.95...
        { legacyLevel: 3, received: 10515, receivedOnline: 2624, onlineRate: 24.95 },
        { legacyLevel: 4, received: 15586, receivedOnline: 2899, onlineRate: 18.6 },
      ]);
    });

    it('gives Gia Lai to 09/2020: desks by post at the provincial center, 10 districts and 8 communes', async () => {
      const { unit } = await onUnit('64', 'serviceDesks(from: "2020-01-01", to: "2020-09-02") { postal { total byLevel { level count } } }', giaLaiViewer);
      expect(unit.serviceDesks.postal).toEqual({
        total: 19,
        byLevel: [{ level: 'PROVINCE', count: 1 }, { level: 'DISTRICT', count: 10 }, { level: 'COMMUNE', count: 8 }],
      });
    });

    it("computes Kon Tum's Decision 766 index from its data, each group with its inputs, and its rank among the provinces", async () => {
      const { unit } = await onUnit(
        '62',
        'serviceIndex(from: "2023-01-01", to: "2023-10-31") { total publicity { maxPoints points inputs { numerator denominator rate } } progress { points } digitization { points } onlineService { maxPoints } satisfaction { maxPoints } rank { overall publicity progress outOf } }',
        konTumOfficer,
      );
      const index = unit.serviceIndex;
      expect(index.publicity).toEqual({ maxPoints: 18, points: 14.46, inputs: [{ numerator: 1375, denominator: 1711, rate: 80.36 }] });
      expect(index.progress.points).toBe(19.58);
      expect(index.digitization.points).toBe(12.74);
      expect([index.onlineService.maxPoints, index.satisfaction.maxPoints]).toEqual([22, 18]);
      expect(index.total).toBe(75.97);
      // Among the 63 provinces, as the report ranks Kon Tum: 19th overall, 3rd for publicity, 26th for progress.
      expect(index.rank).toEqual({ overall: 19, publicity: 3, progress: 26, outOf: 63 });
    });
  });

  describe('authorization', () => {
    it('refuses aggregates without a token, and about a unit above or beside the principal', async () => {
      const stats = 'dossierStats(from: "2023-01-01", to: "2023-10-31") { received }';
      const anonymous = await onUnit('62', stats);
      expect(errorCodes(anonymous.result)).toEqual(['UNAUTHENTICATED']);
      const upward = await onUnit('905', 'dossierStats(from: "2018-01-01", to: "2018-12-31") { received }', chauThanhCommune);
      expect(errorCodes(upward.result)).toEqual(['FORBIDDEN']);
      expect(upward.unit.dossierStats).toBeNull();
      for (const field of ['feedbackStats(from: "2019-01-01", to: "2019-12-31") { received }', 'serviceIndex(from: "2019-01-01", to: "2019-12-31") { total }', 'serviceDesks(from: "2019-01-01", to: "2019-12-31") { postal { total } }']) {
        const sideways = await onUnit('62', field, kienGiangOfficer);
        expect(errorCodes(sideways.result)).toEqual(['FORBIDDEN']);
      }
    });

    it("lists to a district official only its district's and communes' dossiers", async () => {
      const result = await ask(`{ dossiers(first: 100) { totalCount edges { node { id unit { id } } } } }`, {}, chauThanhOfficer);
      expect(result.errors).toBeUndefined();
      const units: string[] = result.data.dossiers.edges.map((edge: any) => edge.node.unit.id);
      expect(units.length).toBe(100);
      const stored = await subgraph.dataSource.getRepository(Dossier).find({ where: units.map((_unit, index) => ({ id: result.data.dossiers.edges[index].node.id })) });
      expect(stored.every((row) => row.unitPath.startsWith('VN/91/905/'))).toBe(true);
      const outside = await ask(`{ dossiers(unitCode: "62") { totalCount } }`, {}, chauThanhOfficer);
      expect(outside.data.dossiers.totalCount).toBe(0);
      const anonymous = await ask(`{ dossiers { totalCount } }`);
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    });

    it('gives NOT_FOUND (as for a missing id) and no value for a dossier outside the scope, by field and by _entities', async () => {
      const [konTumDossier] = await subgraph.dataSource.getRepository(Dossier).find({ where: { unitId: '62' }, take: 1 });
      const byField = await ask(`query($id: ID!) { dossier(id: $id) { id } }`, { id: konTumDossier.id }, chauThanhOfficer);
      expect(byField.data).toEqual({ dossier: null });
      expect(errorCodes(byField)).toEqual(['NOT_FOUND']);
      const byEntity = await ask(`query($id: ID!) { _entities(representations: [{ __typename: "Dossier", id: $id }]) { ... on Dossier { id } } }`, { id: konTumDossier.id }, chauThanhOfficer);
      expect(byEntity.data._entities).toEqual([null]);
      expect(errorCodes(byEntity)).toEqual(['NOT_FOUND']);
      const own = await ask(`query($id: ID!) { dossier(id: $id) { id status } }`, { id: konTumDossier.id }, konTumOfficer);
      expect(own.data.dossier.id).toBe(konTumDossier.id);
      const missing = await ask(`{ dossier(id: "no-such-dossier") { id } }`, {}, konTumOfficer);
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    });

    it("hides the applicant's identity from a VIEWER and shows it to an OFFICER within scope", async () => {
      const [dossier] = await subgraph.dataSource.getRepository(Dossier).find({ where: { unitId: '905' }, take: 1 });
      const query = `query($id: ID!) { dossier(id: $id) { id status applicant { name identityNumber } } }`;
      const viewer = await ask(query, { id: dossier.id }, chauThanhViewer);
      expect(viewer.data.dossier.status).toBeTruthy();
      expect(viewer.data.dossier.applicant).toBeNull();
      expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
      const officer = await ask(query, { id: dossier.id }, chauThanhOfficer);
      expect(officer.data.dossier.applicant).toEqual({ name: dossier.applicantName, identityNumber: dossier.applicantIdNumber });
    });
  });

  describe('mutations', () => {
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id status channel dueAt receivedAt unit { id } agency { id } procedure { id } } }`;
    const input = (overrides: Record<string, unknown> = {}) => ({
      clientKey: 'desk-905-0001',
      procedureId: '91-H0001',
      unitCode: '905',
      agencyId: '905.motcua',
      channel: 'IN_PERSON',
      receivedAt: '2024-03-04T08:00:00+07:00',
      componentCount: 3,
      digitizedComponents: 2,
      applicantName: 'Nguyễn Văn An',
      applicantIdNumber: '091234567890',
      ...overrides,
    });

    it('receives a dossier once per client key: a retry returns the same dossier; other content under the key is a CONFLICT', async () => {
      const before = await count(Dossier);
      const first = await ask(receive, { input: input() }, chauThanhOfficer);
      expect(first.errors).toBeUndefined();
      expect(first.data.receiveDossier).toMatchObject({ status: 'RECEIVED', channel: 'IN_PERSON', unit: { id: '905' }, agency: { id: '905.motcua' }, procedure: { id: '91-H0001' } });
      const retry = await ask(receive, { input: input() }, chauThanhOfficer);
      expect(retry.data.receiveDossier.id).toBe(first.data.receiveDossier.id);
      expect(await count(Dossier)).toBe(before + 1);
      const changed = await ask(receive, { input: input({ componentCount: 4 }) }, chauThanhOfficer);
      expect(errorCodes(changed)).toEqual(['CONFLICT']);
      expect(await count(Dossier)).toBe(before + 1);
    });

    it('refuses bad input with a clear code and writes nothing', async () => {
      const before = await count(Dossier);
      const cases: [Record<string, unknown>, string][] = [
        [{ clientKey: 'bad-1', procedureId: 'no-such-procedure' }, 'NOT_FOUND'],
        [{ clientKey: 'bad-2', unitCode: '99999' }, 'NOT_FOUND'],
        [{ clientKey: 'bad-3', dueAt: '2024-03-01T08:00:00+07:00' }, 'BAD_USER_INPUT'],
        [{ clientKey: 'bad-4', procedureId: '62-H0001' }, 'BAD_USER_INPUT'],
        [{ clientKey: 'bad-5', applicantIdNumber: '12' }, 'BAD_USER_INPUT'],
        [{ clientKey: 'bad-6', receivedAt: 'yesterday' }, 'BAD_USER_INPUT'],
      ];
      for (const [overrides, code] of cases) {
        const result = await ask(receive, { input: input(overrides) }, chauThanhOfficer);
        expect([overrides.clientKey, errorCodes(result)]).toEqual([overrides.clientKey, [code]]);
      }
      expect(await count(Dossier)).toBe(before);
    });

    it('refuses an agencyId naming no agency, or an agency of another unit, with BAD_USER_INPUT on agencyId, and writes nothing', async () => {
      const before = await count(Dossier);
      // No such agency; the neighbouring district's desk; the province's service center above the district.
      for (const [clientKey, agencyId] of [['agency-1', 'no-such-agency'], ['agency-2', '906.motcua'], ['agency-3', '91.ttphvhcc']]) {
        const result = await ask(receive, { input: input({ clientKey, agencyId }) }, chauThanhOfficer);
        expect([agencyId, errorCodes(result), result.errors?.[0]?.extensions?.argument]).toEqual([agencyId, ['BAD_USER_INPUT'], 'agencyId']);
        // One answer for all three: the refusal does not tell where an agency outside the scope sits.
        expect(result.errors?.[0]?.message).toBe(`agencyId "${agencyId}" names no agency of unit 905`);
      }
      expect(await count(Dossier)).toBe(before);
    });

    it('refuses writes without the role or outside the own unit (rule 4), and lets an ADMIN write below its unit', async () => {
      const before = await count(Dossier);
      const viewer = await ask(receive, { input: input({ clientKey: 'rule4-1' }) }, chauThanhViewer);
      expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
      const provinceOfficer = await ask(receive, { input: input({ clientKey: 'rule4-2' }) }, kienGiangOfficer);
      expect(errorCodes(provinceOfficer)).toEqual(['FORBIDDEN']);
      const sibling = await ask(receive, { input: input({ clientKey: 'rule4-3', unitCode: '906', agencyId: '906.motcua' }) }, chauThanhOfficer);
      expect(errorCodes(sibling)).toEqual(['FORBIDDEN']);
      expect(await count(Dossier)).toBe(before);
      const admin = await ask(receive, { input: input({ clientKey: 'rule4-4' }) }, kienGiangAdmin);
      expect(admin.errors).toBeUndefined();
      expect(await count(Dossier)).toBe(before + 1);
    });

    it('moves a dossier through its lifecycle; the supplement wait moves the due time; an illegal move is a CONFLICT that changes nothing', async () => {
      const created = await ask(receive, { input: input({ clientKey: 'life-1' }) }, chauThanhOfficer);
      const id = created.data.receiveDossier.id;
      const dueAt = created.data.receiveDossier.dueAt;
      const move = `mutation($id: ID!, $to: DossierStatus!, $at: DateTime) { transitionDossier(id: $id, to: $to, at: $at) {
        status dueAt originalDueAt supplementWaitSeconds resolvedAt returnedAt onTime } }`;
      const steps: [string, string][] = [
        ['PROCESSING', '2024-03-04T09:00:00+07:00'],
        ['SUPPLEMENT_REQUESTED', '2024-03-05T09:00:00+07:00'],
        ['PROCESSING', '2024-03-08T09:00:00+07:00'],
      ];
      let last: any;
      for (const [to, at] of steps) {
        last = await ask(move, { id, to, at }, chauThanhOfficer);
        expect(last.errors).toBeUndefined();
      }
      // Three days waiting for the applicant: the due time moves three days later.
      expect(last.data.transitionDossier).toMatchObject({ status: 'PROCESSING', originalDueAt: dueAt, supplementWaitSeconds: 3 * 86400 });
      expect(Date.parse(last.data.transitionDossier.dueAt) - Date.parse(dueAt)).toBe(3 * 86400 * 1000);
      const resolved = await ask(move, { id, to: 'RESOLVED', at: '2024-03-09T10:00:00+07:00' }, chauThanhOfficer);
      expect(resolved.data.transitionDossier).toMatchObject({ status: 'RESOLVED', resolvedAt: '2024-03-09T10:00:00.000+07:00', onTime: true });
      const returned = await ask(move, { id, to: 'RETURNED', at: '2024-03-09T15:00:00+07:00' }, chauThanhOfficer);
      expect(returned.data.transitionDossier.status).toBe('RETURNED');
      const row = await subgraph.dataSource.getRepository(Dossier).findOneByOrFail({ id });
      const illegal = await ask(move, { id, to: 'PROCESSING' }, chauThanhOfficer);
      expect(errorCodes(illegal)).toEqual(['CONFLICT']);
      expect(await subgraph.dataSource.getRepository(Dossier).findOneByOrFail({ id })).toEqual(row);
      const commune = await ask(move, { id, to: 'WITHDRAWN' }, chauThanhCommune);
      expect(errorCodes(commune)).toEqual(['NOT_FOUND']);
      const backdated = await ask(move, { id: (await ask(receive, { input: input({ clientKey: 'life-2' }) }, chauThanhOfficer)).data.receiveDossier.id, to: 'PROCESSING', at: '2020-01-01T00:00:00+07:00' }, chauThanhOfficer);
      expect(errorCodes(backdated)).toEqual(['BAD_USER_INPUT']);
    });

    it('issues an apology letter only for a late dossier, once', async () => {
      const created = await ask(receive, { input: input({ clientKey: 'late-1', dueAt: '2024-03-05T08:00:00+07:00' }) }, chauThanhOfficer);
      const id = created.data.receiveDossier.id;
      const apology = `mutation($id: ID!, $at: DateTime) { issueApologyLetter(id: $id, newReturnAt: "2024-03-12T08:00:00+07:00", at: $at) { apologyLetter { issuedAt newReturnAt } } }`;
      const early = await ask(apology, { id, at: '2024-03-04T10:00:00+07:00' }, chauThanhOfficer);
      expect(errorCodes(early)).toEqual(['CONFLICT']);
      const late = await ask(apology, { id, at: '2024-03-06T10:00:00+07:00' }, chauThanhOfficer);
      expect(late.data.issueApologyLetter.apologyLetter).toEqual({ issuedAt: '2024-03-06T10:00:00.000+07:00', newReturnAt: '2024-03-12T08:00:00.000+07:00' });
      const again = await ask(apology, { id, at: '2024-03-07T10:00:00+07:00' }, chauThanhOfficer);
      expect(errorCodes(again)).toEqual(['CONFLICT']);
    });

    it('publishes and withdraws a procedure in the own province only; the catalogue counts follow', async () => {
      const total = async () => (await onUnit('91', 'procedureCatalog { total }')).unit.procedureCatalog.total;
      const before = await total();
      const publish = `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { id status onlineService legacyLevel } }`;
      const procedure = {
        provinceCode: '91', code: '1.009999', name: 'Cấp giấy phép thử nghiệm', fieldCode: 'ho-tich', level: 'COMMUNE',
        onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND',
      };
      const foreign = await ask(publish, { input: procedure }, konTumOfficer);
      expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
      const mismatch = await ask(publish, { input: { ...procedure, legacyLevel: 2 } }, kienGiangOfficer);
      expect(errorCodes(mismatch)).toEqual(['BAD_USER_INPUT']);
      expect(await total()).toBe(before);
      const published = await ask(publish, { input: procedure }, kienGiangOfficer);
      expect(published.data.publishProcedure).toMatchObject({ status: 'PUBLISHED', onlineService: 'FULL', legacyLevel: 4 });
      expect(await total()).toBe(before + 1);
      const duplicate = await ask(publish, { input: procedure }, kienGiangOfficer);
      expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
      const withdraw = `mutation($id: ID!) { withdrawProcedure(id: $id) { status withdrawnOn } }`;
      const id = published.data.publishProcedure.id;
      expect(errorCodes(await ask(withdraw, { id }, chauThanhOfficer))).toEqual(['FORBIDDEN']);
      const withdrawn = await ask(withdraw, { id }, kienGiangOfficer);
      expect(withdrawn.data.withdrawProcedure.status).toBe('WITHDRAWN');
      expect(errorCodes(await ask(withdraw, { id }, kienGiangOfficer))).toEqual(['CONFLICT']);
      expect(await total()).toBe(before);
    });
  });

  describe('statements per request', () => {
    it('lists 100 dossiers with their procedure, unit and agency in a bounded number of statements', async () => {
      const counter = statementCounter(subgraph.dataSource);
      const page = (size: number) => ask(`{ dossiers(first: ${size}) { edges { node { id procedure { id name } unit { id } agency { id } } } } }`, {}, konTumOfficer);
      counter.reset();
      const small = await page(10);
      const smallCount = counter.count;
      counter.reset();
      const large = await page(100);
      expect(large.data.dossiers.edges).toHaveLength(100);
      expect(small.data.dossiers.edges).toHaveLength(10);
      // One page statement, one batched procedure lookup: the same for 10 and 100.
      expect(counter.count).toBeLessThanOrEqual(2);
      expect(counter.count).toBe(smallCount);
    });

    it('resolves 100 Dossier references through _entities in at most two statements', async () => {
      const rows = await subgraph.dataSource.getRepository(Dossier).find({ where: { unitId: '62' }, take: 100 });
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Dossier { id status } } }`,
        { representations: rows.map((row) => ({ __typename: 'Dossier', id: row.id })) },
        konTumOfficer,
      );
      expect(result.data._entities).toHaveLength(100);
      expect(counter.count).toBeLessThanOrEqual(2);
    });
  });
});
