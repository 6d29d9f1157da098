import { createHash } from 'node:crypto';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { ServiceClient } from '../../services/institutions/clients/service-client';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { basicAuth, postPersisted, requestToken } from './oauth-client';

const RECEIVE = `mutation ReceiveDossier($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id status unit { code } } }`;
const RECEIVE_HASH = createHash('sha256').update(RECEIVE).digest('hex');
const REGISTER = `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { clientSecret client { id status scopes authentication unit { code } } } }`;
const SAFELIST = `mutation($clientId: ID!, $document: String!) { safelistOperation(clientId: $clientId, document: $document) { id hash operationName } }`;
const AUDIT = `query($actor: String, $first: Int) { auditLog(actorSubject: $actor, first: $first) { totalCount edges { node {
  sequence action outcome errorCode operationName operationHash actorKind actorSubject targets actorUnit { code } targetUnit { code } } } } }`;

const dossierInput = (province: '62' | '64', clientKey: string) => ({
  clientKey,
  procedureId: `${province}-T0001`,
  unitCode: province,
  agencyId: `${province}.ttphvhcc`,
  channel: 'ONLINE',
  componentCount: 3,
  applicantName: 'Y Blông',
  applicantIdNumber: '062123456789',
});

/**
 * Issue 6, service accounts: a client registered for Kon Tum with dossiers:write gets a token
 * with the client-credentials grant and receives Kon Tum dossiers through its safelisted
 * operation only; Gia Lai and unregistered operations are refused and audited. Through the real
 * gateway over HTTP, on both databases.
 */
