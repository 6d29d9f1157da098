import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSubgraphFrom, type RunningSubgraph } from '../../services/core/subgraph-definition';
import { documents } from '../../services/documents';
import { CA_ENV } from '../../services/documents/pki/authority';
import { newRsaKeyPair } from '../../services/documents/pki/keys';
import { issueX509, newSerial } from '../../services/documents/pki/x509';
import { institutions } from '../../services/institutions';
import { DATABASES, freshDatabaseUrl } from '../support/databases';
import { principal, querySubgraph } from '../support/subgraph-client';
import { opensslCmsVerify, signWithUnknownRoot } from './openssl';

/** An outside CA (for example the national one) configured instead of the hub's own. */
async function outsideAuthority(folder: string) {
  const [rootKeys, issuingKeys] = await Promise.all([newRsaKeyPair(), newRsaKeyPair()]);
  const notBefore = new Date('2015-01-01T00:00:00Z');
  const notAfter = new Date('2040-01-01T00:00:00Z');
  const rootPem = issueX509({
    subject: { commonName: 'Root CA Chuyên dùng Chính phủ (test)', organization: 'Ban Cơ yếu Chính phủ' },
    publicKeyPem: rootKeys.publicKeyPem,
    selfKeyPem: rootKeys.privateKeyPem,
    serial: newSerial(),
    notBefore,
    notAfter,
    authority: { pathLength: 1 },
  });
  const issuingPem = issueX509({
    subject: { commonName: 'CA phục vụ các cơ quan nhà nước (test)', organization: 'Ban Cơ yếu Chính phủ' },
    publicKeyPem: issuingKeys.publicKeyPem,
    issuer: { certificatePem: rootPem, privateKeyPem: rootKeys.privateKeyPem },
    serial: newSerial(),
    notBefore,
    notAfter,
    authority: { pathLength: 0 },
  });
  writeFileSync(join(folder, 'root.pem'), rootPem);
  writeFileSync(join(folder, 'issuing.pem'), issuingPem);
  writeFileSync(join(folder, 'issuing.key'), issuingKeys.privateKeyPem, { mode: 0o600 });
  return rootPem;
}

describe.each(DATABASES)('documents with an outside root configured, on %s', (kind) => {
  let institutionsSubgraph: RunningSubgraph;
  let subgraph: RunningSubgraph;
  let rootPem: string;
  const officer = principal('91', 'VN/91', ['OFFICER']);

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hub-outside-ca-'));
    rootPem = await outsideAuthority(folder);
    institutionsSubgraph = await startSubgraphFrom(institutions, { databaseUrl: await freshDatabaseUrl(kind, 'oca_inst'), port: 0 });
    const settings = { [CA_ENV.root]: 'root.pem', [CA_ENV.issuingCert]: 'issuing.pem', [CA_ENV.issuingKey]: 'issuing.key' };
    for (const [name, file] of Object.entries(settings)) process.env[name] = join(folder, file);
    try {
      subgraph = await startSubgraphFrom(documents, {
        databaseUrl: await freshDatabaseUrl(kind, 'oca_docs'),
        port: 0,
        institutionsUrl: `${institutionsSubgraph.url}/graphql`,
      });
    } finally {
      for (const name of Object.keys(settings)) delete process.env[name];
    }
  });
  afterAll(async () => {
    await subgraph?.close();
    await institutionsSubgraph?.close();
  });

  it('issues and signs under the configured CA, makes none of its own, and openssl verifies against the outside root', async () => {
    const ca = await querySubgraph<any>(subgraph.url, `{ certificateAuthority { source rootCertificatePem } }`, {}, officer);
    expect(ca.data.certificateAuthority).toEqual({ source: 'CONFIGURED', rootCertificatePem: rootPem });
    const authorityRows = await subgraph.dataSource.query('SELECT COUNT(*) AS n FROM ca_authority');
    expect(Number(authorityRows[0].n)).toBe(0);

    const registered = await querySubgraph<any>(
      subgraph.url,
      `mutation { registerDocument(input: { agencyId: "91.ubnd", typeAbbreviation: "TB", issuerAbbreviation: "UBND", title: "Thông báo", content: "Nội dung thông báo" }) { id } }`,
      {},
      officer,
    );
    const id = registered.data.registerDocument.id;
    const certificates = await querySubgraph<any>(
      subgraph.url,
      `{ _entities(representations: [{ __typename: "Agency", id: "91.ubnd" }]) { ... on Agency { certificates(kind: ORGANIZATION) { edges { node { id issuer } } } } } }`,
      {},
      officer,
    );
    const certificate = certificates.data._entities[0].certificates.edges[0].node;
    expect(certificate.issuer).toContain('CA phục vụ các cơ quan nhà nước (test)');
    await querySubgraph<any>(subgraph.url, `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id } }`, { input: { documentId: id, certificateId: certificate.id } }, officer);
    // A signature from a root nobody configured stays untrusted beside it.
    await querySubgraph<any>(
      subgraph.url,
      `mutation($input: AttachSignatureInput!) { attachSignature(input: $input) { id } }`,
      { input: { documentId: id, signaturePem: signWithUnknownRoot(Buffer.from('Nội dung thông báo', 'utf8')) } },
      officer,
    );
    const verified = await querySubgraph<any>(
      subgraph.url,
      `query($id: ID!) { document(id: $id) { contentBase64 verification { verdict signatures { edges { node { verdict chain signature { origin signaturePem } } } } } } }`,
      { id },
      officer,
    );
    const signatures = verified.data.document.verification.signatures.edges.map((edge: any) => edge.node);
    const own = signatures.find((entry: any) => entry.signature.origin === 'HUB');
    const foreign = signatures.find((entry: any) => entry.signature.origin === 'ATTACHED');
    expect(own.verdict).toBe('VALID');
    expect(own.chain[2]).toBe('CN=Root CA Chuyên dùng Chính phủ (test), O=Ban Cơ yếu Chính phủ, C=VN');
    expect(foreign.verdict).toBe('CHAIN_FAILED');
    const openssl = opensslCmsVerify({ signaturePem: own.signature.signaturePem, content: Buffer.from(verified.data.document.contentBase64, 'base64'), rootPem });
    expect(openssl.output).toContain('Verification successful');
    expect(openssl.ok).toBe(true);
  });
});
