import { createHash } from 'node:crypto';
import { SafelistedOperation } from '../../services/institutions/clients/safelisted-operation';
import { KON_TUM_2023 } from '../procedures/figures';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { basicAuth, postPersisted, requestToken } from './oauth-client';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A persisted-documents.json as the client preset writes it: hash -> the printed document. */
const manifestOf = (...documents: string[]) => Object.fromEntries(documents.map((document) => [sha256(document), document]));

const STATS = 'query KonTumStats($from: LocalDate!, $to: LocalDate!) {\n  unit(code: "62") {\n    dossierStats(from: $from, to: $to) {\n      received\n    }\n  }\n}';
const DOSSIERS =
  'query DossierPage($first: Int) {\n  dossiers(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...DossierItem\n      }\n    }\n  }\n}\n\nfragment DossierItem on Dossier {\n  id\n  unit {\n    code\n  }\n}';
const ME = 'query WhoAmI {\n  me {\n    subject\n    kind\n  }\n}';
const UNITS = 'query Provinces {\n  units(level: PROVINCE, first: 3) {\n    totalCount\n  }\n}';
const REGISTER = `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { clientSecret client { id } } }`;
const SAFELIST_MANIFEST = `mutation($clientId: ID!, $manifest: PersistedDocumentManifest!) { safelistManifest(clientId: $clientId, manifest: $manifest) { added alreadyPresent total } }`;
const PERIOD = { from: '2023-01-01', to: '2023-10-31' };

/**
 * Issue 15, item 5: a client's ADMIN safelists a whole client-preset manifest in one mutation,
 * all or nothing; the client then runs each document by its hash, in the APQ shape or as
 * `documentId`. Through the real gateway over HTTP with a real client token, on both databases.
 */