describe.each(DATABASES)('service clients on %s', (kind) => {
  let hub: TestHub;
  let konTumAdmin: string;
  let client: { id: string; secret: string };
  const clientRows = () => hub.subgraphs.institutions.dataSource.getRepository(ServiceClient).count();
  const dossiersOf = (unitCode: string) => hub.subgraphs.procedures.dataSource.getRepository(Dossier).countBy({ unitId: unitCode, applicantName: 'Y Blông' });
  const tokenFor = async (id: string, secret: string) => (await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' }, { authorization: basicAuth(id, secret) })).body.access_token!;

  beforeAll(async () => {
    // A one-second client cache, so the test sees revocation take effect without waiting half a minute.
    hub = await startTestHub(kind, 'access', { clientCacheSeconds: 1 });
    konTumAdmin = await hub.token('62', ['ADMIN']);
    const registered = await hub.query<any>(REGISTER, { input: { name: 'Hệ thống một cửa điện tử tỉnh Kon Tum', unitCode: '62', scopes: ['dossiers:write'] } }, konTumAdmin);
    expect(registered.errors).toBeUndefined();
    client = { id: registered.data.registerServiceClient.client.id, secret: registered.data.registerServiceClient.clientSecret };
    const listed = await hub.query<any>(SAFELIST, { clientId: client.id, document: RECEIVE }, konTumAdmin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.safelistOperation).toMatchObject({ hash: RECEIVE_HASH, operationName: 'ReceiveDossier' });
  }, 900_000);
  afterAll(() => hub?.close());

  it('registers clients for the ADMIN of the unit or above only, and refuses every bad registration without writing', async () => {
    const before = await clientRows();
    const input = { name: 'x', unitCode: '62', scopes: ['dossiers:read'] };
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['Gia Lai ADMIN for Kon Tum', await hub.token('64', ['ADMIN']), input, 'FORBIDDEN'],
      ['Kon Tum OFFICER', await hub.token('62', ['OFFICER']), input, 'FORBIDDEN'],
      ['district ADMIN for its province', await hub.token('608', ['ADMIN']), input, 'FORBIDDEN'],
      ['unknown scope', konTumAdmin, { ...input, scopes: ['dossiers:delete'] }, 'BAD_USER_INPUT'],
      ['no scope', konTumAdmin, { ...input, scopes: [] }, 'BAD_USER_INPUT'],
      ['empty name', konTumAdmin, { ...input, name: '  ' }, 'BAD_USER_INPUT'],
      ['malformed unit code', konTumAdmin, { ...input, unitCode: "62' OR '1'='1" }, 'BAD_USER_INPUT'],
      ['unknown unit', konTumAdmin, { ...input, unitCode: '99' }, 'NOT_FOUND'],
      ['not a public key', konTumAdmin, { ...input, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, 'BAD_USER_INPUT'],
    ];
    for (const [label, token, value, code] of cases) {
      expect([label, errorCodes(await hub.query(REGISTER, { input: value }, token))]).toEqual([label, [code]]);
    }
    const anonymous = await hub.query(REGISTER, { input });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await clientRows()).toBe(before);
  });

  it('refuses documents that cannot be safelisted, and another province any part of the client', async () => {
    for (const [label, document] of [
      ['not GraphQL', 'mutation {'],
      ['unnamed', '{ me { subject } }'],
      ['two operations', 'query A { me { subject } } query B { me { subject } }'],
      ['subscription', 'subscription S { me }'],
    ]) {
      expect([label, errorCodes(await hub.query(SAFELIST, { clientId: client.id, document }, konTumAdmin))]).toEqual([label, ['BAD_USER_INPUT']]);
    }
    const giaLaiAdmin = await hub.token('64', ['ADMIN']);
    const seen = await hub.query<any>(`query($id: ID!) { serviceClient(id: $id) { id } }`, { id: client.id }, giaLaiAdmin);
    expect(errorCodes(seen)).toEqual(['NOT_FOUND']);
    expect(seen.data.serviceClient).toBeNull();
    const list = await hub.query<any>(`{ serviceClients(first: 100) { edges { node { id unit { code } } } } }`, {}, giaLaiAdmin);
    expect(list.data.serviceClients.edges.map((edge: any) => edge.node.id)).not.toContain(client.id);
    for (const mutation of [
      `mutation($id: ID!) { revokeServiceClient(id: $id, reason: "x") { id } }`,
      `mutation($id: ID!) { rotateServiceClientCredentials(id: $id) { clientSecret } }`,
      `mutation($id: ID!) { safelistOperation(clientId: $id, document: "query Q { me { subject } }") { id } }`,
      `mutation($id: ID!) { removeSafelistedOperation(clientId: $id, hash: "${RECEIVE_HASH}") { id } }`,
    ]) {
      expect(errorCodes(await hub.query(mutation, { id: client.id }, giaLaiAdmin))).toEqual(['NOT_FOUND']);
    }
    const own = await hub.query<any>(`query($id: ID!) { serviceClient(id: $id) { safelistedOperations { edges { node { hash } } } } }`, { id: client.id }, konTumAdmin);
    expect(own.data.serviceClient.safelistedOperations.edges.map((edge: any) => edge.node.hash)).toEqual([RECEIVE_HASH]);
    const viewer = await hub.query(`{ serviceClients { edges { node { id } } } }`, {}, await hub.token('62', ['VIEWER']));
    expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
  });

  it('answers every bad token request as RFC 6749 §5.2 says, and a good one with a short-lived bearer token', async () => {
    const form = { grant_type: 'client_credentials' };
    const cases: [string, Record<string, string>, Record<string, string>, number, string][] = [
      ['no client authentication', form, {}, 401, 'invalid_client'],
      ['wrong secret', form, { authorization: basicAuth(client.id, 'wrong') }, 401, 'invalid_client'],
      ['unknown client', form, { authorization: basicAuth('svc-62-000000000000', client.secret) }, 401, 'invalid_client'],
      ['another grant', { grant_type: 'password' }, { authorization: basicAuth(client.id, client.secret) }, 400, 'unsupported_grant_type'],
      ['no grant', {}, { authorization: basicAuth(client.id, client.secret) }, 400, 'invalid_request'],
      ['two methods', { ...form, client_id: client.id, client_secret: client.secret }, { authorization: basicAuth(client.id, client.secret) }, 400, 'invalid_request'],
      ['scope not granted', { ...form, scope: 'documents:exchange' }, { authorization: basicAuth(client.id, client.secret) }, 400, 'invalid_scope'],
      ['malformed Basic header', form, { authorization: 'Basic !!!' }, 400, 'invalid_request'],
    ];
    for (const [label, body, headers, status, error] of cases) {
      const answer = await requestToken(hub.gatewayUrl, body, headers);
      expect([label, answer.status, answer.body.error]).toEqual([label, status, error]);
      expect(answer.body.access_token).toBeUndefined();
    }
    const wrongBasic = await requestToken(hub.gatewayUrl, form, { authorization: basicAuth(client.id, 'wrong') });
    expect(wrongBasic.headers.get('www-authenticate')).toContain('Basic');
    const json = await fetch(`${hub.gatewayUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' });
    expect([json.status, ((await json.json()) as any).error]).toEqual([400, 'invalid_request']);

    const good = await requestToken(hub.gatewayUrl, form, { authorization: basicAuth(client.id, client.secret) });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'dossiers:write' });
    expect(good.headers.get('cache-control')).toBe('no-store');
    const posted = await requestToken(hub.gatewayUrl, { ...form, client_id: client.id, client_secret: client.secret });
    expect(posted.status).toBe(200);
  });

  it('receives Kon Tum dossiers through the safelisted operation, by its text or by its hash alone', async () => {
    const token = await tokenFor(client.id, client.secret);
    const before = await dossiersOf('62');
    const byText = await hub.query<any>(RECEIVE, { input: dossierInput('62', 'portal-62-1') }, token);
    expect(byText.errors).toBeUndefined();
    expect(byText.data.receiveDossier).toMatchObject({ status: 'RECEIVED', unit: { code: '62' } });
    const byHash = await postPersisted(hub.gatewayUrl, RECEIVE_HASH, { input: dossierInput('62', 'portal-62-2') }, token);
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.receiveDossier.unit.code).toBe('62');
    expect(await dossiersOf('62')).toBe(before + 2);
  });

  it("refuses the client Gia Lai and every operation not registered for it, writes nothing, and audits each refusal", async () => {
    const token = await tokenFor(client.id, client.secret);
    const giaLai = await hub.query<any>(RECEIVE, { input: dossierInput('64', 'portal-64-1') }, token);
    expect(errorCodes(giaLai)).toEqual(['FORBIDDEN']);
    expect(giaLai.data?.receiveDossier ?? null).toBeNull();
    expect(await dossiersOf('64')).toBe(0);

    const adHoc = await hub.query<any>(`{ dossiers(first: 5) { edges { node { id applicant { name } } } } }`, {}, token);
    expect([adHoc.status, errorCodes(adHoc), adHoc.data ?? null]).toEqual([403, ['FORBIDDEN'], null]);
    // The registered text with one character changed is another operation.
    const altered = await hub.query<any>(RECEIVE.replace('status', 'status '), { input: dossierInput('62', 'portal-62-x') }, token);
    expect(errorCodes(altered)).toEqual(['FORBIDDEN']);
    const unknownHash = await postPersisted(hub.gatewayUrl, 'f'.repeat(64), {}, token);
    expect(errorCodes(unknownHash)).toEqual(['FORBIDDEN']);
    expect(await dossiersOf('62')).toBe(2);

    const entries = (await hub.query<any>(AUDIT, { actor: client.id, first: 100 }, konTumAdmin)).data.auditLog.edges.map((edge: any) => edge.node);
    const refusedGiaLai = entries.find((entry: any) => entry.action === 'mutation receiveDossier' && entry.outcome === 'REFUSED');
    expect(refusedGiaLai).toMatchObject({ errorCode: 'FORBIDDEN', actorKind: 'SERVICE', operationName: 'ReceiveDossier', operationHash: RECEIVE_HASH, targetUnit: { code: '64' } });
    expect(refusedGiaLai.targets).toEqual(expect.arrayContaining(['unitCode:64', 'clientKey:portal-64-1']));
    const gatewayRefusals = entries.filter((entry: any) => entry.action === 'operation' && entry.outcome === 'REFUSED');
    expect(gatewayRefusals.length).toBe(3);
    expect(gatewayRefusals.every((entry: any) => entry.targets.includes(`ServiceClient:${client.id}`))).toBe(true);
    // Each write was logged before it ran, and how it ended after.
    const received = entries.filter((entry: any) => entry.action === 'mutation receiveDossier');
    expect(received.map((entry: any) => entry.outcome).sort()).toEqual(['ATTEMPTED', 'ATTEMPTED', 'ATTEMPTED', 'REFUSED', 'SUCCEEDED', 'SUCCEEDED']);
    // Gia Lai's auditors see the attempt on their province, not the client's Kon Tum work.
    const giaLaiView = (await hub.query<any>(AUDIT, { actor: client.id, first: 100 }, await hub.token('64', ['INSPECTOR']))).data.auditLog.edges.map((edge: any) => edge.node);
    expect(giaLaiView.length).toBe(2);
    expect(giaLaiView.every((entry: any) => entry.targetUnit?.code === '64')).toBe(true);
  });

  it('checks each operation of a batch against the safelist alone', async () => {
    const token = await tokenFor(client.id, client.secret);
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([
        { query: '{ dossiers(first: 1) { totalCount } }' },
        { extensions: { persistedQuery: { version: 1, sha256Hash: RECEIVE_HASH } }, variables: { input: dossierInput('62', 'portal-62-batch') } },
      ]),
    });
    const answers: any = await response.json();
    expect(response.status).toBe(200);
    expect(answers[0].errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(answers[0].data ?? null).toBeNull();
    expect(answers[1].data.receiveDossier.unit.code).toBe('62');
    expect(await dossiersOf('62')).toBe(3);
  });

  it('keeps a client inside its scopes even for operations registered for it', async () => {
    const registered = await hub.query<any>(REGISTER, { input: { name: 'Cổng chỉ số', unitCode: '62', scopes: ['indicators:read'] } }, konTumAdmin);
    const { id } = registered.data.registerServiceClient.client;
    const dossiersQuery = `query PullDossiers { dossiers(first: 5) { edges { node { id } } } }`;
    const statsQuery = `query PullStats { unit(code: "62") { dossierStats(from: "2023-01-01", to: "2023-10-31") { received } } }`;
    for (const document of [dossiersQuery, statsQuery]) await hub.query(SAFELIST, { clientId: id, document }, konTumAdmin);
    const token = await tokenFor(id, registered.data.registerServiceClient.clientSecret);
    const refused = await hub.query<any>(dossiersQuery, {}, token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0].extensions!.missingScopes).toEqual(['dossiers:read']);
    const stats = await hub.query<any>(statsQuery, {}, token);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.unit.dossierStats.received).toBe(199352);
  });

  it('rotates a secret (the old one stops at once) and revokes a client (its live tokens stop within the cache time)', async () => {
    const registered = await hub.query<any>(REGISTER, { input: { name: 'Rotating', unitCode: '62', scopes: ['dossiers:write'] } }, konTumAdmin);
    const { id } = registered.data.registerServiceClient.client;
    const oldSecret = registered.data.registerServiceClient.clientSecret;
    await hub.query(SAFELIST, { clientId: id, document: RECEIVE }, konTumAdmin);
    const rotated = await hub.query<any>(`mutation($id: ID!) { rotateServiceClientCredentials(id: $id) { clientSecret client { rotatedAt } } }`, { id }, konTumAdmin);
    const newSecret = rotated.data.rotateServiceClientCredentials.clientSecret;
    expect(newSecret).not.toBe(oldSecret);
    expect((await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' }, { authorization: basicAuth(id, oldSecret) })).body.error).toBe('invalid_client');
    const token = await tokenFor(id, newSecret);
    expect((await hub.query<any>(RECEIVE, { input: dossierInput('62', 'rotated-1') }, token)).errors).toBeUndefined();

    const revoked = await hub.query<any>(`mutation($id: ID!) { revokeServiceClient(id: $id, reason: "Contract ended") { status revokedAt } }`, { id }, konTumAdmin);
    expect(revoked.data.revokeServiceClient.status).toBe('REVOKED');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const afterRevocation = await hub.query<any>(RECEIVE, { input: dossierInput('62', 'rotated-2') }, token);
    expect([afterRevocation.status, errorCodes(afterRevocation)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect((await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' }, { authorization: basicAuth(id, newSecret) })).body.error).toBe('invalid_client');
    const again = await hub.query(`mutation($id: ID!) { revokeServiceClient(id: $id, reason: "again") { id } }`, { id }, konTumAdmin);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('issues tokens for a signed client assertion (private_key_jwt), once per assertion, and only with the registered key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const registered = await hub.query<any>(
      REGISTER,
      { input: { name: 'Key client', unitCode: '62', scopes: ['dossiers:read'], publicKeyPem: await exportSPKI(publicKey) } },
      konTumAdmin,
    );
    expect(registered.errors).toBeUndefined();
    const { id, authentication } = registered.data.registerServiceClient.client;
    expect([authentication, registered.data.registerServiceClient.clientSecret]).toEqual(['PUBLIC_KEY', null]);
    const assertion = (key: Parameters<SignJWT['sign']>[0], audience = `${hub.gatewayUrl}/oauth/token`) =>
      new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(id).setSubject(id).setAudience(audience).setJti(`${Math.random()}`).setIssuedAt().setExpirationTime('60s').sign(key);
    const form = (signed: string) => ({ grant_type: 'client_credentials', client_id: id, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: signed });
    const signed = await assertion(privateKey);
    expect((await requestToken(hub.gatewayUrl, form(signed))).status).toBe(200);
    expect((await requestToken(hub.gatewayUrl, form(signed))).body.error).toBe('invalid_client');
    const stranger = await generateKeyPair('ES256');
    expect((await requestToken(hub.gatewayUrl, form(await assertion(stranger.privateKey)))).body.error).toBe('invalid_client');
    expect((await requestToken(hub.gatewayUrl, form(await assertion(privateKey, 'https://elsewhere.example/token')))).body.error).toBe('invalid_client');
    expect((await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials', client_id: id, client_secret: 'guess' })).body.error).toBe('invalid_client');
  });
});
