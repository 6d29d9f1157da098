import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { projectRoot } from '../../services/core/config';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

const AUDIT = `query($actor: String, $action: String, $first: Int) { auditLog(actorSubject: $actor, action: $action, first: $first) {
  totalCount edges { node { id sequence action outcome targets actorSubject actorUnit { code } targetUnit { code } previousHash hash } } } }`;

/** The URL `npm run audit:verify` is given for a running subgraph's database. */
function databaseUrlOf(dataSource: DataSource): string {
  const options = dataSource.options as { type: string; url?: string; database?: string };
  return options.type === 'mysql' ? options.url! : `sqlite:${options.database}`;
}

function verifyCommand(dataSource: DataSource) {
  const run = spawnSync(process.execPath, [resolve(projectRoot(), 'dist/scripts/verify-audit.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrlOf(dataSource) },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Issue 6, the audit log: what it records, who reads it, and that tampering shows. */
describe.each(DATABASES)('audit log on %s', (kind) => {
  let hub: TestHub;
  const entriesOf = async (subject: string, token: string) =>
    (await hub.query<any>(AUDIT, { actor: subject, first: 100 }, token)).data?.auditLog?.edges.map((edge: any) => edge.node) ?? [];

  beforeAll(async () => {
    hub = await startTestHub(kind, 'audit');
  }, 900_000);
  afterAll(() => hub?.close());

  it("records every read of personal data: a dossier's applicant and an official's contact details", async () => {
    const subject = 'audit-officer-62';
    const officer = await hub.token('62', ['OFFICER'], { subject });
    const dossiers = await hub.query<any>(`{ dossiers(first: 3) { edges { node { id applicant { name } } } } }`, {}, officer);
    expect(dossiers.errors).toBeUndefined();
    const ids = dossiers.data.dossiers.edges.map((edge: any) => edge.node.id);
    const contact = await hub.query<any>(`{ official(id: "62.ubnd.cb1") { contact { phone } } }`, {}, officer);
    expect(contact.errors).toBeUndefined();
    // Fields that are not personal leave no trace.
    await hub.query(`{ dossiers(first: 3) { edges { node { id status } } } }`, {}, officer);

    const entries = await entriesOf(subject, await hub.token('62', ['ADMIN']));
    expect(entries.map((entry: any) => entry.action)).toEqual(['read Dossier.applicant', 'read Official.contact']);
    expect(entries[0]).toMatchObject({ outcome: 'READ', actorUnit: { code: '62' } });
    expect(entries[0].targets.sort()).toEqual(ids.map((id: string) => `Dossier:${id}`).sort());
    expect(entries[1]).toMatchObject({ targets: ['Official:62.ubnd.cb1'], targetUnit: { code: '62' } });
  });

  it("records a person's mutation before it runs and how it ended, refusals included", async () => {
    const subject = 'audit-officer-905';
    const officer = await hub.token('905', ['OFFICER'], { subject });
    const receive = `mutation Desk($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
    const input = { clientKey: 'audit-1', procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Lê Văn Tám', applicantIdNumber: '091234567890' };
    const made = await hub.query<any>(receive, { input }, officer);
    expect(made.errors).toBeUndefined();
    const sibling = await hub.query<any>(receive, { input: { ...input, clientKey: 'audit-2', unitCode: '906', agencyId: '906.motcua' } }, officer);
    expect(errorCodes(sibling)).toEqual(['FORBIDDEN']);

    const entries = await entriesOf(subject, await hub.token('91', ['INSPECTOR']));
    expect(entries.map((entry: any) => [entry.action, entry.outcome])).toEqual([
      ['mutation receiveDossier', 'ATTEMPTED'],
      ['mutation receiveDossier', 'SUCCEEDED'],
      ['mutation receiveDossier', 'ATTEMPTED'],
      ['mutation receiveDossier', 'REFUSED'],
    ]);
    expect(entries[1].targets).toContain(`Dossier:${made.data.receiveDossier.id}`);
    expect(entries[3].targetUnit.code).toBe('906');
  });

  it('records the mutations of every subgraph, the audit log\'s own included', async () => {
    const subject = 'audit-viewer-62';
    const viewer = await hub.token('62', ['VIEWER'], { subject });
    const attempts: [string, string, Record<string, unknown>][] = [
      ['institutions', `mutation { revokeServiceClient(id: "svc-62-motcua", reason: "test") { id } }`, {}],
      ['documents', `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { id } }`, { input: { certificateId: 'no-such-certificate', reason: 'KEY_COMPROMISE' } }],
      ['inspections', `mutation($input: CancelInspectionInput!) { cancelInspection(input: $input) { id } }`, { input: { inspectionId: 'no-such-inspection', reason: 'test' } }],
    ];
    for (const [, mutation, variables] of attempts) expect((await hub.query<any>(mutation, variables, viewer)).errors).toBeDefined();
    const entries = await entriesOf(subject, await hub.token('62', ['ADMIN']));
    expect(entries.map((entry: any) => [entry.action, entry.outcome])).toEqual([
      ['mutation revokeServiceClient', 'ATTEMPTED'],
      ['mutation revokeServiceClient', 'REFUSED'],
      ['mutation revokeCertificate', 'ATTEMPTED'],
      ['mutation revokeCertificate', 'REFUSED'],
      ['mutation cancelInspection', 'ATTEMPTED'],
      ['mutation cancelInspection', 'REFUSED'],
    ]);
    expect(entries[0].targets).toEqual(['id:svc-62-motcua']);
  });

  it('lets ADMIN and INSPECTOR read the log within their scope only', async () => {
    const subject = 'audit-officer-62';
    for (const [label, token, code] of [
      ['anonymous', undefined, 'UNAUTHENTICATED'],
      ['Kon Tum VIEWER', await hub.token('62', ['VIEWER']), 'FORBIDDEN'],
      ['Kon Tum OFFICER', await hub.token('62', ['OFFICER']), 'FORBIDDEN'],
    ] as const) {
      const answer = await hub.query<any>(AUDIT, { actor: subject }, token);
      expect([label, errorCodes(answer), answer.data?.auditLog ?? null]).toEqual([label, [code], null]);
    }
    const konTum = await entriesOf(subject, await hub.token('62', ['INSPECTOR']));
    expect(konTum.length).toBe(2);
    expect(await entriesOf(subject, await hub.token('64', ['ADMIN']))).toEqual([]);
    expect(await entriesOf(subject, await hub.token('608', ['ADMIN']))).toEqual([]);
    expect((await entriesOf(subject, await hub.token('VN', ['INSPECTOR']))).length).toBe(2);
    const single = await hub.query<any>(`query($id: ID!) { auditEntry(id: $id) { id } }`, { id: konTum[0].id }, await hub.token('64', ['ADMIN']));
    expect([errorCodes(single), single.data.auditEntry]).toEqual([['NOT_FOUND'], null]);
    const badFrom = await hub.query<any>(`{ auditLog(from: "yesterday") { totalCount } }`, {}, await hub.token('62', ['ADMIN']));
    expect(errorCodes(badFrom)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps the chain intact when a refused mutation carries overlong or malformed text (issue 11, item 8)', async () => {
    const subject = 'audit-officer-905-text';
    const officer = await hub.token('905', ['OFFICER'], { subject });
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
    const input = { procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Lê Văn Tám', applicantIdNumber: '091234567890' };
    // The case (the 500-character cut of the error fell inside the emoji), around it, and
    // NUL, other control characters and lone surrogates in the recorded fields.
    const procedureIds = [477, 478, 479, 480].map((count) => `${'a'.repeat(count)}😀`);
    procedureIds.push('x\u0000y\u0007z\u001b\u0085\ud800w\udc00v', '\ud83d');
    const answers = await Promise.all(
      // The first four keys are well-formed, so the refusal is the procedure's NOT_FOUND with its cut
      // text; the last two also carry malformed text in the key (refused as BAD_USER_INPUT first).
      procedureIds.map((procedureId, index) =>
        hub.query<any>(receive, { input: { ...input, clientKey: index < 4 ? `text-${index}` : `text-${index}\u0000\ud800`, procedureId } }, officer),
      ),
    );
    for (const answer of answers) expect([answer.status < 500, answer.errors?.length, answer.data?.receiveDossier ?? null]).toEqual([true, 1, null]);

    const entries = await entriesOf(subject, await hub.token('VN', ['ADMIN']));
    const malformed = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const entry of entries) expect(entry.targets.filter((target: string) => malformed.test(target))).toEqual([]);
    const intact = verifyCommand(hub.subgraphs.institutions.dataSource);
    expect([intact.code, intact.output]).toEqual([0, expect.stringContaining('Audit chain intact')]);
  });

  it('records every one of many mutations sent at once, in one unbroken chain', async () => {
    const subject = 'audit-officer-905-many';
    const officer = await hub.token('905', ['OFFICER'], { subject });
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
    const input = { procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Lê Văn Tám', applicantIdNumber: '091234567890' };
    const answers = await Promise.all(Array.from({ length: 60 }, (_, index) => hub.query<any>(receive, { input: { ...input, clientKey: `many-${index}` } }, officer)));
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    const admin = await hub.token('VN', ['ADMIN']);
    const count = async (outcome: string) =>
      (await hub.query<any>(`query($s: String, $o: AuditOutcome) { auditLog(actorSubject: $s, outcome: $o) { totalCount } }`, { s: subject, o: outcome }, admin)).data.auditLog.totalCount;
    expect([await count('ATTEMPTED'), await count('SUCCEEDED')]).toEqual([60, 60]);
    const intact = verifyCommand(hub.subgraphs.institutions.dataSource);
    expect([intact.code, intact.output]).toEqual([0, expect.stringContaining('Audit chain intact')]);
  });

  it('chains every entry to the one before, and the verification command finds the first edited or missing one', async () => {
    const log = await hub.query<any>(`{ auditLog(first: 100) { totalCount edges { node { sequence previousHash hash } } } }`, {}, await hub.token('VN', ['ADMIN']));
    const chain = log.data.auditLog.edges.map((edge: any) => edge.node);
    expect(chain.length).toBeGreaterThanOrEqual(6);
    chain.slice(1).forEach((entry: any, index: number) => expect(entry.previousHash).toBe(chain[index].hash));

    const dataSource = hub.subgraphs.institutions.dataSource;
    const intact = verifyCommand(dataSource);
    expect([intact.code, intact.output]).toEqual([0, expect.stringContaining(`Audit chain intact: ${log.data.auditLog.totalCount} entries`)]);

    await dataSource.query(`UPDATE audit_entry SET detail = 'nothing happened' WHERE sequence = 3`);
    const edited = verifyCommand(dataSource);
    expect([edited.code, edited.output]).toEqual([1, expect.stringContaining('Audit chain BROKEN at entry 3: its contents do not match its hash')]);

    await dataSource.query(`DELETE FROM audit_entry WHERE sequence = 2`);
    const removed = verifyCommand(dataSource);
    expect([removed.code, removed.output]).toEqual([1, expect.stringContaining('BROKEN at entry 2: entry 2 is missing')]);
  });
});

/** Fail closed: with the audit log out of reach, nothing is written and no personal data leaves. */
describe.each(DATABASES)('a subgraph whose audit log is unreachable, on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const officer = principal('62', 'VN/62', ['OFFICER']);

  beforeAll(async () => {
    // Nothing listens on port 9: every audit append (and unit lookup) fails.
    started = await startSubgraphs(kind, 'auditdown', ['procedures'], { institutionsUrl: 'http://127.0.0.1:9/graphql' });
    subgraph = started.subgraphs.procedures;
  }, 900_000);
  afterAll(() => started?.close());

  it('refuses a mutation before it runs, and withholds an applicant', async () => {
    const repository = subgraph.dataSource.getRepository(Dossier);
    const before = await repository.count();
    const input = { clientKey: 'down-1', procedureId: '62-T0001', unitCode: '62', agencyId: '62.ttphvhcc', channel: 'IN_PERSON', componentCount: 1, applicantName: 'A', applicantIdNumber: '062123456789' };
    const write = await querySubgraph<any>(subgraph.url, `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`, { input }, officer);
    expect(errorCodes(write)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await repository.count()).toBe(before);

    const dossier = await repository.findOne({ where: { unitId: '62' } });
    const read = await querySubgraph<any>(subgraph.url, `query($id: ID!) { dossier(id: $id) { id applicant { name identityNumber } } }`, { id: dossier!.id }, officer);
    expect([read.status, errorCodes(read), read.data ?? null]).toEqual([503, ['SERVICE_UNAVAILABLE'], null]);
    const plain = await querySubgraph<any>(subgraph.url, `query($id: ID!) { dossier(id: $id) { id status } }`, { id: dossier!.id }, officer);
    expect(plain.errors).toBeUndefined();
  });
});
