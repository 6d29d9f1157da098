import { statementCounter } from '../../services/core/database';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Certificate } from '../../services/documents/certificate/certificate';
import { Document } from '../../services/documents/document/document';
import { DocumentTransfer } from '../../services/documents/exchange/document-transfer';
import { DocumentSignature } from '../../services/documents/signature/document-signature';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';
import { opensslCmsVerify, signWithUnknownRoot } from './openssl';

const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) {
  id numberAndSymbol number year type typeAbbreviation normative contentSha256 agencyName } }`;
const SIGN = `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id signedAt signerSubject signerSerial } }`;
const VERIFY = `query($id: ID!) { document(id: $id) { contentBase64 verification { verdict reasons contentSha256
  signatures { edges { node { verdict failed chain signingTime checks { check status detail } signature { id signaturePem certificateChainPem } } } } } } }`;
const SEND = `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { transfers { totalCount edges { node { id status statusCode recipientName recipientLevel arrivedAt } } } } }`;
const MOVE = `mutation($input: UpdateTransferStatusInput!) { updateTransferStatus(input: $input) { id status statusCode acceptedAt assignedAt inProgressAt doneAt refusedAt note } }`;

const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/** The documents subgraph over HTTP, with institutions beside it for agency and unit lookups. */
describe.each(DATABASES)('documents subgraph on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who?: ReturnType<typeof principal>) =>
    querySubgraph<T>(subgraph.url, query, variables, who);
  const count = (entity: Function) => subgraph.dataSource.getRepository(entity).count();

  const provinceAdmin = principal('91', 'VN/91', ['ADMIN']);
  const provinceOfficer = principal('91', 'VN/91', ['OFFICER']);
  const provinceViewer = principal('91', 'VN/91', ['VIEWER']);
  const chairman = principal('91', 'VN/91', ['OFFICER'], '91.ubnd.cb1');
  const chauThanh = principal('905', 'VN/91/905', ['OFFICER']);
  const giongRieng = principal('906', 'VN/91/906', ['OFFICER']);
  const commune = principal('30880', 'VN/91/905/30880', ['OFFICER']);
  const communeAdmin = principal('30880', 'VN/91/905/30880', ['ADMIN']);
  const nation = principal('VN', 'VN', ['VIEWER']);

  let rootPem: string;
  const certificateOf = async (agencyId: string, kindName = 'ORGANIZATION', who = provinceAdmin) => {
    const result = await ask(
      `query($id: ID!, $kind: CertificateKind) { _entities(representations: [{ __typename: "Agency", id: $id }]) {
        ... on Agency { certificates(kind: $kind, first: 100) { edges { node { id serial kind status official { id } } } } } } }`,
      { id: agencyId, kind: kindName },
      who,
    );
    expect(result.errors).toBeUndefined();
    return result.data._entities[0].certificates.edges.map((edge: any) => edge.node);
  };
  const register = (input: Record<string, unknown>, who = provinceOfficer) =>
    ask(REGISTER, {
      input: { agencyId: '91.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: 'Báo cáo thử nghiệm', content: 'Nội dung báo cáo', ...input },
    }, who);

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'docs', ['institutions', 'documents']);
    subgraph = started.subgraphs.documents;
    const ca = await ask(`{ certificateAuthority { source rootCertificatePem issuingCertificatePem } }`, {}, provinceViewer);
    expect(ca.data.certificateAuthority.source).toBe('GENERATED');
    rootPem = ca.data.certificateAuthority.rootCertificatePem;
  });
  afterAll(() => started?.close());

  describe("demo figures (Kiên Giang's 2019 report, seed 000)", () => {
    const UNIT_STATS = `query($id: ID!) { _entities(representations: [{ __typename: "AdministrativeUnit", id: $id }]) { ... on AdministrativeUnit {
      certificateStats { total organization personal valid revoked expired byLevel { level organization personal total } }
      documentExchangeStats(from: "2019-01-01", to: "2019-11-30") { sent received total byLevel { level sent received } } } } }`;

    it('counts 371 certificates: 172 organization (62 provincial, 15 district, 95 commune), 199 personal (152 provincial leaders, 47 district)', async () => {
      const result = await ask(UNIT_STATS, { id: '91' }, provinceViewer);
      expect(result.errors).toBeUndefined();
      const stats = result.data._entities[0].certificateStats;
      expect(stats).toMatchObject({ total: 371, organization: 172, personal: 199 });
      expect(stats.byLevel).toEqual([
        { level: 'PROVINCE', organization: 62, personal: 152, total: 214 },
        { level: 'DISTRICT', organization: 15, personal: 47, total: 62 },
        { level: 'COMMUNE', organization: 95, personal: 0, total: 95 },
      ]);
      expect(stats.valid + stats.revoked + stats.expired).toBe(371);
    });

    it('counts 1,464,185 documents sent and received to 30/11/2019', async () => {
      const result = await ask(UNIT_STATS, { id: '91' }, provinceViewer);
      const exchange = result.data._entities[0].documentExchangeStats;
      expect(exchange.total).toBe(1_464_185);
      expect(exchange.sent + exchange.received).toBe(1_464_185);
      const byLevel = exchange.byLevel.reduce((sum: number, row: any) => sum + row.sent + row.received, 0);
      expect(byLevel).toBe(1_464_185);
    });

    it('refuses statistics about a unit outside the scope, and a malformed period', async () => {
      const upward = await ask(UNIT_STATS, { id: '91' }, chauThanh);
      expect(upward.data._entities[0]).toEqual({ certificateStats: null, documentExchangeStats: null });
      expect(errorCodes(upward)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      const sibling = await ask(UNIT_STATS, { id: '906' }, chauThanh);
      expect(errorCodes(sibling)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      const own = await ask(UNIT_STATS, { id: '905' }, chauThanh);
      expect(own.errors).toBeUndefined();
      expect(own.data._entities[0].certificateStats.organization).toBeGreaterThan(0);
      const badPeriod = await ask(
        `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "91" }]) { ... on AdministrativeUnit { documentExchangeStats(from: "2019-13-01", to: "2019-11-30") { total } } } }`,
        {},
        provinceViewer,
      );
      expect(errorCodes(badPeriod)).toEqual(['BAD_USER_INPUT']);
      const none = await ask(UNIT_STATS, { id: '91' });
      expect(errorCodes(none)).toContain('UNAUTHENTICATED');
    });

    it('registered and signed the documents the articles name; each verifies', async () => {
      const result = await ask(`{ documents(first: 20) { edges { node { numberAndSymbol issueDate agencyName verification { verdict } } } } }`, {}, nation);
      // The articles' documents; the others are the post-reform demo's, issued from 1 July 2025 (README, "Demo data").
      const articles = result.data.documents.edges.filter((edge: any) => edge.node.issueDate < '2025-07-01');
      const byNumber = Object.fromEntries(articles.map((edge: any) => [edge.node.numberAndSymbol, edge.node]));
      expect(Object.keys(byNumber).sort()).toEqual(
        ['05/2020/QĐ-UBND', '149/BC-UBND', '180/KH-UBND', '22/2019/QĐ-UBND', '70/QĐ-UBND', '77/2017/NQ-HĐND'].sort(),
      );
      expect(byNumber['149/BC-UBND']).toMatchObject({ issueDate: '2020-08-03', agencyName: 'UBND Tỉnh Tiền Giang' });
      expect(byNumber['22/2019/QĐ-UBND']).toMatchObject({ issueDate: '2019-08-05', agencyName: 'UBND Tỉnh Gia Lai' });
      for (const document of Object.values<any>(byNumber)) expect(document.verification.verdict).toBe('VALID');
    });
  });

  describe('certificates', () => {
    it("shows a district official its own and its communes' certificates only, never a private key", async () => {
      const result = await ask(`{ certificates(first: 100) { totalCount edges { node { id holderName subject issuer certificatePem chainPem agency { id } } } } }`, {}, chauThanh);
      expect(result.errors).toBeUndefined();
      expect(result.data.certificates.totalCount).toBeGreaterThan(0);
      const agencies: string[] = result.data.certificates.edges.map((edge: any) => edge.node.agency.id);
      expect(agencies.every((id) => id.startsWith('905.') || /^30\d{3}\./.test(id))).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/PRIVATE KEY/);
      expect(result.data.certificates.edges[0].node.chainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      const sibling = (await certificateOf('906.ubnd', 'ORGANIZATION', provinceAdmin))[0];
      const forbidden = await ask(`query($id: ID!) { certificate(id: $id) { serial } }`, { id: sibling.id }, chauThanh);
      expect(forbidden.data).toEqual({ certificate: null });
      expect(errorCodes(forbidden)).toEqual(['NOT_FOUND']);
      const entity = await ask(`query($id: ID!) { _entities(representations: [{ __typename: "Certificate", id: $id }]) { ... on Certificate { serial } } }`, { id: sibling.id }, chauThanh);
      expect(entity.data._entities).toEqual([null]);
      expect(errorCodes(entity)).toEqual(['NOT_FOUND']);
      const siblingList = await ask(`{ certificates(unitCode: "906") { totalCount } }`, {}, chauThanh);
      expect(siblingList.data.certificates.totalCount).toBe(0);
    });

    it('issues a real X.509 certificate with a fresh key to an official, as ADMIN of a unit above; refuses an OFFICER and a unit below', async () => {
      const before = await count(Certificate);
      const input = { kind: 'PERSONAL', officialId: '905.motcua.cb1', validityYears: 2 };
      const officer = await ask(`mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`, { input }, chauThanh);
      expect(errorCodes(officer)).toEqual(['FORBIDDEN']);
      const below = await ask(`mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`, { input }, communeAdmin);
      expect(errorCodes(below)).toEqual(['FORBIDDEN']);
      const mixed = await ask(`mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`, { input: { ...input, agencyId: '905.motcua' } }, provinceAdmin);
      expect(errorCodes(mixed)).toEqual(['BAD_USER_INPUT']);
      const unknown = await ask(`mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`, { input: { kind: 'ORGANIZATION', agencyId: 'no-such' } }, provinceAdmin);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      expect(await count(Certificate)).toBe(before);

      const issued = await ask(
        `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id kind status holderName subject holderLevel demoSharedKey issuedAt expiresAt official { id } agency { id } certificatePem } }`,
        { input },
        provinceAdmin,
      );
      expect(issued.errors).toBeUndefined();
      const certificate = issued.data.issueCertificate;
      expect(certificate).toMatchObject({ kind: 'PERSONAL', status: 'VALID', holderLevel: 'DISTRICT', demoSharedKey: false, official: { id: '905.motcua.cb1' }, agency: { id: '905.motcua' } });
      expect(certificate.subject).toContain('O=Bộ phận Một cửa Huyện Châu Thành');
      expect(await count(Certificate)).toBe(before + 1);
      const x509 = (await import('node-forge')).default.pki.certificateFromPem(certificate.certificatePem);
      expect((x509.publicKey as any).n.bitLength()).toBe(2048);
      expect(x509.siginfo.algorithmOid).toBe('1.2.840.113549.1.1.11');
      const personal = await ask(`{ _entities(representations: [{ __typename: "Official", id: "905.motcua.cb1" }]) { ... on Official { personalCertificates { totalCount } } } }`, {}, chauThanh);
      expect(personal.data._entities[0].personalCertificates.totalCount).toBe(1);
    });

    it("does not let a commune revoke the province's certificate; the province ADMIN revokes once", async () => {
      const [target] = await certificateOf('91.so-noi-vu');
      const revoke = `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { id status revokedAt invalidSince revocationReason } }`;
      const input = { certificateId: target.id, reason: 'SUPERSEDED' };
      const byCommune = await ask(revoke, { input }, communeAdmin);
      expect(errorCodes(byCommune)).toEqual(['NOT_FOUND']);
      const byOfficer = await ask(revoke, { input }, provinceOfficer);
      expect(errorCodes(byOfficer)).toEqual(['FORBIDDEN']);
      expect((await subgraph.dataSource.getRepository(Certificate).findOneByOrFail({ id: target.id })).revokedAt).toBeNull();
      const future = await ask(revoke, { input: { ...input, invalidSince: '2999-01-01T00:00:00Z' } }, provinceAdmin);
      expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
      const done = await ask(revoke, { input }, provinceAdmin);
      expect(done.errors).toBeUndefined();
      expect(done.data.revokeCertificate).toMatchObject({ status: 'REVOKED', revocationReason: 'SUPERSEDED' });
      const again = await ask(revoke, { input }, provinceAdmin);
      expect(errorCodes(again)).toEqual(['CONFLICT']);
    });
  });

  describe('registering documents', () => {
    it('numbers per agency, year and series in the form of Decree 30/2020/NĐ-CP', async () => {
      const year = Number(today().slice(0, 4));
      const first = await register({ typeAbbreviation: 'TB' });
      expect(first.errors).toBeUndefined();
      expect(first.data.registerDocument).toMatchObject({ numberAndSymbol: '01/TB-UBND', number: 1, year, type: 'NOTICE', typeAbbreviation: 'TB', normative: false });
      const second = await register({ typeAbbreviation: 'TB' });
      expect(second.data.registerDocument.numberAndSymbol).toBe('02/TB-UBND');
      const normative = await register({ typeAbbreviation: 'QĐ', normative: true });
      expect(normative.data.registerDocument.numberAndSymbol).toBe(`01/${year}/QĐ-UBND`);
      const letter = await ask(REGISTER, {
        input: { agencyId: '91.ubnd', typeAbbreviation: 'CV', issuerAbbreviation: 'UBND', drafterAbbreviation: 'VP', title: 'Công văn', content: 'x' },
      }, provinceOfficer);
      expect(letter.data.registerDocument.numberAndSymbol).toBe('01/UBND-VP');
      const taken = await register({ typeAbbreviation: 'KH', number: 180, issueDate: '2020-07-10' });
      expect(taken.data.registerDocument.numberAndSymbol).toBe('180/KH-UBND');
      const next = await register({ typeAbbreviation: 'KH', issueDate: '2020-07-11' });
      expect(next.data.registerDocument.numberAndSymbol).toBe('181/KH-UBND');
      const sha = (await import('node:crypto')).createHash('sha256').update('Nội dung báo cáo', 'utf8').digest('hex');
      expect(first.data.registerDocument.contentSha256).toBe(sha);
    });

    it('answers bad input with a clear code and writes nothing', async () => {
      const before = await count(Document);
      const unknownType = await register({ typeAbbreviation: 'XYZ' });
      expect(errorCodes(unknownType)).toEqual(['BAD_USER_INPUT']);
      expect(unknownType.errors![0].message).toContain('QĐ');
      const empty = await register({ content: '   ' });
      expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
      const normativeReport = await register({ normative: true });
      expect(errorCodes(normativeReport)).toEqual(['BAD_USER_INPUT']);
      const badDate = await register({ issueDate: '2020-02-30' });
      expect(errorCodes(badDate)).toEqual(['BAD_USER_INPUT']);
      await register({ typeAbbreviation: 'CT', number: 7, issueDate: '2021-05-05' });
      const afterFirst = await count(Document);
      const used = await register({ typeAbbreviation: 'CT', number: 7, issueDate: '2021-06-06' });
      expect(errorCodes(used)).toEqual(['CONFLICT']);
      expect(await count(Document)).toBe(afterFirst);
      expect(afterFirst).toBe(before + 1);
    });

    it("refuses a document of another unit's agency, a VIEWER, and no token", async () => {
      const before = await count(Document);
      expect(errorCodes(await register({}, chauThanh))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await register({ agencyId: '906.ubnd' }, chauThanh))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await register({}, provinceViewer))).toEqual(['FORBIDDEN']);
      const anonymous = await ask(REGISTER, { input: { agencyId: '91.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: 't', content: 'c' } });
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
      expect(await count(Document)).toBe(before);
    });

    it('never gives one number twice, even to registrations fired in parallel', async () => {
      const results = await Promise.all(
        Array.from({ length: 24 }, (_unused, index) => register({ typeAbbreviation: 'HD', title: `Hướng dẫn ${index}` })),
      );
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
      const numbers = results.map((result) => result.data.registerDocument.number).sort((a: number, b: number) => a - b);
      expect(numbers).toEqual(Array.from({ length: 24 }, (_unused, index) => index + 1));
    });
  });

  describe('signing and verification', () => {
    let documentId: string;
    let content: Buffer;

    beforeAll(async () => {
      const registered = await register({ typeAbbreviation: 'QĐ', title: 'Quyết định ký số', content: 'QUYẾT ĐỊNH: Điều 1. Ký số thử nghiệm.' });
      documentId = registered.data.registerDocument.id;
      content = Buffer.from('QUYẾT ĐỊNH: Điều 1. Ký số thử nghiệm.', 'utf8');
    });

    it("signs with the province People's Committee's certificate; openssl cms -verify accepts the export against the hub's root", async () => {
      const [certificate] = await certificateOf('91.ubnd');
      const signed = await ask(SIGN, { input: { documentId, certificateId: certificate.id } }, provinceOfficer);
      expect(signed.errors).toBeUndefined();
      expect(signed.data.signDocument.signerSubject).toContain('CN=UBND Tỉnh Kiên Giang');
      const verified = await ask(VERIFY, { id: documentId }, provinceOfficer);
      const verification = verified.data.document.verification;
      expect(verification.verdict).toBe('VALID');
      expect(verification.signatures.edges[0].node.chain).toEqual([
        'CN=UBND Tỉnh Kiên Giang, L=Tỉnh Kiên Giang, C=VN',
        'CN=Hub Issuing CA, O=Government Federation Hub, C=VN',
        'CN=Hub Root CA, O=Government Federation Hub, C=VN',
      ]);
      expect(verification.signatures.edges[0].node.checks.map((check: any) => check.status)).toEqual(['PASSED', 'PASSED', 'PASSED', 'PASSED']);
      const exported = Buffer.from(verified.data.document.contentBase64, 'base64');
      expect(exported.equals(content)).toBe(true);
      const signature = verification.signatures.edges[0].node.signature;
      const openssl = opensslCmsVerify({ signaturePem: signature.signaturePem, content: exported, rootPem });
      expect(openssl.output).toContain('Verification successful');
      expect(openssl.ok).toBe(true);
      const withChain = opensslCmsVerify({ signaturePem: signature.signaturePem, content: exported, rootPem, untrustedPem: signature.certificateChainPem });
      expect(withChain.ok).toBe(true);
      const otherContent = opensslCmsVerify({ signaturePem: signature.signaturePem, content: Buffer.from('something else'), rootPem });
      expect(otherContent.ok).toBe(false);
    });

    it('says INTEGRITY failed after a one-byte change of the stored content (and openssl agrees)', async () => {
      const registered = await register({ title: 'Tamper', content: 'Báo cáo số liệu: 1.464.185 văn bản' });
      const id = registered.data.registerDocument.id;
      const [certificate] = await certificateOf('91.ubnd');
      await ask(SIGN, { input: { documentId: id, certificateId: certificate.id } }, provinceOfficer);
      // Someone edits the database behind the hub's back: one byte of the content changes.
      await subgraph.dataSource.getRepository(Document).update({ id }, { content: 'Báo cáo số liệu: 1.464.186 văn bản' });
      const verified = await ask(VERIFY, { id }, provinceOfficer);
      const verification = verified.data.document.verification;
      expect(verification.verdict).toBe('INVALID');
      expect(verification.signatures.edges[0].node.verdict).toBe('INTEGRITY_FAILED');
      expect(verification.signatures.edges[0].node.failed).toEqual(['INTEGRITY']);
      expect(verification.reasons[0]).toMatch(/INTEGRITY failed/);
      const openssl = opensslCmsVerify({ signaturePem: verification.signatures.edges[0].node.signature.signaturePem, content: Buffer.from(verified.data.document.contentBase64, 'base64'), rootPem });
      expect(openssl.ok).toBe(false);
    });

    it('says REVOKED for a signature made after the revocation takes effect, and keeps an earlier one valid; a revoked certificate signs no more', async () => {
      const issued = await ask(`mutation { issueCertificate(input: { kind: ORGANIZATION, agencyId: "91.so-tu-phap" }) { id } }`, {}, provinceAdmin);
      const certificateId = issued.data.issueCertificate.id;
      const registered = await register({ agencyId: '91.so-tu-phap', issuerAbbreviation: 'STP', title: 'Revocation', content: 'Văn bản của Sở Tư pháp' });
      const id = registered.data.registerDocument.id;
      const early = await ask(SIGN, { input: { documentId: id, certificateId } }, provinceOfficer);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const late = await ask(SIGN, { input: { documentId: id, certificateId } }, provinceOfficer);
      expect(late.data.signDocument.signedAt > early.data.signDocument.signedAt).toBe(true);
      // The key was compromised from the second signature on.
      const revoked = await ask(
        `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { status invalidSince } }`,
        { input: { certificateId, reason: 'KEY_COMPROMISE', invalidSince: late.data.signDocument.signedAt } },
        provinceAdmin,
      );
      expect(revoked.data.revokeCertificate.status).toBe('REVOKED');
      const verification = (await ask(VERIFY, { id }, provinceOfficer)).data.document.verification;
      expect(verification.verdict).toBe('INVALID');
      expect(verification.signatures.edges.map((edge: any) => edge.node.verdict)).toEqual(['VALID', 'REVOKED']);
      expect(verification.reasons.join('\n')).toMatch(/REVOCATION failed/);
      const before = await count(DocumentSignature);
      const again = await ask(SIGN, { input: { documentId: id, certificateId } }, provinceOfficer);
      expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
      expect(await count(DocumentSignature)).toBe(before);
    });

    it('reports CHAIN failed for a signature by a certificate from an unknown root (made with openssl)', async () => {
      const text = 'Thông báo từ một hệ thống khác';
      const registered = await register({ typeAbbreviation: 'TB', title: 'Unknown root', content: text });
      const id = registered.data.registerDocument.id;
      const signaturePem = signWithUnknownRoot(Buffer.from(text, 'utf8'));
      const attached = await ask(`mutation($input: AttachSignatureInput!) { attachSignature(input: $input) { origin signerSubject } }`, { input: { documentId: id, signaturePem } }, provinceOfficer);
      expect(attached.errors).toBeUndefined();
      expect(attached.data.attachSignature).toEqual({ origin: 'ATTACHED', signerSubject: 'CN=Impostor Signer, O=Elsewhere, C=VN' });
      const verification = (await ask(VERIFY, { id }, provinceOfficer)).data.document.verification;
      expect(verification.verdict).toBe('INVALID');
      expect(verification.signatures.edges[0].node.verdict).toBe('CHAIN_FAILED');
      expect(verification.signatures.edges[0].node.checks[0].status).toBe('PASSED');
      expect(verification.signatures.edges[0].node.checks[1].detail).toContain('Unknown Root CA');
      const before = await count(DocumentSignature);
      const wrongContent = await ask(`mutation($input: AttachSignatureInput!) { attachSignature(input: $input) { id } }`, { input: { documentId: documentId, signaturePem } }, provinceOfficer);
      expect(errorCodes(wrongContent)).toEqual(['BAD_USER_INPUT']);
      const garbage = await ask(`mutation($input: AttachSignatureInput!) { attachSignature(input: $input) { id } }`, { input: { documentId: id, signaturePem: 'not a signature' } }, provinceOfficer);
      expect(errorCodes(garbage)).toEqual(['BAD_USER_INPUT']);
      expect(await count(DocumentSignature)).toBe(before);
    });

    it("refuses to sign with someone else's certificate and writes nothing", async () => {
      const before = await count(DocumentSignature);
      const [district] = await certificateOf('905.ubnd');
      const otherAgency = await ask(SIGN, { input: { documentId, certificateId: district.id } }, provinceOfficer);
      expect(errorCodes(otherAgency)).toEqual(['FORBIDDEN']);
      const chairmanCertificate = (await certificateOf('91.ubnd', 'PERSONAL')).find((certificate: any) => certificate.official.id === '91.ubnd.cb1');
      const notTheHolder = await ask(SIGN, { input: { documentId, certificateId: chairmanCertificate.id } }, provinceOfficer);
      expect(errorCodes(notTheHolder)).toEqual(['FORBIDDEN']);
      const districtSigner = await ask(SIGN, { input: { documentId, certificateId: district.id } }, chauThanh);
      expect(errorCodes(districtSigner)).toEqual(['NOT_FOUND']);
      expect(await count(DocumentSignature)).toBe(before);
      const holder = await ask(SIGN, { input: { documentId, certificateId: chairmanCertificate.id } }, chairman);
      expect(holder.errors).toBeUndefined();
      expect(holder.data.signDocument.signerSubject).toContain('T=Chủ tịch UBND tỉnh');
      expect(await count(DocumentSignature)).toBe(before + 1);
    });
  });

  describe('exchange between agencies', () => {
    let documentId: string;
    let transfers: Record<string, string>;

    beforeAll(async () => {
      const registered = await register({ typeAbbreviation: 'KH', title: 'Kế hoạch gửi huyện, xã', content: 'KẾ HOẠCH cải cách hành chính' });
      documentId = registered.data.registerDocument.id;
    });

    it('refuses to send an unsigned document, then sends the signed one to a district and a commune (ARRIVED)', async () => {
      const before = await count(DocumentTransfer);
      const unsigned = await ask(SEND, { input: { documentId, recipientAgencyIds: ['905.ubnd'] } }, provinceOfficer);
      expect(errorCodes(unsigned)).toEqual(['CONFLICT']);
      const [certificate] = await certificateOf('91.ubnd');
      await ask(SIGN, { input: { documentId, certificateId: certificate.id } }, provinceOfficer);
      const unknown = await ask(SEND, { input: { documentId, recipientAgencyIds: ['905.ubnd', 'nowhere'] } }, provinceOfficer);
      expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
      const byDistrict = await ask(SEND, { input: { documentId, recipientAgencyIds: ['906.ubnd'] } }, chauThanh);
      expect(errorCodes(byDistrict)).toEqual(['NOT_FOUND']);
      expect(await count(DocumentTransfer)).toBe(before);
      const sent = await ask(SEND, { input: { documentId, recipientAgencyIds: ['905.ubnd', '30880.ubnd'] } }, provinceOfficer);
      expect(sent.errors).toBeUndefined();
      expect(sent.data.sendDocument.transfers.edges.map(({ node: transfer }: any) => [transfer.recipientName, transfer.recipientLevel, transfer.status, transfer.statusCode])).toEqual([
        ['UBND Huyện Châu Thành', 'DISTRICT', 'ARRIVED', '01'],
        ['UBND Thị trấn Minh Lương', 'COMMUNE', 'ARRIVED', '01'],
      ]);
      transfers = Object.fromEntries(sent.data.sendDocument.transfers.edges.map(({ node: transfer }: any) => [transfer.recipientName.includes('Huyện') ? 'district' : 'commune', transfer.id]));
      const twice = await ask(SEND, { input: { documentId, recipientAgencyIds: ['30880.ubnd'] } }, provinceOfficer);
      expect(errorCodes(twice)).toEqual(['CONFLICT']);
      expect(await count(DocumentTransfer)).toBe(before + 2);
    });

    it('lets the commune read what was sent to it (and only its own transfer); a sibling district sees nothing', async () => {
      const read = `query($id: ID!) { document(id: $id) { numberAndSymbol agencyName content transfers { edges { node { recipientName } } } verification { verdict } } }`;
      const communeView = await ask(read, { id: documentId }, commune);
      expect(communeView.errors).toBeUndefined();
      expect(communeView.data.document.agencyName).toBe('UBND Tỉnh Kiên Giang');
      expect(communeView.data.document.verification.verdict).toBe('VALID');
      expect(communeView.data.document.transfers.edges).toEqual([{ node: { recipientName: 'UBND Thị trấn Minh Lương' } }]);
      const inbox = await ask(`{ _entities(representations: [{ __typename: "Agency", id: "30880.ubnd" }]) { ... on Agency { inbox { edges { node { id status document { id } } } } } } }`, {}, commune);
      expect(inbox.data._entities[0].inbox.edges.map((edge: any) => edge.node.document.id)).toContain(documentId);
      const districtView = await ask(read, { id: documentId }, chauThanh);
      expect(districtView.data.document.transfers.edges).toHaveLength(2);

      const sibling = await ask(read, { id: documentId }, giongRieng);
      expect(sibling.data).toEqual({ document: null });
      expect(errorCodes(sibling)).toEqual(['NOT_FOUND']);
      const siblingEntity = await ask(`query($id: ID!) { _entities(representations: [{ __typename: "Document", id: $id }]) { ... on Document { title } } }`, { id: documentId }, giongRieng);
      expect(siblingEntity.data._entities).toEqual([null]);
      expect(errorCodes(siblingEntity)).toEqual(['NOT_FOUND']);
      const siblingList = await ask(`{ documents(first: 100) { edges { node { id } } } }`, {}, giongRieng);
      expect(siblingList.data.documents.edges.map((edge: any) => edge.node.id)).not.toContain(documentId);
      const siblingTransfer = await ask(`query($id: ID!) { documentTransfer(id: $id) { status } }`, { id: transfers.commune }, giongRieng);
      expect(errorCodes(siblingTransfer)).toEqual(['NOT_FOUND']);
      const siblingInbox = await ask(`{ _entities(representations: [{ __typename: "Agency", id: "30880.ubnd" }]) { ... on Agency { inbox { totalCount } issuedDocuments { totalCount } certificates { totalCount } } } }`, {}, giongRieng);
      expect(siblingInbox.data._entities[0]).toEqual({ inbox: { totalCount: 0 }, issuedDocuments: { totalCount: 0 }, certificates: { totalCount: 0 } });
    });

    it('moves a transfer through the national statuses with timestamps; an illegal move is a CONFLICT', async () => {
      const move = (status: string, who = commune, transferId = transfers.commune, note?: string) =>
        ask(MOVE, { input: { transferId, status, note } }, who);
      expect(errorCodes(await move('DONE'))).toEqual(['CONFLICT']);
      expect(errorCodes(await move('ACCEPTED', chauThanh))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await move('ACCEPTED', provinceOfficer))).toEqual(['FORBIDDEN']);
      const accepted = await move('ACCEPTED');
      expect(accepted.data.updateTransferStatus).toMatchObject({ status: 'ACCEPTED', statusCode: '03' });
      expect(accepted.data.updateTransferStatus.acceptedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(errorCodes(await move('ACCEPTED'))).toEqual(['CONFLICT']);
      expect((await move('ASSIGNED', commune, transfers.commune, 'Giao công chức văn phòng')).data.updateTransferStatus.note).toBe('Giao công chức văn phòng');
      await move('IN_PROGRESS');
      const done = await move('DONE');
      expect(done.data.updateTransferStatus).toMatchObject({ status: 'DONE', statusCode: '06' });
      expect(done.data.updateTransferStatus.doneAt >= done.data.updateTransferStatus.acceptedAt).toBe(true);
      const refused = await move('REFUSED', chauThanh, transfers.district, 'Không thuộc thẩm quyền');
      expect(refused.data.updateTransferStatus).toMatchObject({ status: 'REFUSED', statusCode: '02' });
      expect(errorCodes(await move('ACCEPTED', chauThanh, transfers.district))).toEqual(['CONFLICT']);
    });

    it("counts the hub's own transfers in the exchange statistics of the day", async () => {
      const day = today();
      const result = await ask(
        `query($day: LocalDate!) { _entities(representations: [{ __typename: "AdministrativeUnit", id: "905" }]) { ... on AdministrativeUnit { documentExchangeStats(from: $day, to: $day) { sent received byLevel { level sent received } } } } }`,
        { day },
        chauThanh,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data._entities[0].documentExchangeStats).toMatchObject({ sent: 0, received: 2 });
    });
  });

  describe('statements per request', () => {
    it('lists 50 documents with their signatures and verification in a bounded number of statements', async () => {
      for (let index = 0; index < 10; index += 1) await register({ typeAbbreviation: 'BB', title: `Biên bản ${index}` });
      const counter = statementCounter(subgraph.dataSource);
      counter.reset();
      const result = await ask(
        `{ documents(first: 50) { edges { node { id numberAndSymbol signatures { totalCount edges { node { id } } } verification { verdict signatures { edges { node { verdict } } } } } } } }`,
        {},
        nation,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.documents.edges.length).toBeGreaterThanOrEqual(50);
      // page + signatures of the page + the signers' revocation records: independent of the page size
      expect(counter.count).toBeLessThanOrEqual(4);
    });
  });
});