describe.each(DATABASES)('safelisting a persisted-documents manifest on %s', (kind) => {
  let hub: TestHub;
  let konTumAdmin: string;
  let client: { id: string; secret: string };
  const rows = () => hub.subgraphs.institutions.dataSource.getRepository(SafelistedOperation).countBy({ clientId: client.id });
  const clientToken = async () =>
    (await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' }, { authorization: basicAuth(client.id, client.secret) })).body.access_token!;
  const byDocumentId = async (documentId: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
  };

  beforeAll(async () => {
    hub = await startTestHub(kind, 'manifest');
    konTumAdmin = await hub.token('62', ['ADMIN']);
    const registered = await hub.query<any>(
      REGISTER,
      { input: { name: 'Cổng dữ liệu tỉnh Kon Tum', unitCode: '62', scopes: ['dossiers:read', 'indicators:read'] } },
      konTumAdmin,
    );
    expect(registered.errors).toBeUndefined();
    client = { id: registered.data.registerServiceClient.client.id, secret: registered.data.registerServiceClient.clientSecret };
  }, 900_000);
  afterAll(() => hub?.close());

  it('safelists a whole manifest in one mutation, and says what was added and what was there already', async () => {
    const first = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest: manifestOf(STATS, DOSSIERS) }, konTumAdmin);
    expect(first.errors).toBeUndefined();
    expect(first.data.safelistManifest).toEqual({ added: 2, alreadyPresent: 0, total: 2 });
    const again = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest: manifestOf(STATS, DOSSIERS, ME) }, konTumAdmin);
    expect(again.data.safelistManifest).toEqual({ added: 1, alreadyPresent: 2, total: 3 });
    expect(await rows()).toBe(3);
    const listed = await hub.query<any>(
      `query($id: ID!) { serviceClient(id: $id) { safelistedOperations(first: 10) { edges { node { hash operationName } } } } }`,
      { id: client.id },
      konTumAdmin,
    );
    expect(listed.data.serviceClient.safelistedOperations.edges.map((edge: any) => edge.node).sort((a: any, b: any) => a.operationName.localeCompare(b.operationName))).toEqual([
      { hash: sha256(DOSSIERS), operationName: 'DossierPage' },
      { hash: sha256(STATS), operationName: 'KonTumStats' },
      { hash: sha256(ME), operationName: 'WhoAmI' },
    ]);
  });

  it('runs each document for the client by its hash: APQ extension, documentId, documentId with sha256: prefix', async () => {
    const token = await clientToken();
    const apq = await postPersisted(hub.gatewayUrl, sha256(STATS), PERIOD, token);
    expect(apq.errors).toBeUndefined();
    expect(apq.data.unit.dossierStats.received).toBe(KON_TUM_2023.received);
    const documentId = await byDocumentId(sha256(STATS), PERIOD, token);
    expect(documentId.errors).toBeUndefined();
    expect(documentId.data.unit.dossierStats.received).toBe(KON_TUM_2023.received);
    const prefixed = await byDocumentId(`sha256:${sha256(DOSSIERS)}`, { first: 5 }, token);
    expect(prefixed.errors).toBeUndefined();
    expect(prefixed.data.dossiers.edges).toHaveLength(5);
    // The client's scope is Kon Tum's: as many dossiers as a Kon Tum official sees.
    const konTum = await hub.query<any>('{ dossiers(first: 1) { totalCount } }', {}, await hub.token('62', ['OFFICER']));
    expect(prefixed.data.dossiers.totalCount).toBe(konTum.data.dossiers.totalCount);
    const unknown = await byDocumentId(sha256(UNITS), {}, token);
    expect(unknown.status).toBe(403);
    expect(errorCodes(unknown as any)).toEqual(['FORBIDDEN']);
    expect(unknown.data ?? null).toBeNull();
  });

  it('exports a safelisted operation as a spreadsheet for the client, sent by its hash alone', async () => {
    const response = await fetch(`${hub.gatewayUrl}/export?format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await clientToken()}` },
      body: JSON.stringify({ documentId: sha256(STATS), variables: PERIOD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="KonTumStats.csv"');
    expect(await response.text()).toBe(`Field,Value\r\nunit.dossierStats.received,${KON_TUM_2023.received}\r\n`);
    const unlisted = await fetch(`${hub.gatewayUrl}/export?format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await clientToken()}` },
      body: JSON.stringify({ query: UNITS }),
    });
    expect(unlisted.status).toBe(403);
  });

  it('writes nothing when any entry is bad, and names the entry', async () => {
    const before = await rows();
    const good = manifestOf(UNITS);
    const mismatched = { ...good, [sha256(ME)]: 'query WhoAmIChanged {\n  me {\n    subject\n  }\n}' };
    const cases: [string, unknown, RegExp][] = [
      ['a key that is not the hash of its document', mismatched, new RegExp(`manifest entry ${sha256(ME)}: the SHA-256 of its document is`)],
      ['a document that is not GraphQL', { ...good, ...manifestOf('query Broken {') }, new RegExp(`manifest entry ${sha256('query Broken {')}: document is not valid GraphQL`)],
      ['an unnamed operation', { ...good, ...manifestOf('{ me { subject } }') }, /must be named/],
      ['two operations in one document', { ...good, ...manifestOf('query A { me { subject } } query B { me { subject } }') }, /exactly one operation/],
      ['a key that is not a SHA-256', { ...good, 'not-a-hash': 'query X { me { subject } }' }, /"not-a-hash" is not a SHA-256/],
      ['a value that is not text', { ...good, [sha256('x')]: 42 }, /must be a string/],
      ['an empty manifest', {}, /1 to 500 documents/],
    ];
    for (const [label, manifest, reason] of cases) {
      const result = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest }, konTumAdmin);
      expect([label, result.status < 500, errorCodes(result), result.data?.safelistManifest ?? null]).toEqual([label, true, ['BAD_USER_INPUT'], null]);
      expect([label, result.errors![0].message]).toEqual([label, expect.stringMatching(reason)]);
    }
    const notAnObject = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest: [STATS] }, konTumAdmin);
    expect(notAnObject.status).toBeLessThan(500);
    expect(errorCodes(notAnObject)).toEqual(['BAD_USER_INPUT']);
    expect(await rows()).toBe(before);
  });

  it('lets no one but an ADMIN of the client\'s unit or above safelist for it: another province, an OFFICER, the client itself', async () => {
    const before = await rows();
    const manifest = manifestOf(UNITS);
    const giaLai = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest }, await hub.token('64', ['ADMIN']));
    expect(errorCodes(giaLai)).toEqual(['NOT_FOUND']);
    expect(giaLai.data?.safelistManifest ?? null).toBeNull();
    const officer = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest }, await hub.token('62', ['OFFICER']));
    expect(errorCodes(officer)).toEqual(['FORBIDDEN']);
    const itself = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest }, await clientToken());
    expect(errorCodes(itself)).toEqual(['FORBIDDEN']);
    expect(await rows()).toBe(before);
    const national = await hub.query<any>(SAFELIST_MANIFEST, { clientId: client.id, manifest }, await hub.token('VN', ['ADMIN']));
    expect(national.data.safelistManifest).toEqual({ added: 1, alreadyPresent: 0, total: 1 });
  });
});
