import { X509Certificate } from 'node:crypto';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Certificate } from '../../services/documents/certificate/certificate';
import { authority } from '../../services/documents/pki/authority';
import { Document } from '../../services/documents/document/document';
import { keptVerifications } from '../../services/documents/signature/verification-cache';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const ISSUE = `mutation { issueCertificate(input: { kind: ORGANIZATION, agencyId: "91.so-tu-phap" }) { id certificatePem } }`;
const SIGN = `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id signedAt } }`;
const REVOKE = `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { status } }`;
const VERIFY = `query($id: ID!) { document(id: $id) { verification { verdict reasons signatures { edges { node { verdict failed chain checks { check status detail } } } } } } }`;

/**
 * Chain results are kept per certificate (pki/chain.ts) and whole verifications per signature,
 * content and revocation record (signature/verification-cache.ts); revocation is read on every
 * verification. These prove a revocation shows at once all the same, whether this process
 * revoked (its entry dropped) or another replica did (the entry kept, the record read), and
 * that a content changed in the database is verified anew.
 */
describe.each(DATABASES)('signature verification with cached chains on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who?: ReturnType<typeof principal>) =>
    querySubgraph<T>(subgraph.url, query, variables, who);
  const provinceAdmin = principal('91', 'VN/91', ['ADMIN']);
  const provinceOfficer = principal('91', 'VN/91', ['OFFICER']);
  const giongRieng = principal('906', 'VN/91/906', ['OFFICER']);
  const commune = principal('30880', 'VN/91/905/30880', ['ADMIN']);

  /** A fresh certificate of the province's Department of Justice and a document it signed; verified once, so its chain is cached. */
  async function signedAndVerified() {
    const issued = await ask(ISSUE, {}, provinceAdmin);
    expect(issued.errors).toBeUndefined();
    const { id: certificateId, certificatePem } = issued.data.issueCertificate;
    const registered = await ask(
      REGISTER,
      { input: { agencyId: '91.so-tu-phap', typeAbbreviation: 'BC', issuerAbbreviation: 'STP', title: 'Cached chain', content: `Văn bản ${certificateId}` } },
      provinceOfficer,
    );
    const documentId = registered.data.registerDocument.id;
    const signed = await ask(SIGN, { input: { documentId, certificateId } }, provinceOfficer);
    expect(signed.errors).toBeUndefined();
    const first = await ask(VERIFY, { id: documentId }, provinceOfficer);
    expect(first.data.document.verification.verdict).toBe('VALID');
    const fingerprint = new X509Certificate(certificatePem).fingerprint256;
    const trust = (await authority(subgraph.dataSource)).trust;
    expect(trust.has(fingerprint)).toBe(true);
    return { certificateId, documentId, signedAt: signed.data.signDocument.signedAt as string, fingerprint, trust };
  }

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'sigcache', ['institutions', 'documents']);
    subgraph = started.subgraphs.documents;
  });
  afterAll(() => started?.close());

  it('reports REVOKED right after revokeCertificate, though the chain was cached; the chain result is dropped', async () => {
    const { certificateId, documentId, signedAt, fingerprint, trust } = await signedAndVerified();
    const revoked = await ask(REVOKE, { input: { certificateId, reason: 'KEY_COMPROMISE', invalidSince: signedAt } }, provinceAdmin);
    expect(revoked.data.revokeCertificate.status).toBe('REVOKED');
    expect(trust.has(fingerprint)).toBe(false);
    const verification = (await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification;
    expect(verification.verdict).toBe('INVALID');
    expect(verification.signatures.edges[0].node.verdict).toBe('REVOKED');
    expect(verification.signatures.edges[0].node.failed).toEqual(['REVOCATION']);
    expect(verification.signatures.edges[0].node.checks.map((check: any) => check.status)).toEqual(['PASSED', 'PASSED', 'PASSED', 'FAILED']);
    // A second verification chains anew and still says REVOKED.
    expect((await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification.signatures.edges[0].node.verdict).toBe('REVOKED');
  });

  it('reports REVOKED when another replica revoked (only the shared record changed, the chain still cached here)', async () => {
    const { certificateId, documentId, signedAt, fingerprint, trust } = await signedAndVerified();
    // What another process of this subgraph writes when it revokes: the record, in the shared database.
    await subgraph.dataSource
      .getRepository(Certificate)
      .update({ id: certificateId }, { revokedAt: new Date().toISOString(), invalidSince: new Date(signedAt).toISOString(), revocationReason: 'KEY_COMPROMISE' });
    expect(trust.has(fingerprint)).toBe(true);
    const verification = (await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification;
    expect(verification.signatures.edges[0].node.verdict).toBe('REVOKED');
    expect(verification.reasons.join('\n')).toMatch(/REVOCATION failed/);
  });

  it('answers a repeated verification from what was kept, and verifies anew when the content or the revocation record changes underneath', async () => {
    const { certificateId, documentId, signedAt, trust } = await signedAndVerified();
    const kept = keptVerifications(trust);
    const again = (await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification;
    expect(again.verdict).toBe('VALID');
    expect(keptVerifications(trust)).toBe(kept);
    // Another replica (or someone at the database) changes the content: INTEGRITY fails at once.
    const documents = subgraph.dataSource.getRepository(Document);
    const { content } = (await documents.findOneBy({ id: documentId }))!;
    await documents.update({ id: documentId }, { content: `${content}.` });
    const altered = (await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification;
    expect(altered.verdict).toBe('INVALID');
    expect(altered.signatures.edges[0].node.verdict).toBe('INTEGRITY_FAILED');
    expect(keptVerifications(trust)).toBe(kept + 1);
    // The content as signed again: VALID, from the first verification kept.
    await documents.update({ id: documentId }, { content });
    expect((await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification.verdict).toBe('VALID');
    expect(keptVerifications(trust)).toBe(kept + 1);
    // Another replica revokes: the record read with the signature changes the key, REVOKED at once.
    await subgraph.dataSource
      .getRepository(Certificate)
      .update({ id: certificateId }, { revokedAt: new Date().toISOString(), invalidSince: new Date(signedAt).toISOString(), revocationReason: 'KEY_COMPROMISE' });
    const revoked = (await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification;
    expect(revoked.signatures.edges[0].node.verdict).toBe('REVOKED');
    expect(revoked.signatures.edges[0].node.checks.map((check: any) => check.status)).toEqual(['PASSED', 'PASSED', 'PASSED', 'FAILED']);
    // And the revocation undone in the record (a restored backup): VALID again, not a kept REVOKED.
    await subgraph.dataSource.getRepository(Certificate).update({ id: certificateId }, { revokedAt: null, invalidSince: null, revocationReason: null });
    expect((await ask(VERIFY, { id: documentId }, provinceOfficer)).data.document.verification.signatures.edges[0].node.verdict).toBe('VALID');
  });

  it('gives a principal outside the scope nothing from the verification of a document, cached or not', async () => {
    const { documentId } = await signedAndVerified();
    for (const outsider of [giongRieng, commune]) {
      const answer = await ask(VERIFY, { id: documentId }, outsider);
      expect(answer.data).toEqual({ document: null });
      expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
      const entity = await ask(
        `query($id: ID!) { _entities(representations: [{ __typename: "Document", id: $id }]) { ... on Document { verification { verdict } } } }`,
        { id: documentId },
        outsider,
      );
      expect(entity.data._entities).toEqual([null]);
      expect(errorCodes(entity)).toEqual(['NOT_FOUND']);
    }
    const anonymous = await ask(VERIFY, { id: documentId });
    expect(anonymous.data?.document ?? null).toBeNull();
    expect(anonymous.errors?.length).toBeGreaterThan(0);
  });
});
