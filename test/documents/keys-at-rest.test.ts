import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startSubgraphFrom, type RunningSubgraph } from '../../services/core/subgraph-definition';
import { CertificateKey } from '../../services/documents/certificate/certificate-key';
import { documents } from '../../services/documents';
import { AuthorityRecord } from '../../services/documents/pki/authority-record';
import { keyEncryptionKey } from '../../services/core/secrets';
import { authorityKeyPlace, holderKeyPlace, openPrivateKey, sealedWith } from '../../services/documents/pki/key-envelope';
import { DATABASES, seededDatabaseUrl } from '../support/databases';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const SIGN = `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id signerSubject } }`;
const VERIFY = `query($id: ID!) { document(id: $id) { verification { verdict signatures { edges { node { verdict } } } } } }`;
const CERTIFICATES = `{ _entities(representations: [{ __typename: "Agency", id: "91.ubnd" }]) {
  ... on Agency { certificates(kind: ORGANIZATION, first: 1) { edges { node { id } } } } } }`;

/** Every text cell of every table of the database (from the database's own catalogue) that contains `needle`, as `table.column`. */
async function cellsContaining(dataSource: DataSource, needle: string): Promise<string[]> {
  const found: string[] = [];
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const columns: { tableName: string; columnName: string }[] = sqlite
    ? (
        await Promise.all(
          ((await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)) as { name: string }[]).map(async ({ name }) =>
            ((await dataSource.query(`SELECT name FROM pragma_table_info('${name}')`)) as { name: string }[]).map((column) => ({ tableName: name, columnName: column.name })),
          ),
        )
      ).flat()
    : await dataSource.query(
        'SELECT table_name AS tableName, column_name AS columnName FROM information_schema.columns WHERE table_schema = DATABASE()',
      );
  expect(columns.length).toBeGreaterThan(20);
  const quote = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
  for (const { tableName, columnName } of columns) {
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${quote(tableName)} WHERE CAST(${quote(columnName)} AS CHAR) LIKE ?`, [`%${needle}%`]);
    if (Number(n) > 0) found.push(`${tableName}.${columnName}`);
  }
  return found.sort();
}

/** The documents subgraph keeps its private keys sealed under the key-encryption key (issue 11, item 12). */
describe.each(DATABASES)('private keys at rest in the documents database, on %s', (kind) => {
  let institutions: TestSubgraphs;
  let databaseUrl: string;
  let subgraph: RunningSubgraph | undefined;
  const officer = principal('91', 'VN/91', ['OFFICER']);
  const start = async () => {
    subgraph = await startSubgraphFrom(documents, { databaseUrl, port: 0, institutionsUrl: institutions.urls.institutions });
    return subgraph;
  };
  const stop = async () => {
    await subgraph?.close();
    subgraph = undefined;
  };
  const ask = (query: string, variables: Record<string, unknown> = {}) => querySubgraph<any>(subgraph!.url, query, variables, officer);

  /** Registers a document and signs it with Kiên Giang People's Committee's certificate; the verification is VALID. */
  const signAndVerify = async () => {
    const registered = await ask(REGISTER, {
      input: { agencyId: '91.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: 'Báo cáo khóa', content: 'Nội dung ký số' },
    });
    expect(registered.errors).toBeUndefined();
    const certificates = await querySubgraph<any>(subgraph!.url, CERTIFICATES, {}, principal('91', 'VN/91', ['ADMIN']));
    const certificateId = certificates.data._entities[0].certificates.edges[0].node.id;
    const signed = await ask(SIGN, { input: { documentId: registered.data.registerDocument.id, certificateId } });
    expect(signed.errors).toBeUndefined();
    const verified = await ask(VERIFY, { id: registered.data.registerDocument.id });
    expect(verified.data.document.verification).toEqual({ verdict: 'VALID', signatures: { edges: [{ node: { verdict: 'VALID' } }] } });
    return certificateId as string;
  };

  beforeAll(async () => {
    institutions = await startSubgraphs(kind, 'keysatrest', ['institutions']);
    databaseUrl = await seededDatabaseUrl(kind, 'documents', 'keysatrest');
  });
  afterAll(async () => {
    await stop();
    await institutions?.close();
  });

  it('holds no PEM private key in any table, and signs end to end with the sealed keys', async () => {
    await start();
    expect(await cellsContaining(subgraph!.dataSource, 'PRIVATE KEY')).toEqual([]);
    expect(await subgraph!.dataSource.getRepository(CertificateKey).count()).toBe(383);
    await signAndVerify();
    expect(await cellsContaining(subgraph!.dataSource, 'PRIVATE KEY')).toEqual([]);
  });

  it('seals at start the keys of a database from before sealing, in place, and signs with them', async () => {
    const dataSource = subgraph!.dataSource;
    const keys = dataSource.getRepository(CertificateKey);
    const rows = await keys.find({ take: 5, order: { certificateId: 'ASC' } });
    // The database as an older hub left it: PEM in the key columns.
    for (const row of rows) await keys.update({ certificateId: row.certificateId }, { sealedPrivateKey: openPrivateKey(row.sealedPrivateKey, holderKeyPlace(row.certificateId)) });
    const [ca] = await dataSource.getRepository(AuthorityRecord).find();
    await dataSource.getRepository(AuthorityRecord).update(
      { id: ca.id },
      {
        rootPrivateKeySealed: openPrivateKey(ca.rootPrivateKeySealed, authorityKeyPlace(ca.id, 'root')),
        issuingPrivateKeySealed: openPrivateKey(ca.issuingPrivateKeySealed, authorityKeyPlace(ca.id, 'issuing')),
      },
    );
    expect(await cellsContaining(dataSource, 'PRIVATE KEY')).toEqual(['ca_authority.issuingPrivateKeyPem', 'ca_authority.rootPrivateKeyPem', 'certificate_key.privateKeyPem']);
    await stop();

    await start();
    expect(await cellsContaining(subgraph!.dataSource, 'PRIVATE KEY')).toEqual([]);
    await signAndVerify();
  });

  it('refuses to start with another key-encryption key, saying which key the database needs, and seals nothing under it; a malformed key makes /health 503', async () => {
    const keys = () => subgraph!.dataSource.getRepository(CertificateKey);
    const [row] = await keys().find({ take: 1, order: { certificateId: 'DESC' } });
    const pem = openPrivateKey(row.sealedPrivateKey, holderKeyPlace(row.certificateId));
    await keys().update({ certificateId: row.certificateId }, { sealedPrivateKey: pem });
    await stop();
    const saved = process.env.HUB_KEY_ENCRYPTION_KEY;
    try {
      process.env.HUB_KEY_ENCRYPTION_KEY = randomBytes(32).toString('base64');
      await expect(start()).rejects.toThrow(/was sealed with .*key-encryption key \(?[0-9a-f]{8}\)?, but HUB_KEY_ENCRYPTION_KEY is key [0-9a-f]{8}/);
      delete process.env.HUB_KEY_ENCRYPTION_KEY;
      await start();
      // The plaintext row was left for the right key, which sealed it now.
      const resealed = await keys().findOneByOrFail({ certificateId: row.certificateId });
      expect(openPrivateKey(resealed.sealedPrivateKey, holderKeyPlace(row.certificateId))).toBe(pem);
      expect((await fetch(`${subgraph!.url}/health`)).status).toBe(200);
      process.env.HUB_KEY_ENCRYPTION_KEY = 'too-short';
      const health = await fetch(`${subgraph!.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'down', service: 'documents', error: expect.stringMatching(/HUB_KEY_ENCRYPTION_KEY must be 32 bytes/) });
    } finally {
      if (saved === undefined) delete process.env.HUB_KEY_ENCRYPTION_KEY;
      else process.env.HUB_KEY_ENCRYPTION_KEY = saved;
    }
    expect((await fetch(`${subgraph!.url}/health`)).status).toBe(200);
  });

  it('rotates the key-encryption key: given the old one as HUB_KEY_ENCRYPTION_KEY_PREVIOUS, a start reseals every key under the new one', async () => {
    const saved = { current: process.env.HUB_KEY_ENCRYPTION_KEY, previous: process.env.HUB_KEY_ENCRYPTION_KEY_PREVIOUS };
    const sealedUnder = async () => {
      const ids = new Set<string | undefined>();
      for (const row of await subgraph!.dataSource.getRepository(CertificateKey).find()) ids.add(sealedWith(row.sealedPrivateKey));
      for (const record of await subgraph!.dataSource.getRepository(AuthorityRecord).find()) {
        ids.add(sealedWith(record.rootPrivateKeySealed));
        ids.add(sealedWith(record.issuingPrivateKeySealed));
      }
      return [...ids];
    };
    try {
      const old = keyEncryptionKey();
      expect(await sealedUnder()).toEqual([old.id]);
      await stop();
      process.env.HUB_KEY_ENCRYPTION_KEY = randomBytes(32).toString('hex');
      process.env.HUB_KEY_ENCRYPTION_KEY_PREVIOUS = old.key.toString('base64');
      const fresh = keyEncryptionKey();
      await start();
      expect(await sealedUnder()).toEqual([fresh.id]);
      await signAndVerify();
      await stop();
      delete process.env.HUB_KEY_ENCRYPTION_KEY_PREVIOUS;
      await start();
      await signAndVerify();
      expect(await cellsContaining(subgraph!.dataSource, 'PRIVATE KEY')).toEqual([]);
    } finally {
      await stop();
      for (const [name, value] of [['HUB_KEY_ENCRYPTION_KEY', saved.current], ['HUB_KEY_ENCRYPTION_KEY_PREVIOUS', saved.previous]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
