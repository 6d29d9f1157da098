import { statementCounter } from '../../services/core/database';
import { Finding } from '../../services/inspections/finding/finding';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { GIA_LAI_FIGURES, KIEN_GIANG_2019, coverageOf } from './figures';

/** Inspections as a new user meets them: through the real gateway over HTTP, with real tokens, on both databases. */
describe.each(DATABASES)('inspections through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'inspections');
  });
  afterAll(() => hub?.close());

  const coverage = `query($code: String!, $year: Int!) { unit(code: $code) { name inspectionCoverage(year: $year) { year inspected planned rate byLevel { level count } } } }`;

  it('gives Gia Lai 2018: 14 inspected, 6 departments (PROVINCE) and 8 districts', async () => {
    const token = await hub.token('64', ['VIEWER']);
    const result = await hub.query<any>(`{ unit(code: "64") { inspectionCoverage(year: 2018) { inspected byLevel { level count } } } }`, {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.inspectionCoverage).toEqual({ inspected: 14, byLevel: [{ level: 'PROVINCE', count: 6 }, { level: 'DISTRICT', count: 8 }] });
  });

  it.each(GIA_LAI_FIGURES)('gives Gia Lai $year like the provincial report ($inspected units)', async (figure) => {
    const result = await hub.query<any>(coverage, { code: '64', year: figure.year }, await hub.token('64', ['VIEWER']));
    expect(result.errors).toBeUndefined();
    expect(result.data.unit).toEqual({ name: 'Gia Lai', inspectionCoverage: coverageOf(figure) });
  });

  it("gives Kiên Giang 2019: 9 departments, 5 district People's Committees, 9 commune units, 100% of plan", async () => {
    const result = await hub.query<any>(coverage, { code: '91', year: 2019 }, await hub.token('VN', ['VIEWER']));
    expect(result.errors).toBeUndefined();
    expect(result.data.unit).toEqual({ name: 'Kiên Giang', inspectionCoverage: coverageOf(KIEN_GIANG_2019) });
  });

  it("gives Gia Lai's 93.8% of civil servants rated completed well or better in 2019; refuses it to a district and without a token", async () => {
    const query = `{ unit(code: "64") { reformScore(year: 2019) { completedWellShare parIndex rank rankedAmong sipas areas { area rank } } } }`;
    const result = await hub.query<any>(query, {}, await hub.token('64', ['VIEWER']));
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.reformScore.completedWellShare).toBe(93.8);
    expect(result.data.unit.reformScore.rankedAmong).toBe(63);
    expect(result.data.unit.reformScore.areas).toHaveLength(7);
    const district = await hub.query<any>(query, {}, await hub.token('622', ['OFFICER']));
    expect(errorCodes(district)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(district.data)).not.toContain('93.8');
    const anonymous = await hub.query<any>(query);
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
  });

  it('answers an inspection outside the scope exactly like one that does not exist, so ids cannot count what coverage refuses (issue 11)', async () => {
    const konTum = await hub.token('62', ['VIEWER', 'OFFICER', 'INSPECTOR']);
    const coverage = await hub.query<any>(`{ unit(code: "905") { inspectionCoverage(year: 2018) { inspected } } }`, {}, konTum);
    expect(errorCodes(coverage)).toEqual(['FORBIDDEN']);
    const ids = [1, 2, 3, 4, 5, 6, 7].map((n) => `kh-905-2018.0${n}`);
    const byId = (id: string, token: string) => hub.query<any>(`query($id: ID!) { inspection(id: $id) { id } }`, { id }, token);
    // The nation sees that some of these exist and some do not: the probe covers both.
    const national = await Promise.all(ids.map(async (id) => (await byId(id, await hub.token('VN', ['VIEWER']))).data?.inspection?.id ?? null));
    expect(national.filter(Boolean).length).toBeGreaterThan(0);
    expect(national.filter((id) => id === null).length).toBeGreaterThan(0);
    const answers = await Promise.all(ids.map(async (id) => JSON.stringify(await byId(id, konTum))));
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0])).toMatchObject({ data: { inspection: null }, errors: [{ path: ['inspection'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('plans, concludes with two findings, remedies one: the other stays open and overdue; a sibling district sees none of it', async () => {
    const inspector = await hub.token('64', ['INSPECTOR']);
    const districtOfficer = await hub.token('625', ['OFFICER']);
    const sibling = await hub.token('626', ['OFFICER', 'INSPECTOR']);
    const commune = await hub.token(await firstCommuneOf('625'), ['OFFICER', 'INSPECTOR']);

    const plan = await hub.query<any>(
      `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id inspectingUnit { name } targets { edges { node { targetLevel targetAgency { name } } } } } }`,
      { input: { unitCode: '64', year: 2015, coverageTarget: 30, decisionNumber: '09/KH-UBND', decidedOn: '2015-02-02', targetAgencyIds: ['625.ubnd'] } },
      inspector,
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data.createInspectionPlan.inspectingUnit.name).toBe('Gia Lai');
    expect(plan.data.createInspectionPlan.targets.edges).toEqual([{ node: { targetLevel: 'DISTRICT', targetAgency: { name: 'UBND Huyện KBang' } } }]);
    const scheduled = await hub.query<any>(
      `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id status team { edges { node { id name } } } } }`,
      { input: { planId: plan.data.createInspectionPlan.id, targetAgencyId: '625.ubnd', scheduledOn: '2015-04-20', teamOfficialIds: ['64.so-noi-vu.cb1', '64.ubnd.cb2'] } },
      inspector,
    );
    expect(scheduled.errors).toBeUndefined();
    const team = scheduled.data.scheduleInspection.team.edges.map((edge: any) => edge.node);
    expect(team.map((member: any) => member.id)).toEqual(['64.so-noi-vu.cb1', '64.ubnd.cb2']);
    expect(team.every((member: any) => member.name.length > 0)).toBe(true);
    const inspectionId = scheduled.data.scheduleInspection.id;

    // A commune official of the district cannot record a finding on it (nor see it).
    const byCommune = await hub.query<any>(
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`,
      { input: { inspectionId, area: 'CIVIL_SERVICE', severity: 'MINOR', description: 'x', dueOn: '2015-06-30' } },
      commune,
    );
    expect(errorCodes(byCommune)).toEqual(['NOT_FOUND']);

    const concluded = await hub.query<any>(
      `mutation($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { status findings { edges { node { id dueOn overdue } } } } }`,
      {
        input: {
          inspectionId,
          conductedOn: '2015-04-20',
          concludedOn: '2015-05-04',
          conclusion: 'Hoàn thành cơ bản các nhiệm vụ cải cách hành chính.',
          findings: [
            { area: 'ADMINISTRATIVE_PROCEDURES', severity: 'MODERATE', description: 'Niêm yết TTHC chưa cập nhật.', dueOn: '2015-07-31' },
            { area: 'E_GOVERNMENT', severity: 'MINOR', description: 'Tỷ lệ văn bản điện tử còn thấp.', dueOn: '2099-12-31' },
          ],
        },
      },
      inspector,
    );
    expect(concluded.errors).toBeUndefined();
    const [dueSoon, dueLater] = [...concluded.data.concludeInspection.findings.edges.map((edge: any) => edge.node)].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
    expect(dueSoon.overdue).toBe(true);
    expect(dueLater.overdue).toBe(false);

    const reopen = await hub.query<any>(`mutation { startInspection(input: { inspectionId: "${inspectionId}", conductedOn: "2015-06-01" }) { id } }`, {}, inspector);
    expect(errorCodes(reopen)).toEqual(['CONFLICT']);

    const remedy = `mutation($input: RemedyFindingInput!) { remedyFinding(input: $input) { remediatedAt } }`;
    expect(errorCodes(await hub.query<any>(remedy, { input: { findingId: dueLater.id, evidence: 'Báo cáo 7/BC' } }, sibling))).toEqual(['NOT_FOUND']);
    const remedied = await hub.query<any>(remedy, { input: { findingId: dueLater.id, evidence: 'Báo cáo 7/BC-UBND' } }, districtOfficer);
    expect(remedied.errors).toBeUndefined();

    const openFindings = `{ agency(id: "625.ubnd") { name openFindings { totalCount edges { node { id overdue description inspection { id } } } } } }`;
    const own = await hub.query<any>(openFindings, {}, districtOfficer);
    expect(own.errors).toBeUndefined();
    expect(own.data.agency.name).toBe('UBND Huyện KBang');
    const ours = own.data.agency.openFindings.edges.map((edge: any) => edge.node).filter((node: any) => node.inspection.id === inspectionId);
    expect(ours).toEqual([{ id: dueSoon.id, overdue: true, description: 'Niêm yết TTHC chưa cập nhật.', inspection: { id: inspectionId } }]);

    // The sibling district cannot read the agency at all (institutions), nor the inspection or its findings here.
    const aside = await hub.query<any>(openFindings, {}, sibling);
    expect(aside.data.agency).toBeNull();
    expect(errorCodes(aside)).toContain('NOT_FOUND');
    const asideInspection = await hub.query<any>(`query($id: ID!) { inspection(id: $id) { id } finding(id: "${dueSoon.id}") { id } }`, { id: inspectionId }, sibling);
    expect(asideInspection.data).toEqual({ inspection: null, finding: null });
    // Nor its team (issue 15, item 4: a connection now), by id or through the list.
    const asideTeam = await hub.query<any>(`query($id: ID!) { inspection(id: $id) { team { totalCount edges { node { id name } } } } }`, { id: inspectionId }, sibling);
    expect(asideTeam.data).toEqual({ inspection: null });
    expect(errorCodes(asideTeam)).toEqual(['NOT_FOUND']);
    const asideTeamList = await hub.query<any>(`{ inspections(first: 100) { edges { node { id team { edges { node { id } } } } } } }`, {}, sibling);
    expect(asideTeamList.data.inspections.edges.map((edge: any) => edge.node.id)).not.toContain(inspectionId);
    // The team, paged from the head: one member a page, in the order it was named.
    const paged = await hub.query<any>(
      `query($id: ID!) { inspection(id: $id) { team(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
      { id: inspectionId },
      districtOfficer,
    );
    expect(paged.errors).toBeUndefined();
    expect(paged.data.inspection.team).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: '64.so-noi-vu.cb1' } }] });
    const rest = await hub.query<any>(
      `query($id: ID!, $after: String) { inspection(id: $id) { team(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } } }`,
      { id: inspectionId, after: paged.data.inspection.team.pageInfo.endCursor },
      districtOfficer,
    );
    expect(rest.data.inspection.team).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: '64.ubnd.cb2' } }] });
    expect(errorCodes(asideInspection)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const asideList = await hub.query<any>(`{ inspections(first: 100) { edges { node { id } } } }`, {}, sibling);
    expect(asideList.data.inspections.edges.map((edge: any) => edge.node.id)).not.toContain(inspectionId);
  });

  it('refuses a finding due before its inspection and one on a cancelled inspection, writing nothing', async () => {
    const inspector = await hub.token('64', ['INSPECTOR']);
    const plan = await hub.query<any>(
      `mutation { createInspectionPlan(input: { unitCode: "64", year: 2014, coverageTarget: 30, decisionNumber: "3/KH-UBND", targetAgencyIds: ["629.ubnd"] }) { id } }`,
      {},
      inspector,
    );
    const scheduled = await hub.query<any>(
      `mutation($planId: ID!) { scheduleInspection(input: { planId: $planId, targetAgencyId: "629.ubnd", scheduledOn: "2014-03-03", teamOfficialIds: ["64.so-noi-vu.cb2"] }) { id } }`,
      { planId: plan.data.createInspectionPlan.id },
      inspector,
    );
    const inspectionId = scheduled.data.scheduleInspection.id;
    const findings = hub.subgraphs.inspections.dataSource.getRepository(Finding);
    const before = await findings.count();
    const early = await hub.query<any>(
      `mutation($id: ID!) { concludeInspection(input: { inspectionId: $id, conductedOn: "2014-03-03", concludedOn: "2014-03-10", conclusion: "x",
        findings: [{ area: CIVIL_SERVICE, severity: MINOR, description: "y", dueOn: "2014-03-02" }] }) { id } }`,
      { id: inspectionId },
      inspector,
    );
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    await hub.query<any>(`mutation($id: ID!) { cancelInspection(input: { inspectionId: $id, reason: "Hoãn" }) { id } }`, { id: inspectionId }, inspector);
    const onCancelled = await hub.query<any>(
      `mutation($id: ID!) { recordFinding(input: { inspectionId: $id, area: CIVIL_SERVICE, severity: MINOR, description: "y", dueOn: "2014-04-30" }) { id } }`,
      { id: inspectionId },
      inspector,
    );
    expect(errorCodes(onCancelled)).toEqual(['CONFLICT']);
    const state = await hub.query<any>(`query($id: ID!) { inspection(id: $id) { status findings { totalCount } } }`, { id: inspectionId }, inspector);
    expect(state.data.inspection).toEqual({ status: 'CANCELLED', findings: { totalCount: 0 } });
    expect(await findings.count()).toBe(before);
  });

  it('lists 100 inspections with target agency, unit, team and findings in a bounded number of statements per subgraph', async () => {
    const token = await hub.token('VN', ['INSPECTOR']);
    const inspectionsCounter = statementCounter(hub.subgraphs.inspections.dataSource);
    const institutionsCounter = statementCounter(hub.subgraphs.institutions.dataSource);
    inspectionsCounter.reset();
    institutionsCounter.reset();
    const result = await hub.query<any>(
      `{ inspections(first: 100) { edges { node { id status targetAgency { id name kind } targetUnit { code name level }
          team { totalCount edges { node { id name position } } }
          findings { totalCount edges { node { area severity overdue } } } } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.inspections.edges).toHaveLength(100);
    expect(result.data.inspections.edges.every((edge: any) => edge.node.targetAgency.name && edge.node.targetUnit.name)).toBe(true);
    const members = result.data.inspections.edges.flatMap((edge: any) => edge.node.team.edges.map((member: any) => member.node));
    expect(members.length).toBeGreaterThan(100);
    expect(members.every((member: any) => member.name && member.position)).toBe(true);
    // The team costs inspections nothing (ids on the row) and institutions one batch of officials.
    expect(inspectionsCounter.count).toBeLessThanOrEqual(2);
    expect(institutionsCounter.count).toBeLessThanOrEqual(5);
  });

  async function firstCommuneOf(district: string): Promise<string> {
    const result = await hub.query<any>(`query($code: String!) { unit(code: $code) { children(first: 1) { edges { node { code } } } } }`, { code: district });
    return result.data.unit.children.edges[0].node.code;
  }
});
