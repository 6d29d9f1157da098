import '../support/reform';
import type { ObjectLiteral } from 'typeorm';
import { SignJWT } from 'jose';
import { assertInForce } from '../../services/core/access';
import { statementCounter } from '../../services/core/database';
import { inForceOn, treeDay } from '../../services/core/time';
import { Certificate } from '../../services/documents/certificate/certificate';
import { Document } from '../../services/documents/document/document';
import { Inspection } from '../../services/inspections/inspection/inspection';
import { InspectionPlan } from '../../services/inspections/plan/inspection-plan';
import { ReformScoreRecord } from '../../services/inspections/score/reform-score-record';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { Procedure } from '../../services/procedures/procedure/procedure';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { coverageOf, GIA_LAI_FIGURES } from '../inspections/figures';
import { KON_TUM_2023, KON_TUM_STATS_QUERY } from '../procedures/figures';

/**
 * Scope across time (docs/architecture.md rule 13, issue 12): the two trees read on the real
 * day, through the real gateway with signed tokens, on both databases.
 *
 * Old Kon Tum (62) went into Quảng Ngãi (51@2025). Its district Đắk Glei (610) held the town
 * Đắk Glei (23341) and the commune Đắk Pék (23353), now the commune Đăk Pék (23341@2025: the
 * code of the seat lives on), and beside them Đắk Blô (23344), Đắk Man (23347) and Đắk Nhoong
 * (23350), now the commune Đăk Plô (23344@2025).
 */
const OLD_DAK_PEK = ['23341', '23353'];
const OLD_DAK_PLO = ['23344', '23347', '23350'];
const JAN_OCT_2023 = 'from: "2023-01-01", to: "2023-10-31"';

