import { mintDevToken } from '../../gateway/auth/dev-token';
import type { Role } from '../../services/core/principal';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * Pull sync of the documents and inspections subgraphs (issue 15, item 3; README, "Pull sync"):
 * a partner takes an instant T, the subgraphs restart, changes are made, and every list asked
 * with `updatedSince: T` gives exactly the records those changes touched, in (updatedAt, id)
 * order, one per page; a principal outside their scope gets none; a bad `updatedSince` is
 * BAD_USER_INPUT with HTTP 400. Each subgraph in its own process (restarted for real), the real
 * gateway over HTTP, signed tokens, on SQLite and MariaDB.
 */
const token = (unit: string, roles: Role[]) => mintDevToken({ unit, roles });
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Node {
  id: string;
  updatedAt: string;
}

describe.each(DATABASES)('updatedSince in documents and inspections after a restart, on %s', (kind) => {
  let hub: ProcessHub;
  let since: string;
  /** What each step made, by name, for the lists to be checked against. */
  const ids: Record<string, string> = {};
  let planId: string;
  let revokedOfficial: string;
  let signatureRecordedAt: string;

  const ok = async (query: string, variables: Record<string, unknown>, bearer: string) => {
    const answer = await hub.query<any>(query, variables, bearer);
    expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
    return answer.data;
  };

  /**
   * Every item of a list with `updatedSince: since`, one page at a time (`first: 1`), following
   * `endCursor`; `select` picks the connection out of the answer. Checks each page's shape and
   * that the items come in (updatedAt, id) order, each changed at or after `since`.
   */
  const pageThrough = async (list: string, bearer: string, select: (data: any) => any): Promise<string[]> => {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const data = await ok(list, { since, after }, bearer);
      const connection = select(data);
      expect(connection.edges.length).toBeLessThanOrEqual(1);
      seen.push(...connection.edges.map((edge: { node: Node }) => edge.node));
      if (!connection.pageInfo.hasNextPage) {
        expect(connection.totalCount).toBe(seen.length);
        break;
      }
      after = connection.pageInfo.endCursor;
    }
    const instants = seen.map((node) => [Date.parse(node.updatedAt), node.id] as const);
    for (const [instant] of instants) expect(instant).toBeGreaterThanOrEqual(Date.parse(since));
    const ordered = [...instants].sort(([a, idA], [b, idB]) => a - b || (idA < idB ? -1 : idA > idB ? 1 : 0));
    expect(instants).toEqual(ordered);
    return seen.map((node) => node.id);
  };

  const PAGE = '(first: 1, after: $after, updatedSince: $since) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } }';
  const VARS = '($since: DateTime, $after: String)';

  beforeAll(async () => {
    hub = await startProcessHub(kind, `sync-documents-inspections-${kind}`);
    const officer91 = await token('91', ['OFFICER']);
    const admin91 = await token('91', ['ADMIN']);
    const inspector64 = await token('64', ['INSPECTOR']);

    // Before T: a registered, unsigned document of Kiên Giang; a personal certificate to revoke;
    // a Gia Lai inspection of KBang in progress, under a plan made now.
    const certificates = await ok(`{ agency(id: "91.ubnd") { certificates(first: 100) { edges { node { id kind status official { id } } } } } }`, {}, admin91);
    const nodes = certificates.agency.certificates.edges.map((edge: any) => edge.node);
    ids.signer = nodes.find((node: any) => node.kind === 'ORGANIZATION' && node.status === 'VALID').id;
    const personal = nodes.find((node: any) => node.kind === 'PERSONAL' && node.status === 'VALID');
    ids.certificate = personal.id;
    revokedOfficial = personal.official.id;
    const registered = await ok(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
      { input: { agencyId: '91.ubnd', typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', title: 'Kế hoạch đồng bộ dữ liệu', content: 'Nội dung kế hoạch đồng bộ.' } },
      officer91,
    );
    ids.document = registered.registerDocument.id;
    const plan = await ok(
      `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
      { input: { unitCode: '64', year: 2015, coverageTarget: 30, decisionNumber: '21/KH-UBND', decidedOn: '2015-02-02', targetAgencyIds: ['625.ubnd'] } },
      inspector64,
    );
    planId = plan.createInspectionPlan.id;
    const scheduled = await ok(
      `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
      { input: { planId, targetAgencyId: '625.ubnd', scheduledOn: '2015-04-20', teamOfficialIds: ['64.so-noi-vu.cb1'] } },
      inspector64,
    );
    ids.inspection = scheduled.scheduleInspection.id;
    await ok(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { inspectionId: ids.inspection, conductedOn: '2015-04-20' } }, inspector64);

    // T, then both subgraphs killed and started again on their databases.
    await pause(20);
    since = new Date().toISOString();
    await pause(20);
    for (const name of ['documents', 'inspections']) {
      await hub.kill(name);
      await hub.restart(name);
    }

    // The changes after T, one after another (so their instants are in this order).
    const signed = await ok(`mutation($input: SignDocumentInput!) { signDocument(input: $input) { id updatedAt } }`, { input: { documentId: ids.document, certificateId: ids.signer } }, officer91);
    signatureRecordedAt = signed.signDocument.updatedAt;
    const sent = await ok(
      `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { transfers { edges { node { id recipient { id } } } } } }`,
      { input: { documentId: ids.document, recipientAgencyIds: ['905.ubnd', '30880.ubnd'] } },
      officer91,
    );
    for (const { node: transfer } of sent.sendDocument.transfers.edges) ids[`transfer:${transfer.recipient.id}`] = transfer.id;
    await ok(
      `mutation($input: UpdateTransferStatusInput!) { updateTransferStatus(input: $input) { status } }`,
      { input: { transferId: ids['transfer:905.ubnd'], status: 'ACCEPTED' } },
      await token('905', ['OFFICER']),
    );
    await ok(`mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { id } }`, { input: { certificateId: ids.certificate, reason: 'KEY_COMPROMISE' } }, admin91);
    for (const name of ['finding1', 'finding2']) {
      const recorded = await ok(
        `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`,
        { input: { inspectionId: ids.inspection, area: 'E_GOVERNMENT', severity: 'MINOR', description: `Tồn tại ${name}.`, dueOn: '2099-12-31' } },
        inspector64,
      );
      ids[name] = recorded.recordFinding.id;
    }
    await ok(`mutation($input: RemedyFindingInput!) { remedyFinding(input: $input) { id } }`, { input: { findingId: ids.finding1, evidence: 'Báo cáo 9/BC-UBND' } }, await token('625', ['OFFICER']));
    await ok(
      `mutation($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { id } }`,
      { input: { inspectionId: ids.inspection, concludedOn: '2015-05-04', conclusion: 'Hoàn thành cơ bản các nhiệm vụ.' } },
      inspector64,
    );
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('documents: the signed document, its transfers (the accepted one last), the revoked certificate; nothing else', async () => {
    const officer91 = await token('91', ['OFFICER']);
    const admin91 = await token('91', ['ADMIN']);
    expect(await pageThrough(`query${VARS} { documents${PAGE} }`, officer91, (data) => data.documents)).toEqual([ids.document]);
    expect(await pageThrough(`query${VARS} { agency(id: "91.ubnd") { issuedDocuments${PAGE} } }`, officer91, (data) => data.agency.issuedDocuments)).toEqual([ids.document]);
    // Both sent at one instant (order by id among them), then the district's accepted.
    const [arrivedOnly, accepted] = [ids['transfer:30880.ubnd'], ids['transfer:905.ubnd']];
    expect(await pageThrough(`query${VARS} { document(id: "${ids.document}") { transfers${PAGE} } }`, officer91, (data) => data.document.transfers)).toEqual([arrivedOnly, accepted]);
    expect(await pageThrough(`query${VARS} { agency(id: "905.ubnd") { inbox${PAGE} } }`, await token('905', ['OFFICER']), (data) => data.agency.inbox)).toEqual([accepted]);
    expect(await pageThrough(`query${VARS} { agency(id: "30880.ubnd") { inbox${PAGE} } }`, await token('30880', ['OFFICER']), (data) => data.agency.inbox)).toEqual([arrivedOnly]);
    expect(await pageThrough(`query${VARS} { certificates${PAGE} }`, admin91, (data) => data.certificates)).toEqual([ids.certificate]);
    expect(await pageThrough(`query${VARS} { agency(id: "91.ubnd") { certificates${PAGE} } }`, admin91, (data) => data.agency.certificates)).toEqual([ids.certificate]);
    expect(await pageThrough(`query${VARS} { official(id: "${revokedOfficial}") { personalCertificates${PAGE} } }`, admin91, (data) => data.official.personalCertificates)).toEqual([ids.certificate]);
  });

  it("documents: a certificate's updatedAt is its revocation, a document's its last signature, a transfer's its last move", async () => {
    const admin91 = await token('91', ['ADMIN']);
    const data = await ok(
      `{ certificate(id: "${ids.certificate}") { updatedAt revokedAt } document(id: "${ids.document}") { updatedAt registeredAt }
         documentTransfer(id: "${ids['transfer:905.ubnd']}") { updatedAt acceptedAt } }`,
      {},
      admin91,
    );
    expect(Date.parse(data.certificate.updatedAt)).toBe(Date.parse(data.certificate.revokedAt));
    expect(data.document.updatedAt).toBe(signatureRecordedAt);
    expect(Date.parse(data.document.updatedAt)).toBeGreaterThan(Date.parse(data.document.registeredAt));
    expect(Date.parse(data.documentTransfer.updatedAt)).toBe(Date.parse(data.documentTransfer.acceptedAt));
    expect(data.certificate.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
  });

  it('inspections: the concluded inspection, the recorded findings (the remedied one last), no plan; targets by their plan', async () => {
    const inspector64 = await token('64', ['INSPECTOR']);
    const [finding1, finding2] = [ids.finding1, ids.finding2];
    expect(await pageThrough(`query${VARS} { inspections${PAGE} }`, inspector64, (data) => data.inspections)).toEqual([ids.inspection]);
    expect(await pageThrough(`query${VARS} { inspectionPlans${PAGE} }`, inspector64, (data) => data.inspectionPlans)).toEqual([]);
    expect(await pageThrough(`query${VARS} { inspection(id: "${ids.inspection}") { findings${PAGE} } }`, inspector64, (data) => data.inspection.findings)).toEqual([finding2, finding1]);
    expect(await pageThrough(`query${VARS} { unit(code: "64") { findings${PAGE} } }`, inspector64, (data) => data.unit.findings)).toEqual([finding2, finding1]);
    const officer625 = await token('625', ['OFFICER']);
    expect(await pageThrough(`query${VARS} { agency(id: "625.ubnd") { inspections${PAGE} } }`, officer625, (data) => data.agency.inspections)).toEqual([ids.inspection]);
    expect(await pageThrough(`query${VARS} { agency(id: "625.ubnd") { openFindings${PAGE} } }`, officer625, (data) => data.agency.openFindings)).toEqual([finding2]);
    // A plan's targets changed with it: none since T, all since before the plan.
    const targets = `query($since: DateTime) { inspectionPlans(first: 100) { edges { node { id updatedAt targets(updatedSince: $since) { totalCount edges { node { updatedAt targetAgency { id } } } } } } } }`;
    const plan = (await ok(targets, { since }, inspector64)).inspectionPlans.edges.find((edge: any) => edge.node.id === planId).node;
    expect(plan.targets.totalCount).toBe(0);
    const before = (await ok(targets, { since: new Date(Date.parse(plan.updatedAt) - 1).toISOString() }, inspector64)).inspectionPlans.edges.find((edge: any) => edge.node.id === planId).node;
    expect(before.targets.edges.map((edge: any) => [edge.node.targetAgency.id, edge.node.updatedAt])).toEqual([['625.ubnd', plan.updatedAt]]);
  });

  it('a principal of another province gets none of them', async () => {
    const outsider = await token('62', ['ADMIN', 'OFFICER', 'INSPECTOR']);
    for (const list of ['documents', 'certificates', 'inspections', 'inspectionPlans']) {
      expect(await pageThrough(`query${VARS} { ${list}${PAGE} }`, outsider, (data) => data[list])).toEqual([]);
    }
    const district = await token('626', ['OFFICER']);
    expect(await pageThrough(`query${VARS} { inspections${PAGE} }`, district, (data) => data.inspections)).toEqual([]);
    expect(await pageThrough(`query${VARS} { documents${PAGE} }`, await token('906', ['OFFICER']), (data) => data.documents)).toEqual([]);
  });

  it('a bad updatedSince is BAD_USER_INPUT with HTTP 400, as a literal or a variable', async () => {
    const bearer = await token('91', ['OFFICER']);
    for (const [query, variables] of [
      ['{ documents(updatedSince: "2023-02-30T00:00:00Z") { totalCount } }', {}],
      ['query($since: DateTime) { inspections(updatedSince: $since) { totalCount } }', { since: 'yesterday' }],
      ['query($since: DateTime) { agency(id: "91.ubnd") { inbox(updatedSince: $since) { totalCount } } }', { since: '2023-13-01T00:00:00+07:00' }],
    ] as const) {
      const answer = await hub.query<any>(query, variables, bearer);
      expect({ status: answer.status, codes: errorCodes(answer) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
    }
  });
});
