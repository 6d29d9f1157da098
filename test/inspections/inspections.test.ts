import { statementCounter } from '../../services/core/database';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Finding } from '../../services/inspections/finding/finding';
import { Inspection } from '../../services/inspections/inspection/inspection';
import { InspectionPlan } from '../../services/inspections/plan/inspection-plan';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';
import { GIA_LAI_FIGURES, KIEN_GIANG_2019, coverageOf } from './figures';

/** The inspections subgraph on its own (with institutions for unit and agency lookups), on SQLite and MariaDB. */
describe.each(DATABASES)('inspections subgraph on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who?: ReturnType<typeof principal>) =>
    querySubgraph<T>(subgraph.url, query, variables, who);
  const rows = (entity: Function) => subgraph.dataSource.getRepository(entity).count();

  const nation = principal('VN', 'VN', ['VIEWER']);
  const giaLaiViewer = principal('64', 'VN/64', ['VIEWER']);
  const giaLaiInspector = principal('64', 'VN/64', ['INSPECTOR']);
  const kienGiangInspector = principal('91', 'VN/91', ['INSPECTOR']);
  const nationInspector = principal('VN', 'VN', ['INSPECTOR']);
  const anKheOfficer = principal('623', 'VN/64/623', ['OFFICER']);
  const ayunPaOfficer = principal('624', 'VN/64/624', ['OFFICER', 'INSPECTOR']);
  const communeOfficial = principal('23614', 'VN/64/623/23614', ['OFFICER', 'INSPECTOR']);

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'insp', ['institutions', 'inspections']);
    subgraph = started.subgraphs.inspections;
  });
  afterAll(() => started?.close());

  const unitEntity = (code: string, selection: string) =>
    `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "${code}" }]) { ... on AdministrativeUnit { ${selection} } } }`;
  const agencyEntity = (id: string, selection: string) =>
    `{ _entities(representations: [{ __typename: "Agency", id: "${id}" }]) { ... on Agency { ${selection} } } }`;

  describe('inspection coverage (the figures of the source articles)', () => {
    it.each(GIA_LAI_FIGURES)('gives Gia Lai $year: $inspected inspected of $planned planned, by level', async (figure) => {
      const result = await ask(unitEntity('64', `inspectionCoverage(year: ${figure.year}) { year inspected planned rate byLevel { level count } }`), {}, giaLaiViewer);
      expect(result.errors).toBeUndefined();
      expect(result.data._entities[0].inspectionCoverage).toEqual(coverageOf(figure));
    });

    it('gives Kiên Giang 2019: 9 departments, 5 districts, 9 communes, 100% of plan, to the province and to the nation', async () => {
      for (const who of [kienGiangInspector, nation]) {
        const result = await ask(unitEntity('91', 'inspectionCoverage(year: 2019) { year inspected planned rate byLevel { level count } }'), {}, who);
        expect(result.errors).toBeUndefined();
        expect(result.data._entities[0].inspectionCoverage).toEqual(coverageOf(KIEN_GIANG_2019));
      }
    });

    it("counts within the unit's subtree: a district's own plan counts for it and for its province", async () => {
      const district = await ask(unitEntity('905', 'inspectionCoverage(year: 2018) { inspected planned rate byLevel { level count planned } }'), {}, kienGiangInspector);
      expect(district.data._entities[0].inspectionCoverage).toEqual({ inspected: 5, planned: 5, rate: 100, byLevel: [{ level: 'COMMUNE', count: 5, planned: 5 }] });
      const province = await ask(unitEntity('91', 'inspectionCoverage(year: 2018) { inspected planned }'), {}, kienGiangInspector);
      expect(province.data._entities[0].inspectionCoverage).toEqual({ inspected: 5, planned: 5 });
      const empty = await ask(unitEntity('62', 'inspectionCoverage(year: 2019) { inspected planned rate byLevel { level } }'), {}, nation);
      expect(empty.data._entities[0].inspectionCoverage).toEqual({ inspected: 0, planned: 0, rate: null, byLevel: [] });
    });

    it('refuses coverage and scores of a unit outside the scope (FORBIDDEN), and without a principal (UNAUTHENTICATED)', async () => {
      for (const who of [anKheOfficer, kienGiangInspector]) {
        const result = await ask(unitEntity('64', 'inspectionCoverage(year: 2018) { inspected }'), {}, who);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
        expect(result.data?._entities?.[0]?.inspectionCoverage ?? null).toBeNull();
        const score = await ask(unitEntity('64', 'reformScore(year: 2019) { parIndex }'), {}, who);
        expect(errorCodes(score)).toEqual(['FORBIDDEN']);
      }
      const sibling = await ask(unitEntity('624', 'inspectionCoverage(year: 2018) { inspected }'), {}, anKheOfficer);
      expect(errorCodes(sibling)).toEqual(['FORBIDDEN']);
      const anonymous = await ask(unitEntity('64', 'inspectionCoverage(year: 2018) { inspected }'));
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
      const badYear = await ask(unitEntity('64', 'inspectionCoverage(year: 1900) { inspected }'), {}, giaLaiViewer);
      expect(errorCodes(badYear)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('reform scores', () => {
    it("gives Gia Lai's 93.8% of civil servants rated completed well or better in 2019, with PAR INDEX areas", async () => {
      const result = await ask(
        unitEntity('64', `reformScore(year: 2019) { year parIndex maxParIndex rank rankedAmong sipas civilServantsRated civilServantsCompletedWell completedWellShare
          areas { area points maxPoints rank rankedAmong } }`),
        {},
        giaLaiViewer,
      );
      expect(result.errors).toBeUndefined();
      const score = result.data._entities[0].reformScore;
      expect(score.completedWellShare).toBe(93.8);
      expect(score.civilServantsCompletedWell / score.civilServantsRated).toBeCloseTo(0.938, 3);
      expect(score.rankedAmong).toBe(63);
      expect(score.maxParIndex).toBe(100);
      expect(score.areas).toHaveLength(7);
      expect(score.parIndex).toBeCloseTo(score.areas.reduce((sum: number, area: any) => sum + area.points, 0), 6);
      expect(score.areas.every((area: any) => area.rankedAmong === 63 && area.rank >= 1 && area.rank <= 63)).toBe(true);
      const none = await ask(unitEntity('64', 'reformScore(year: 2015) { parIndex }'), {}, giaLaiViewer);
      expect(none.data._entities[0].reformScore).toBeNull();
    });

    it('ranks each province among its 63 siblings: 1 + the number of provinces with a higher PAR INDEX', async () => {
      const codes = ['01', '64', '91', '62', '82', '79', '48', '31'];
      const representations = codes.map((id) => ({ __typename: 'AdministrativeUnit', id }));
      const result = await ask(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { id reformScore(year: 2019) { parIndex rank } } } }`,
        { representations },
        nation,
      );
      expect(result.errors).toBeUndefined();
      const all = await ask(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { reformScore(year: 2019) { parIndex } } } }`,
        { representations: Array.from({ length: 96 }, (_, index) => ({ __typename: 'AdministrativeUnit', id: String(index + 1).padStart(2, '0') })) },
        nation,
      );
      const indexes: number[] = all.data._entities.filter((unit: any) => unit?.reformScore).map((unit: any) => unit.reformScore.parIndex);
      expect(indexes).toHaveLength(63);
      for (const unit of result.data._entities) {
        expect(unit.reformScore.rank).toBe(1 + indexes.filter((value) => value > unit.reformScore.parIndex).length);
      }
    });

    it('lets the unit above record a score, never the unit itself nor a unit aside; bad figures write nothing', async () => {
      const mutation = `mutation($input: RecordReformScoreInput!) { recordReformScore(input: $input) { year parIndex rank rankedAmong completedWellShare sipas } }`;
      const input = {
        unitCode: '64',
        year: 2022,
        areas: [
          { area: 'CIVIL_SERVICE', points: 15.25, maxPoints: 17.5 },
          { area: 'E_GOVERNMENT', points: 18, maxPoints: 21 },
        ],
        sipas: 84.5,
        civilServantsRated: 3,
        civilServantsCompletedWell: 2,
      };
      const recorded = await ask(mutation, { input }, nationInspector);
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordReformScore).toEqual({ year: 2022, parIndex: 33.25, rank: 1, rankedAmong: 1, completedWellShare: 66.66, sipas: 84.5 });
      const before = await rows(Finding);
      for (const who of [giaLaiInspector, ayunPaOfficer, principal('VN', 'VN', ['VIEWER'])]) {
        const refused = await ask(mutation, { input: { ...input, civilServantsCompletedWell: 1 } }, who);
        expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      }
      const invalid = await ask(mutation, { input: { ...input, civilServantsCompletedWell: 4 } }, nationInspector);
      expect(errorCodes(invalid)).toEqual(['BAD_USER_INPUT']);
      const tooPrecise = await ask(mutation, { input: { ...input, areas: [{ area: 'CIVIL_SERVICE', points: 1.234, maxPoints: 17.5 }] } }, nationInspector);
      expect(errorCodes(tooPrecise)).toEqual(['BAD_USER_INPUT']);
      const after = await ask(unitEntity('64', 'reformScore(year: 2022) { completedWellShare parIndex }'), {}, giaLaiViewer);
      expect(after.data._entities[0].reformScore).toEqual({ completedWellShare: 66.66, parIndex: 33.25 });
      expect(await rows(Finding)).toBe(before);
      const district = await ask(mutation, { input: { unitCode: '622', year: 2022, civilServantsRated: 10, civilServantsCompletedWell: 9 } }, giaLaiInspector);
      expect(district.data.recordReformScore.completedWellShare).toBe(90);
    });
  });

  describe('who sees what', () => {
    it('shows an inspected district its own inspections and findings, and a sibling district none of them', async () => {
      const own = await ask(`{ inspections(first: 100) { totalCount edges { node { id targetUnit { id } findings { totalCount } } } } }`, {}, anKheOfficer);
      expect(own.errors).toBeUndefined();
      expect(own.data.inspections.totalCount).toBeGreaterThan(0);
      expect(own.data.inspections.edges.every((edge: any) => edge.node.targetUnit.id === '623')).toBe(true);
      const anKheInspectionIds: string[] = own.data.inspections.edges.map((edge: any) => edge.node.id);
      const sibling = await ask(`{ inspections(first: 100) { edges { node { id targetUnit { id } } } } }`, {}, ayunPaOfficer);
      expect(sibling.data.inspections.edges.every((edge: any) => edge.node.targetUnit.id === '624')).toBe(true);
      expect(sibling.data.inspections.edges.some((edge: any) => anKheInspectionIds.includes(edge.node.id))).toBe(false);
      const findings = await ask(agencyEntity('623.ubnd', 'inspections { totalCount } openFindings { totalCount }'), {}, ayunPaOfficer);
      expect(findings.data._entities[0]).toEqual({ inspections: { totalCount: 0 }, openFindings: { totalCount: 0 } });
      const byId = await ask(`query($id: ID!) { inspection(id: $id) { id } }`, { id: anKheInspectionIds[0] }, ayunPaOfficer);
      expect(byId.data).toEqual({ inspection: null });
      expect(errorCodes(byId)).toEqual(['NOT_FOUND']);
      const reference = await ask(
        `query($id: ID!) { _entities(representations: [{ __typename: "Inspection", id: $id }]) { ... on Inspection { id status } } }`,
        { id: anKheInspectionIds[0] },
        ayunPaOfficer,
      );
      expect(reference.data._entities).toEqual([null]);
      expect(errorCodes(reference)).toEqual(['NOT_FOUND']);
      const missing = await ask(`{ inspection(id: "no-such-inspection") { id } }`, {}, ayunPaOfficer);
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    });

    it('shows the inspecting province all its inspections, and keeps the plan from the inspected side', async () => {
      const province = await ask(`{ inspections(year: 2018) { totalCount } inspectionPlans(year: 2018) { totalCount } }`, {}, giaLaiViewer);
      expect(province.data).toEqual({ inspections: { totalCount: 14 }, inspectionPlans: { totalCount: 1 } });
      const district = await ask(`{ inspectionPlans { totalCount } inspections(first: 1) { edges { node { year plan { id } } } } }`, {}, anKheOfficer);
      expect(district.data.inspectionPlans.totalCount).toBe(0);
      expect(district.data.inspections.edges[0].node.plan).toBeNull();
      expect(errorCodes(district)).toEqual(['NOT_FOUND']);
      const anonymous = await ask(`{ inspections { totalCount } }`);
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    });

    it("lists a unit's overdue findings to whoever may see them", async () => {
      const overdue = await ask(unitEntity('64', 'findings(state: OVERDUE, first: 100) { totalCount edges { node { overdue remediatedAt dueOn } } }'), {}, giaLaiViewer);
      expect(overdue.errors).toBeUndefined();
      const list = overdue.data._entities[0].findings;
      expect(list.totalCount).toBeGreaterThan(0);
      expect(list.edges.every((edge: any) => edge.node.overdue && edge.node.remediatedAt === null)).toBe(true);
      const open = await ask(unitEntity('64', 'findings(state: OPEN) { totalCount } remediated: findings(state: REMEDIATED) { totalCount } all: findings { totalCount }'), {}, giaLaiViewer);
      const unit = open.data._entities[0];
      expect(unit.findings.totalCount).toBeGreaterThan(list.totalCount);
      expect(unit.remediated.totalCount + unit.findings.totalCount).toBe(unit.all.totalCount);
      const aside = await ask(unitEntity('64', 'findings { totalCount }'), {}, kienGiangInspector);
      expect(aside.data._entities[0].findings.totalCount).toBe(0);
    });
  });

  describe('plan, schedule, conclude and remedy', () => {
    const createPlan = `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id year coverageTarget decisionNumber targets { totalCount edges { node { targetLevel targetAgency { id } } } } } }`;
    const schedule = `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id status targetLevel team { totalCount edges { node { id } } } } }`;
    const conclude = `mutation($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { id status conductedOn findings { totalCount edges { node { id dueOn overdue } } } } }`;
    const recordFinding = `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`;
    const finding = (dueOn: string, description = 'Niêm yết thủ tục hành chính chưa đầy đủ.') => ({
      area: 'ADMINISTRATIVE_PROCEDURES',
      severity: 'MODERATE',
      description,
      dueOn,
    });

    async function plannedInspection(target: string, year = 2015) {
      const plan = await ask(createPlan, { input: { unitCode: '64', year, coverageTarget: 30, decisionNumber: '12/KH-UBND', targetAgencyIds: [target] } }, giaLaiInspector);
      expect(plan.errors).toBeUndefined();
      const scheduled = await ask(schedule, { input: { planId: plan.data.createInspectionPlan.id, targetAgencyId: target, scheduledOn: `${year}-05-12`, teamOfficialIds: ['64.so-noi-vu.cb1', '64.ubnd.cb2'] } }, giaLaiInspector);
      expect(scheduled.errors).toBeUndefined();
      return { planId: plan.data.createInspectionPlan.id as string, inspectionId: scheduled.data.scheduleInspection.id as string };
    }

    it('runs the whole scenario: plan, conclude with two findings, remedy one, the other open and overdue', async () => {
      const plan = await ask(createPlan, { input: { unitCode: '64', year: 2015, coverageTarget: 30, decisionNumber: '12/KH-UBND', targetAgencyIds: ['623.ubnd', '64.so-tu-phap'] } }, giaLaiInspector);
      expect(plan.errors).toBeUndefined();
      expect(plan.data.createInspectionPlan.targets.totalCount).toBe(2);
      expect(plan.data.createInspectionPlan.targets.edges.map((edge: any) => [edge.node.targetAgency.id, edge.node.targetLevel]).sort()).toEqual([
        ['623.ubnd', 'DISTRICT'],
        ['64.so-tu-phap', 'PROVINCE'],
      ]);
      const planId = plan.data.createInspectionPlan.id;
      const scheduled = await ask(schedule, { input: { planId, targetAgencyId: '623.ubnd', scheduledOn: '2015-05-12', teamOfficialIds: ['64.so-noi-vu.cb1', '64.ubnd.cb2'] } }, giaLaiInspector);
      expect(scheduled.errors).toBeUndefined();
      expect(scheduled.data.scheduleInspection).toMatchObject({ status: 'PLANNED', targetLevel: 'DISTRICT', team: { totalCount: 2, edges: [{ node: { id: '64.so-noi-vu.cb1' } }, { node: { id: '64.ubnd.cb2' } }] } });
      const inspectionId = scheduled.data.scheduleInspection.id;
      const twice = await ask(schedule, { input: { planId, targetAgencyId: '623.ubnd', scheduledOn: '2015-06-12', teamOfficialIds: ['64.so-noi-vu.cb1'] } }, giaLaiInspector);
      expect(errorCodes(twice)).toEqual(['CONFLICT']);

      const coverageBefore = await ask(unitEntity('64', 'inspectionCoverage(year: 2015) { inspected planned rate }'), {}, giaLaiViewer);
      expect(coverageBefore.data._entities[0].inspectionCoverage).toEqual({ inspected: 0, planned: 2, rate: 0 });

      const concluded = await ask(conclude, {
        input: { inspectionId, conductedOn: '2015-05-12', concludedOn: '2015-05-29', conclusion: 'Cơ bản hoàn thành nhiệm vụ.', findings: [finding('2015-08-31'), finding('2099-12-31', 'Tỷ lệ hồ sơ trực tuyến còn thấp.')] },
      }, giaLaiInspector);
      expect(concluded.errors).toBeUndefined();
      expect(concluded.data.concludeInspection.status).toBe('CONCLUDED');
      const findings = concluded.data.concludeInspection.findings.edges.map((edge: any) => edge.node);
      expect(findings).toHaveLength(2);
      const pastDue = findings.find((node: any) => node.dueOn === '2015-08-31');
      const futureDue = findings.find((node: any) => node.dueOn === '2099-12-31');
      expect(pastDue.overdue).toBe(true);
      expect(futureDue.overdue).toBe(false);

      const coverageAfter = await ask(unitEntity('64', 'inspectionCoverage(year: 2015) { inspected planned rate byLevel { level count planned } }'), {}, giaLaiViewer);
      expect(coverageAfter.data._entities[0].inspectionCoverage).toEqual({
        inspected: 1,
        planned: 2,
        rate: 50,
        byLevel: [{ level: 'PROVINCE', count: 0, planned: 1 }, { level: 'DISTRICT', count: 1, planned: 1 }],
      });

      // A concluded inspection cannot be reopened.
      for (const [mutation, input] of [
        [conclude, { inspectionId, conductedOn: '2015-05-12', concludedOn: '2015-06-01', conclusion: 'Again', findings: [] }],
        [`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { inspectionId, conductedOn: '2015-05-12' }],
        [`mutation($input: CancelInspectionInput!) { cancelInspection(input: $input) { id } }`, { inspectionId, reason: 'x' }],
        [recordFinding, { inspectionId, ...finding('2015-09-30') }],
      ] as const) {
        expect(errorCodes(await ask(mutation, { input }, giaLaiInspector))).toEqual(['CONFLICT']);
      }

      const remedy = `mutation($input: RemedyFindingInput!) { remedyFinding(input: $input) { id remediatedAt overdue } }`;
      const bySibling = await ask(remedy, { input: { findingId: futureDue.id, evidence: 'Báo cáo 5/BC' } }, ayunPaOfficer);
      expect(errorCodes(bySibling)).toEqual(['NOT_FOUND']);
      const byInspector = await ask(remedy, { input: { findingId: futureDue.id, evidence: 'Báo cáo 5/BC' } }, giaLaiInspector);
      expect(errorCodes(byInspector)).toEqual(['FORBIDDEN']);
      const remedied = await ask(remedy, { input: { findingId: futureDue.id, evidence: 'Báo cáo 5/BC-UBND' } }, anKheOfficer);
      expect(remedied.errors).toBeUndefined();
      expect(remedied.data.remedyFinding.overdue).toBe(false);
      expect(remedied.data.remedyFinding.remediatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const again = await ask(remedy, { input: { findingId: futureDue.id, evidence: 'Báo cáo 6/BC' } }, anKheOfficer);
      expect(errorCodes(again)).toEqual(['CONFLICT']);

      const open = await ask(agencyEntity('623.ubnd', 'openFindings { totalCount edges { node { id overdue inspection { id } } } } overdue: openFindings(overdueOnly: true) { totalCount }'), {}, anKheOfficer);
      expect(open.errors).toBeUndefined();
      const openFindings = open.data._entities[0].openFindings;
      const ours = openFindings.edges.filter((edge: any) => edge.node.inspection.id === inspectionId).map((edge: any) => edge.node);
      expect(ours).toEqual([{ id: pastDue.id, overdue: true, inspection: { id: inspectionId } }]);
      expect(open.data._entities[0].overdue.totalCount).toBeGreaterThanOrEqual(1);

      // A sibling district sees none of it.
      const sibling = await ask(agencyEntity('623.ubnd', 'openFindings { totalCount } inspections { totalCount }'), {}, ayunPaOfficer);
      expect(sibling.data._entities[0]).toEqual({ openFindings: { totalCount: 0 }, inspections: { totalCount: 0 } });
      const siblingFinding = await ask(`query($id: ID!) { finding(id: $id) { id } }`, { id: pastDue.id }, ayunPaOfficer);
      expect(errorCodes(siblingFinding)).toEqual(['NOT_FOUND']);
    });

    it('refuses a finding due before its inspection, or on a cancelled inspection, and writes nothing', async () => {
      const { inspectionId } = await plannedInspection('626.ubnd', 2014);
      const before = { findings: await rows(Finding), inspections: await rows(Inspection) };
      const early = await ask(conclude, {
        input: { inspectionId, conductedOn: '2014-05-12', concludedOn: '2014-05-20', conclusion: 'Kết luận', findings: [finding('2014-06-30'), finding('2014-05-01')] },
      }, giaLaiInspector);
      expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
      expect(early.errors![0].message).toMatch(/before its inspection/);
      const status = await ask(`query($id: ID!) { inspection(id: $id) { status findings { totalCount } } }`, { id: inspectionId }, giaLaiInspector);
      expect(status.data.inspection).toEqual({ status: 'PLANNED', findings: { totalCount: 0 } });

      const started = await ask(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { status conductedOn } }`, { input: { inspectionId, conductedOn: '2014-05-12' } }, giaLaiInspector);
      expect(started.data.startInspection).toEqual({ status: 'IN_PROGRESS', conductedOn: '2014-05-12' });
      const earlyRecord = await ask(recordFinding, { input: { inspectionId, ...finding('2014-05-11') } }, giaLaiInspector);
      expect(errorCodes(earlyRecord)).toEqual(['BAD_USER_INPUT']);
      const badDate = await ask(recordFinding, { input: { inspectionId, ...finding('2014-02-30') } }, giaLaiInspector);
      expect(errorCodes(badDate)).toEqual(['BAD_USER_INPUT']);
      expect(await rows(Finding)).toBe(before.findings);

      const cancelled = await ask(`mutation($input: CancelInspectionInput!) { cancelInspection(input: $input) { status cancellationReason } }`, { input: { inspectionId, reason: 'Đơn vị sáp nhập.' } }, giaLaiInspector);
      expect(cancelled.data.cancelInspection).toEqual({ status: 'CANCELLED', cancellationReason: 'Đơn vị sáp nhập.' });
      const onCancelled = await ask(recordFinding, { input: { inspectionId, ...finding('2014-06-30') } }, giaLaiInspector);
      expect(errorCodes(onCancelled)).toEqual(['CONFLICT']);
      expect(onCancelled.errors![0].message).toMatch(/cancelled/);
      const concludeCancelled = await ask(conclude, { input: { inspectionId, concludedOn: '2014-06-01', conclusion: 'x', findings: [finding('2014-06-30')] } }, giaLaiInspector);
      expect(errorCodes(concludeCancelled)).toEqual(['CONFLICT']);
      expect({ findings: await rows(Finding), inspections: await rows(Inspection) }).toEqual(before);
    });

    it('lets only the inspecting unit INSPECTOR write: a commune official cannot record a finding', async () => {
      const { inspectionId } = await plannedInspection('623.ubnd', 2013);
      await ask(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { inspectionId, conductedOn: '2013-05-12' } }, giaLaiInspector);
      const before = await rows(Finding);
      for (const who of [communeOfficial, anKheOfficer, giaLaiViewer, ayunPaOfficer, kienGiangInspector]) {
        const result = await ask(recordFinding, { input: { inspectionId, ...finding('2013-06-30') } }, who);
        // Refused by role where the inspection is visible, answered like a missing id where it is not (rule 2).
        expect([['FORBIDDEN'], ['NOT_FOUND']]).toContainEqual(errorCodes(result));
        expect(result.data).toBeNull();
      }
      // The province's inspection of a commune: the commune sees it, but still cannot record on it.
      const communeInspection = await plannedInspection('23614.ubnd', 2012);
      await ask(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { inspectionId: communeInspection.inspectionId, conductedOn: '2012-05-12' } }, giaLaiInspector);
      const seen = await ask(`query($id: ID!) { inspection(id: $id) { status } }`, { id: communeInspection.inspectionId }, communeOfficial);
      expect(seen.data.inspection).toEqual({ status: 'IN_PROGRESS' });
      const refused = await ask(recordFinding, { input: { inspectionId: communeInspection.inspectionId, ...finding('2012-06-30') } }, communeOfficial);
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(await rows(Finding)).toBe(before);
      const recorded = await ask(recordFinding, { input: { inspectionId, ...finding('2013-06-30') } }, giaLaiInspector);
      expect(recorded.errors).toBeUndefined();
      expect(await rows(Finding)).toBe(before + 1);
    });

    it('lets an ADMIN act for a unit below it, and no further', async () => {
      const giaLaiAdmin = principal('64', 'VN/64', ['ADMIN']);
      const districtPlan = await ask(createPlan, { input: { unitCode: '622', year: 2010, coverageTarget: 40, decisionNumber: '2/KH-UBND', targetAgencyIds: ['23557.ubnd'] } }, giaLaiAdmin);
      expect(districtPlan.errors).toBeUndefined();
      expect(districtPlan.data.createInspectionPlan.targets.edges).toEqual([{ node: { targetLevel: 'COMMUNE', targetAgency: { id: '23557.ubnd' } } }]);
      const pleikuInspector = principal('622', 'VN/64/622', ['INSPECTOR']);
      const scheduled = await ask(schedule, { input: { planId: districtPlan.data.createInspectionPlan.id, targetAgencyId: '23557.ubnd', scheduledOn: '2010-04-01', teamOfficialIds: ['622.ubnd.cb2'] } }, pleikuInspector);
      expect(scheduled.errors).toBeUndefined();
      const coverage = await ask(unitEntity('622', 'inspectionCoverage(year: 2010) { planned inspected byLevel { level count planned } }'), {}, pleikuInspector);
      expect(coverage.data._entities[0].inspectionCoverage).toEqual({ planned: 1, inspected: 0, byLevel: [{ level: 'COMMUNE', count: 0, planned: 1 }] });
      const aside = await ask(createPlan, { input: { unitCode: '905', year: 2010, coverageTarget: 40, decisionNumber: '2/KH-UBND', targetAgencyIds: ['905.ubnd'] } }, giaLaiAdmin);
      expect(errorCodes(aside)).toEqual(['FORBIDDEN']);
    });

    it('refuses bad plans before writing anything: role, scope, targets above or aside, bad figures', async () => {
      const before = await rows(InspectionPlan);
      const input = { unitCode: '64', year: 2016, coverageTarget: 30, decisionNumber: '1/KH-UBND', targetAgencyIds: ['622.ubnd'] };
      expect(errorCodes(await ask(createPlan, { input }, giaLaiViewer))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await ask(createPlan, { input }, kienGiangInspector))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, unitCode: '622' } }, giaLaiInspector))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, targetAgencyIds: ['91.so-noi-vu'] } }, giaLaiInspector))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, targetAgencyIds: ['no-such-agency'] } }, giaLaiInspector))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, targetAgencyIds: ['622.ubnd', '622.ubnd'] } }, giaLaiInspector))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, coverageTarget: 0 } }, giaLaiInspector))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await ask(createPlan, { input: { ...input, targetAgencyIds: [] } }, giaLaiInspector))).toEqual(['BAD_USER_INPUT']);
      const districtInspector = principal('622', 'VN/64/622', ['INSPECTOR']);
      const upward = await ask(createPlan, { input: { ...input, unitCode: '622', targetAgencyIds: ['64.so-noi-vu'] } }, districtInspector);
      expect(errorCodes(upward)).toEqual(['BAD_USER_INPUT']);
      expect(await rows(InspectionPlan)).toBe(before);
      const { planId } = await plannedInspection('627.ubnd', 2011);
      const notTarget = await ask(schedule, { input: { planId, targetAgencyId: '628.ubnd', scheduledOn: '2011-05-01', teamOfficialIds: ['64.so-noi-vu.cb1'] } }, giaLaiInspector);
      expect(errorCodes(notTarget)).toEqual(['BAD_USER_INPUT']);
      const outsideTeam = await ask(schedule, { input: { planId, targetAgencyId: '627.ubnd', scheduledOn: '2011-05-01', teamOfficialIds: ['91.so-noi-vu.cb1'] } }, giaLaiInspector);
      expect(errorCodes(outsideTeam)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('statements per request', () => {
    it('lists 100 inspections with target agency, unit and findings in a bounded number of statements', async () => {
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(
        `{ inspections(first: 100) { edges { node { id status targetAgency { id } targetUnit { id } inspectingUnit { id } team { totalCount edges { node { id } } }
            findings { totalCount edges { node { id area overdue targetAgency { id } } } } } } } }`,
        {},
        nation,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.inspections.edges).toHaveLength(100);
      const findings = result.data.inspections.edges.reduce((sum: number, edge: any) => sum + edge.node.findings.totalCount, 0);
      expect(findings).toBeGreaterThan(50);
      // one page + one batch of findings, whatever the page size
      expect(counter.count).toBeLessThanOrEqual(2);
    });
  });
});
