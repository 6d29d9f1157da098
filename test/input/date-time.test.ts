import { IsNull } from 'typeorm';
import { Certificate } from '../../services/documents/certificate/certificate';
import { Document } from '../../services/documents/document/document';
import { Finding } from '../../services/inspections/finding/finding';
import { AuditEntry } from '../../services/institutions/audit/audit-entry';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { instantOf } from '../../services/core/time';
import { DATABASES } from '../support/databases';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

/** The one form every subgraph answers an instant in (issue 15 item 4): Vietnam time with milliseconds. */
const VIETNAM_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;

const refusal = (response: GraphQLResponse<unknown>) => ({
  status: response.status,
  codes: errorCodes(response),
  argument: response.errors?.[0]?.extensions?.argument,
});

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id receivedAt dueAt } }`;
const dossierInput = (overrides: Record<string, unknown>) => ({
  procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON',
  componentCount: 2, applicantName: 'Trần Thị Lan', applicantIdNumber: '091987654321', ...overrides,
});

/**
 * The DateTime scalar through the gateway over HTTP, on both databases: every subgraph answers
 * its times in one form, the instant it stored; a time with any offset is the same instant; a
 * bad one is BAD_USER_INPUT (HTTP 400) naming the argument, with nothing written.
 */
describe.each(DATABASES)('DateTime on %s', (kind) => {
  let hub: TestHub;
  let nation: string;
  let officer: string;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'datetime');
    nation = await hub.token('VN', ['ADMIN', 'OFFICER', 'VIEWER', 'INSPECTOR']);
    officer = await hub.token('905', ['OFFICER']);
  }, 900_000);
  afterAll(() => hub?.close());

  it('answers the times of all four subgraphs in the one form, each the instant its subgraph stored', async () => {
    // procedures stores Vietnam local time: a dossier received at 01:00Z is answered at 08:00 +07:00.
    const received = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-z', receivedAt: '2024-03-04T01:00:00Z' }) }, officer);
    expect(received.errors).toBeUndefined();
    expect(received.data.receiveDossier.receivedAt).toBe('2024-03-04T08:00:00.000+07:00');
    expect(received.data.receiveDossier.dueAt).toMatch(VIETNAM_FORM);
    const storedDossier = await hub.subgraphs.procedures.dataSource.getRepository(Dossier).findOneByOrFail({ id: received.data.receiveDossier.id });
    expect(storedDossier.receivedAt).toBe('2024-03-04 08:00:00');
    expect(Date.parse(received.data.receiveDossier.dueAt)).toBe(instantOf(storedDossier.dueAt).getTime());

    // The others store UTC; the audit log has the entry of that receipt at least.
    const result = await hub.query<any>(
      `{
        certificates(first: 1) { edges { node { id issuedAt expiresAt } } }
        documents(first: 1) { edges { node { id issueDate registeredAt } } }
        unit(code: "64") { findings(first: 1) { edges { node { id recordedAt dueOn } } } }
        auditLog(first: 1) { edges { node { id recordedAt } } }
      }`,
      {},
      nation,
    );
    expect(result.errors).toBeUndefined();
    const certificate = result.data.certificates.edges[0].node;
    const document = result.data.documents.edges[0].node;
    const finding = result.data.unit.findings.edges[0].node;
    const entry = result.data.auditLog.edges[0].node;
    const { dataSource: documents } = hub.subgraphs.documents;
    const storedCertificate = await documents.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
    const storedDocument = await documents.getRepository(Document).findOneByOrFail({ id: document.id });
    const storedFinding = await hub.subgraphs.inspections.dataSource.getRepository(Finding).findOneByOrFail({ id: finding.id });
    const storedEntry = await hub.subgraphs.institutions.dataSource.getRepository(AuditEntry).findOneByOrFail({ id: entry.id });
    const answered = [certificate.issuedAt, certificate.expiresAt, document.registeredAt, finding.recordedAt, entry.recordedAt];
    for (const time of answered) expect(time).toMatch(VIETNAM_FORM);
    expect(answered.map(Date.parse)).toEqual(
      [storedCertificate.issuedAt, storedCertificate.expiresAt, storedDocument.registeredAt, storedFinding.recordedAt, storedEntry.recordedAt].map(Date.parse),
    );
    // Days stay days.
    expect([document.issueDate, finding.dueOn]).toEqual([storedDocument.issueDate, storedFinding.dueOn]);
  });

  it('takes a time with any offset, or Vietnam time without one, as the same instant; another instant under the same key is a CONFLICT', async () => {
    const first = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-offsets', receivedAt: '2024-03-05T09:30:00+07:00' }) }, officer);
    expect(first.errors).toBeUndefined();
    for (const receivedAt of ['2024-03-05T02:30:00Z', '2024-03-05T09:30:00', '2024-03-05T11:30:00+09:00']) {
      const retry = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-offsets', receivedAt }) }, officer);
      expect({ receivedAt, errors: retry.errors, id: retry.data?.receiveDossier?.id }).toEqual({ receivedAt, errors: undefined, id: first.data.receiveDossier.id });
    }
    const other = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-offsets', receivedAt: '2024-03-05T09:31:00+07:00' }) }, officer);
    expect(errorCodes(other)).toEqual(['CONFLICT']);
  });

  it('refuses a bad DateTime argument as BAD_USER_INPUT, HTTP 400, naming it, and writes nothing', async () => {
    const dossiers = hub.subgraphs.procedures.dataSource.getRepository(Dossier);
    const before = await dossiers.count();
    for (const receivedAt of ['2024-02-30T10:00:00+07:00', '2024-03-01', 'now', '2024-03-01T10:00:00+15:00']) {
      const refused = await hub.query(RECEIVE, { input: dossierInput({ clientKey: `datetime-bad-${receivedAt}`, receivedAt }) }, officer);
      expect({ receivedAt, ...refusal(refused) }).toEqual({ receivedAt, status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.receivedAt' });
    }
    expect(await dossiers.count()).toBe(before);

    const fresh = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-to-move', receivedAt: '2024-03-04T09:00:00+07:00' }) }, officer);
    const dossier = await dossiers.findOneByOrFail({ id: fresh.data.receiveDossier.id });
    const literal = await hub.query(`mutation { transitionDossier(id: "${dossier.id}", to: PROCESSING, at: "2024-13-01T10:00:00") { status } }`, {}, officer);
    expect(refusal(literal)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'at' });
    expect(await dossiers.findOneByOrFail({ id: dossier.id })).toEqual(dossier);

    const certificates = hub.subgraphs.documents.dataSource.getRepository(Certificate);
    const [certificate] = await certificates.find({ where: { revokedAt: IsNull() }, order: { id: 'ASC' }, take: 1 });
    const revoke = await hub.query(
      `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { id } }`,
      { input: { certificateId: certificate.id, reason: 'KEY_COMPROMISE', invalidSince: 'yesterday' } },
      nation,
    );
    expect(refusal(revoke)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.invalidSince' });
    expect(await certificates.findOneByOrFail({ id: certificate.id })).toEqual(certificate);
  });

  it('gives a principal outside the scope no time of a dossier', async () => {
    const received = await hub.query<any>(RECEIVE, { input: dossierInput({ clientKey: 'datetime-scope', receivedAt: '2024-03-06T09:00:00+07:00' }) }, officer);
    expect(received.errors).toBeUndefined();
    const outsider = await hub.token('62', ['OFFICER', 'VIEWER']);
    const answer = await hub.query<any>(`query($id: ID!) { dossier(id: $id) { receivedAt dueAt closedAt } }`, { id: received.data.receiveDossier.id }, outsider);
    expect(answer.data?.dossier ?? null).toBeNull();
  });
});