describe('the last day of a dissolved unit, in Vietnam (UTC+7)', () => {
  const konTum = { code: '62', name: 'Kon Tum', validFrom: null, validTo: '2025-06-30', successors: [{ code: '51', name: 'Quảng Ngãi' }] };

  it('holds until 23:59:59 on 30/6/2025 in Vietnam and ends at 00:00 on 1/7/2025 (17:00 UTC the day before)', () => {
    expect(treeDay(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(treeDay(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(inForceOn(null, '2025-06-30', treeDay(new Date('2025-06-30T16:59:59Z')))).toBe(true);
    expect(inForceOn(null, '2025-06-30', treeDay(new Date('2025-06-30T17:00:00Z')))).toBe(false);
    expect(inForceOn('2025-07-01', null, treeDay(new Date('2025-06-30T17:00:00Z')))).toBe(true);
    expect(() => assertInForce(konTum, 'unitCode', treeDay(new Date('2025-06-30T16:59:59Z')))).not.toThrow();
    expect(() => assertInForce(konTum, 'unitCode', treeDay(new Date('2025-06-30T17:00:00Z')))).toThrow(/dissolved after 2025-06-30.*51 \(Quảng Ngãi\)/);
  });
});

describe.each(DATABASES)('scope across time through the gateway on %s', (kind) => {
  let hub: TestHub;
  const rowsOf = (subgraph: string, entity: new () => ObjectLiteral) => hub.subgraphs[subgraph].dataSource.getRepository(entity).count();
  const dossiersOf = (unitIds: string[]) =>
    hub.subgraphs.procedures.dataSource
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.unitId IN (:...unitIds)', { unitIds })
      .orderBy('d.unitId')
      .addOrderBy('d.id')
      .getMany();
  const ok = async (query: string, token?: string, variables: Record<string, unknown> = {}) => {
    const result = await hub.query<any>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind, 'scope-across-time', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  }, 900_000);
  afterAll(() => hub?.close());

  it('answers the tree of today (34 provinces, 3,321 communes), that of 30/6/2025 (63 provinces), and old Kon Tum with its successor', async () => {
    const data = await ok(`{
      provinces: units(level: PROVINCE, first: 1) { totalCount }
      communes: units(level: COMMUNE, first: 1) { totalCount }
      districts: units(level: DISTRICT, first: 1) { totalCount }
      before: units(level: PROVINCE, asOf: "2025-06-30", first: 1) { totalCount }
      konTum: unit(code: "62") { id name validTo successors { edges { node { id code name } } } }
    }`);
    expect(data.provinces.totalCount).toBe(34);
    expect(data.communes.totalCount).toBe(3321);
    expect(data.districts.totalCount).toBe(0);
    expect(data.before.totalCount).toBe(63);
    expect(data.konTum).toMatchObject({ id: '62', name: 'Kon Tum', validTo: '2025-06-30' });
    expect(data.konTum.successors.edges.map((edge: any) => edge.node)).toEqual([{ id: '51@2025', code: '51', name: 'Quảng Ngãi' }]);
  });

  it("gives a Quảng Ngãi (51) OFFICER old Kon Tum's January to October 2023 dossiers, as unit 62 and inside 51's own total", async () => {
    const officer = await hub.token('51', ['OFFICER']);
    const data = await ok(
      `{ konTum: unit(code: "62") { dossierStats(${JAN_OCT_2023}) { ${KON_TUM_STATS_QUERY} } }
         oldQuangNgai: unit(code: "51", asOf: "2025-06-30") { id dossierStats(${JAN_OCT_2023}) { received resolved resolvedOnTime carriedOver inProgress } }
         quangNgai: unit(code: "51") { id dossierStats(${JAN_OCT_2023}) { received resolved resolvedOnTime carriedOver inProgress } } }`,
      officer,
    );
    expect(data.konTum.dossierStats).toEqual(KON_TUM_2023);
    expect(data.oldQuangNgai.id).toBe('51');
    expect(data.oldQuangNgai.dossierStats.received).toBeGreaterThan(0);
    expect(data.quangNgai.id).toBe('51@2025');
    for (const counter of ['received', 'resolved', 'resolvedOnTime', 'carriedOver', 'inProgress'] as const) {
      expect(data.quangNgai.dossierStats[counter]).toBe(KON_TUM_2023[counter as keyof typeof KON_TUM_2023] + data.oldQuangNgai.dossierStats[counter]);
    }
    // And a dossier of a Kon Tum commune, by id.
    const [dossier] = await dossiersOf(['23341']);
    const byId = await ok(`query($id: ID!) { dossier(id: $id) { id unit { id code validTo } } }`, officer, { id: dossier.id });
    expect(byId.dossier).toEqual({ id: dossier.id, unit: { id: '23341', code: '23341', validTo: '2025-06-30' } });
  });

  it("counts every aggregate of a merged province over its lineage, the pre-reform figures unmoved", async () => {
    const viewer = await hub.token('51', ['VIEWER']);
    const aggregates = `procedureCatalog(asOf: "2023-10-31") { total }
      feedbackStats(${JAN_OCT_2023}) { received handled }
      serviceDesks(${JAN_OCT_2023}) { online { total } }
      certificateStats { total }
      documentExchangeStats(${JAN_OCT_2023}) { sent received }`;
    const data = await ok(
      `{ konTum: unit(code: "62") { ${aggregates} } old: unit(code: "51", asOf: "2025-06-30") { ${aggregates} } merged: unit(code: "51") { ${aggregates} } }`,
      viewer,
    );
    const { konTum, old, merged } = data;
    expect(konTum.procedureCatalog.total).toBe(1711);
    expect(merged.procedureCatalog.total).toBe(konTum.procedureCatalog.total + old.procedureCatalog.total);
    expect(merged.feedbackStats.received).toBe(konTum.feedbackStats.received + old.feedbackStats.received);
    expect(merged.feedbackStats.handled).toBe(konTum.feedbackStats.handled + old.feedbackStats.handled);
    expect(merged.serviceDesks.online.total).toBe(konTum.serviceDesks.online.total + old.serviceDesks.online.total);
    // Its own certificates (issued from 1/7/2025 to the merged province's agencies) on top of its predecessors'.
    const own = await hub.subgraphs.documents.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .where('c.unitPath >= :low AND c.unitPath < :high', { low: 'VN/51@2025/', high: 'VN/51@20250' })
      .getCount();
    expect(merged.certificateStats.total).toBe(konTum.certificateStats.total + old.certificateStats.total + own);
    expect(merged.documentExchangeStats.sent).toBe(konTum.documentExchangeStats.sent + old.documentExchangeStats.sent);
    expect(merged.documentExchangeStats.received).toBe(konTum.documentExchangeStats.received + old.documentExchangeStats.received);
  });

  it('ranks old Kon Tum among the 63 provinces of 2023 as the report does, and the merged Quảng Ngãi among the 34', async () => {
    const viewer = await hub.token('51', ['VIEWER']);
    const data = await ok(
      `{ konTum: unit(code: "62") { serviceIndex(${JAN_OCT_2023}) { rank { overall publicity progress outOf } } }
         merged: unit(code: "51") { serviceIndex(${JAN_OCT_2023}) { total rank { overall outOf } } } }`,
      viewer,
    );
    expect(data.konTum.serviceIndex.rank).toEqual({ overall: 19, publicity: 3, progress: 26, outOf: 63 });
    expect(data.merged.serviceIndex.rank.outOf).toBe(34);
    expect(data.merged.serviceIndex.rank.overall).toBeGreaterThanOrEqual(1);
    expect(data.merged.serviceIndex.rank.overall).toBeLessThanOrEqual(34);
  });

  it("gives Gia Lai (52@2025) the inspection coverage of old Gia Lai (64), districts included, since districts exist before the reform only", async () => {
    const inspector = await hub.token('52', ['INSPECTOR']);
    const figure = GIA_LAI_FIGURES.find((entry) => entry.year === 2019)!;
    const data = await ok(`{ unit(code: "52") { id inspectionCoverage(year: 2019) { year inspected planned rate byLevel { level count } } } }`, inspector);
    expect(data.unit.id).toBe('52@2025');
    expect(data.unit.inspectionCoverage).toEqual(coverageOf(figure));
  });

  it('gives an OFFICER of another post-reform province (An Giang, 91) FORBIDDEN for all of it, and nothing in lists', async () => {
    const officer = await hub.token('91', ['OFFICER']);
    const stats = await hub.query<any>(`{ unit(code: "62") { dossierStats(${JAN_OCT_2023}) { received } } }`, {}, officer);
    expect(errorCodes(stats)).toEqual(['FORBIDDEN']);
    expect(stats.data.unit).toEqual({ dossierStats: null });
    const merged = await hub.query<any>(`{ unit(code: "51") { dossierStats(${JAN_OCT_2023}) { received } serviceIndex(${JAN_OCT_2023}) { total } certificateStats { total } } }`, {}, officer);
    expect(errorCodes(merged).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const [dossier] = await dossiersOf(['23341']);
    const byId = await hub.query<any>(`query($id: ID!) { dossier(id: $id) { id } }`, { id: dossier.id }, officer);
    expect(byId.data).toEqual({ dossier: null });
    expect(errorCodes(byId)).toEqual(['NOT_FOUND']);
    const lists = await ok(`{ byCode: dossiers(unitCode: "62") { totalCount } onUnit: unit(code: "62") { dossiers { totalCount } } onMerged: unit(code: "51") { dossiers { totalCount } } }`, officer);
    expect(lists).toEqual({ byCode: { totalCount: 0 }, onUnit: { dossiers: { totalCount: 0 } }, onMerged: { dossiers: { totalCount: 0 } } });
  });

  it("gives an OFFICER of a new commune the dossiers of each old commune it was made from, and none of its neighbour's", async () => {
    const officer = await hub.token('23341', ['OFFICER']);
    const own = await dossiersOf(OLD_DAK_PEK);
    const neighbours = await dossiersOf(OLD_DAK_PLO);
    for (const code of [...OLD_DAK_PEK, ...OLD_DAK_PLO]) expect(own.concat(neighbours).some((dossier) => dossier.unitId === code)).toBe(true);

    for (const code of OLD_DAK_PEK) {
      const dossier = own.find((row) => row.unitId === code)!;
      const byId = await ok(`query($id: ID!) { dossier(id: $id) { id } }`, officer, { id: dossier.id });
      expect(byId.dossier.id).toBe(dossier.id);
      // The old commune as it stood on its last day (today the code 23341 names the new commune).
      const count = own.filter((row) => row.unitId === code).length;
      const list = await ok(`{ unit(code: "${code}", asOf: "2025-06-30") { id dossiers { totalCount } } }`, officer);
      expect(list.unit).toEqual({ id: code, dossiers: { totalCount: count } });
    }
    const byCode = await ok(`{ dossiers(unitCode: "23353") { totalCount } }`, officer);
    expect(byCode.dossiers.totalCount).toBe(own.filter((row) => row.unitId === '23353').length);
    const lists = await ok(`{ all: dossiers { totalCount } onUnit: unit(code: "23341") { id dossiers { totalCount } } }`, officer);
    expect(lists.all.totalCount).toBe(own.length);
    expect(lists.onUnit).toEqual({ id: '23341@2025', dossiers: { totalCount: own.length } });
    const page = await ok(`{ dossiers(first: 100) { edges { node { id unit { id } } } } }`, officer);
    expect(page.dossiers.edges.every((edge: any) => OLD_DAK_PEK.includes(edge.node.unit.id))).toBe(true);

    for (const code of OLD_DAK_PLO) {
      const dossier = neighbours.find((row) => row.unitId === code)!;
      const byId = await hub.query<any>(`query($id: ID!) { dossier(id: $id) { id } }`, { id: dossier.id }, officer);
      expect(errorCodes(byId)).toEqual(['NOT_FOUND']);
      const byEntity = await hub.query<any>(`query($id: ID!) { _entities(representations: [{ __typename: "Dossier", id: $id }]) { ... on Dossier { id } } }`, { id: dossier.id }, officer);
      expect(byEntity.data?._entities ?? [null]).toEqual([null]);
      const list = await ok(`{ unit(code: "${code}", asOf: "2025-06-30") { dossiers { totalCount } } }`, officer);
      expect(list.unit.dossiers.totalCount).toBe(0);
      const stats = await hub.query<any>(`{ unit(code: "${code}", asOf: "2025-06-30") { dossierStats(${JAN_OCT_2023}) { received } } }`, {}, officer);
      expect(errorCodes(stats)).toEqual(['FORBIDDEN']);
    }
    const byNeighbourCode = await ok(`{ dossiers(unitCode: "23350") { totalCount } }`, officer);
    expect(byNeighbourCode.dossiers.totalCount).toBe(0);
    const neighbour = await hub.query<any>(`{ unit(code: "23344") { id dossierStats(${JAN_OCT_2023}) { received } dossiers { totalCount } } }`, {}, officer);
    expect(errorCodes(neighbour)).toEqual(['FORBIDDEN']);
    expect(neighbour.data.unit).toEqual({ id: '23344@2025', dossierStats: null, dossiers: { totalCount: 0 } });
  });

  it('refuses (401) a token naming a dissolved province or district, naming where its territory went', async () => {
    for (const [unit, successor] of [
      ['62', '51 (Quảng Ngãi)'],
      ['610', '51 (Quảng Ngãi)'],
    ]) {
      const result = await hub.query<any>(`{ unit(code: "51") { name } }`, {}, await hub.token(unit, ['VIEWER']));
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0].message).toContain(successor);
    }
  });

  it('refuses every write naming a dissolved unit or an agency of one with BAD_USER_INPUT naming the successors, and writes nothing', async () => {
    const [konTumPlan] = await hub.subgraphs.inspections.dataSource.getRepository(InspectionPlan).find({ where: { unitId: '64' }, take: 1 });
    const cases: { subgraph: string; entity: new () => ObjectLiteral; token: string; query: string; input: Record<string, unknown>; successor: string }[] = [
      {
        subgraph: 'procedures', entity: Dossier, token: await hub.token('23341', ['OFFICER']), successor: '23341 (Đăk Pék)',
        query: `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
        input: { clientKey: 'reform-1', procedureId: '62-X0001', unitCode: '23353', agencyId: '23353.ubnd', channel: 'IN_PERSON', componentCount: 1, applicantName: 'A Nhoong', applicantIdNumber: '062987654321' },
      },
      {
        subgraph: 'procedures', entity: Procedure, token: await hub.token('51', ['OFFICER']), successor: '51 (Quảng Ngãi)',
        query: `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { id } }`,
        input: { provinceCode: '62', code: '1.009991', name: 'Thủ tục thử', fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND' },
      },
      {
        subgraph: 'documents', entity: Document, token: await hub.token('51', ['OFFICER']), successor: '51 (Quảng Ngãi)',
        query: `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
        input: { agencyId: '62.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: 'Báo cáo', content: 'Nội dung' },
      },
      {
        subgraph: 'documents', entity: Certificate, token: await hub.token('51', ['ADMIN']), successor: '51 (Quảng Ngãi)',
        query: `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`,
        input: { kind: 'ORGANIZATION', agencyId: '62.ubnd' },
      },
      {
        subgraph: 'inspections', entity: InspectionPlan, token: await hub.token('52', ['INSPECTOR']), successor: '52 (Gia Lai)',
        query: `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
        input: { unitCode: '64', year: 2025, coverageTarget: 50, decisionNumber: '01/KH-UBND', targetAgencyIds: ['622.ubnd'] },
      },
      {
        subgraph: 'inspections', entity: Inspection, token: await hub.token('52', ['INSPECTOR']), successor: '52 (Gia Lai)',
        query: `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
        input: { planId: konTumPlan.id, targetAgencyId: '622.ubnd', scheduledOn: '2025-08-20', teamOfficialIds: ['64.so-noi-vu.cb1'] },
      },
      {
        subgraph: 'inspections', entity: ReformScoreRecord, token: await hub.token('VN', ['INSPECTOR']), successor: '51 (Quảng Ngãi)',
        query: `mutation($input: RecordReformScoreInput!) { recordReformScore(input: $input) { year } }`,
        input: { unitCode: '62', year: 2025, areas: [{ area: 'CIVIL_SERVICE', points: 15, maxPoints: 17.5 }] },
      },
    ];
    for (const { subgraph, entity, token, query, input, successor } of cases) {
      const before = await rowsOf(subgraph, entity);
      const result = await hub.query<any>(query, { input }, token);
      expect({ query, codes: errorCodes(result) }).toEqual({ query, codes: ['BAD_USER_INPUT'] });
      expect(result.status).toBeLessThan(500);
      expect(result.errors![0].message).toContain(successor);
      expect(await rowsOf(subgraph, entity)).toBe(before);
    }
  });

  it('gives the merged Quảng Ngãi its own republished catalogue from 1/7/2025 and its predecessors\' before, never both', async () => {
    const data = await ok(`{
      today: unit(code: "51") { procedureCatalog(asOf: "2025-07-01") { total byLevel { level count } } }
      before: unit(code: "51") { procedureCatalog(asOf: "2023-10-31") { total } }
      konTum: unit(code: "62") { procedureCatalog(asOf: "2023-10-31") { total } }
    }`);
    expect(data.today.procedureCatalog.total).toBe(1711);
    const district = data.today.procedureCatalog.byLevel.find((row: { level: string }) => row.level === 'DISTRICT');
    expect(district?.count ?? 0).toBe(0);
    expect(data.before.procedureCatalog.total).toBeGreaterThanOrEqual(data.konTum.procedureCatalog.total);
  });

  it('refuses a record dated before its unit existed, and a token issued before its unit came into force', async () => {
    const officer = await hub.token('51', ['OFFICER', 'ADMIN']);
    const before = await rowsOf('procedures', Dossier);
    const [procedure] = await hub.subgraphs.procedures.dataSource.getRepository(Procedure).find({ where: { provinceId: '51@2025' }, take: 1 });
    const dossier = await hub.query<any>(`mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`, {
      input: {
        clientKey: 'reform-backdated', procedureId: procedure.id, unitCode: '51', agencyId: '51@2025.ttphvhcc', channel: 'IN_PERSON', componentCount: 1,
        applicantName: 'Lê Văn A', applicantIdNumber: '051987654321', receivedAt: '2024-03-01T09:00:00+07:00',
      },
    }, officer);
    expect(errorCodes(dossier)).toEqual(['BAD_USER_INPUT']);
    expect(dossier.errors![0].extensions).toMatchObject({ argument: 'receivedAt' });
    expect(await rowsOf('procedures', Dossier)).toBe(before);

    const plan = await hub.query<any>(`mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`, {
      input: { unitCode: '51', year: 2024, coverageTarget: 50, decisionNumber: '02/KH-UBND', targetAgencyIds: ['51@2025.ubnd'] },
    }, await hub.token('51', ['INSPECTOR']));
    expect(errorCodes(plan)).toEqual(['BAD_USER_INPUT']);

    // Issued on 30/6/2025, the last day 91 named Kiên Giang: it names no unit now.
    const secret = new TextEncoder().encode(process.env.HUB_DEV_JWT_SECRET!);
    const stale = await new SignJWT({ unit: '91', roles: ['VIEWER'], kind: 'USER' })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('kien-giang-official').setIssuer('gov-hub-dev').setAudience('gov-hub')
      .setIssuedAt(Math.floor(Date.parse('2025-06-30T10:00:00+07:00') / 1000)).setExpirationTime('10 years').sign(secret);
    const result = await hub.query<any>(`{ unit(code: "91") { name } }`, {}, stale);
    expect(result.status).toBe(401);
    expect(result.errors![0].message).toContain('came into force on 2025-07-01');
  });

  it('reads a page of 100 dossiers for a merged province (three lineage branches) in as many statements as for an unmerged one', async () => {
    const counter = statementCounter(hub.subgraphs.procedures.dataSource);
    const page = `{ dossiers(first: 100) { edges { node { id procedure { name } unit { name } agency { name } } } } }`;
    const statements = async (unit: string) => {
      const token = await hub.token(unit, ['OFFICER']);
      await hub.query<any>(page, {}, token); // warms the gateway's unit directory
      counter.reset();
      const result = await hub.query<any>(page, {}, token);
      expect(result.errors).toBeUndefined();
      expect(result.data.dossiers.edges).toHaveLength(100);
      return counter.count;
    };
    const merged = await statements('51');
    const unmerged = await statements('01');
    expect(merged).toBeLessThanOrEqual(2);
    expect(merged).toBe(unmerged);
  });
});
