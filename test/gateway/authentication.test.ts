import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { DEFAULT_AUDIENCE, DEV_TOKEN_ISSUER } from '../../gateway/config';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

const IDP_ISSUER = 'https://idp.example.gov.vn';
const CLAIMS = { name: 'Cán bộ Châu Thành', unit: '905', roles: ['OFFICER'], kind: 'USER' };
const PRIVATE_QUERY = '{ me { subject unit { code } } agencies(first: 1) { totalCount } }';
const now = () => Math.floor(Date.now() / 1000);

function sign(payload: JWTPayload, key: Uint8Array | KeyLike, alg: string, options: {
  issuer?: string; audience?: string; expires?: number; notBefore?: number;
} = {}) {
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg })
    .setSubject('officer-905')
    .setIssuer(options.issuer ?? DEV_TOKEN_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? now() + 600);
  if (options.notBefore) jwt.setNotBefore(options.notBefore);
  return jwt.sign(key);
}

const devKey = () => new TextEncoder().encode(process.env.HUB_DEV_JWT_SECRET!);
const unsigned = (payload: object) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

/**
 * Tokens really signed and verified, through the real gateway over HTTP: every bad token is
 * refused with UNAUTHENTICATED and no data, before any subgraph is asked.
 */
describe('gateway authentication', () => {
  let hub: TestHub;
  let jwksServer: Server;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    // An outside identity provider publishing its EC key as a JWKS, on loopback.
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(ec.publicKey)), alg: 'ES256', use: 'sig', kid: 'ec-1' }] });
    jwksServer = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(jwks));
    await new Promise<void>((done) => jwksServer.listen(0, '127.0.0.1', done));
    hub = await startTestHub('sqlite', 'auth', {
      identityProvider: {
        issuer: IDP_ISSUER,
        publicKeyPem: await exportSPKI(rsa.publicKey),
        algorithms: ['RS256'],
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    jwksServer?.close();
  });

  async function expectRefused(token: string, reason: RegExp) {
    const result = await hub.query(PRIVATE_QUERY, {}, token);
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0].message).toMatch(reason);
  }

  it('accepts a development token and an outside provider RS256 token alike', async () => {
    const dev = await hub.query(PRIVATE_QUERY, {}, await sign(CLAIMS, devKey(), 'HS256'));
    expect(dev.errors).toBeUndefined();
    expect(dev.data).toMatchObject({ me: { subject: 'officer-905', unit: { code: '905' } } });
    const outside = await hub.query(PRIVATE_QUERY, {}, await sign(CLAIMS, rsa.privateKey, 'RS256', { issuer: IDP_ISSUER }));
    expect(outside.errors).toBeUndefined();
    expect(outside.data).toMatchObject({ me: { unit: { code: '905' } } });
  });

  it('accepts ES256 tokens from a provider configured by JWKS URL', async () => {
    const jwksHub = await startTestHub('sqlite', 'jwks', {
      identityProvider: { issuer: IDP_ISSUER, jwksUrl: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`, algorithms: ['ES256'] },
    });
    try {
      const token = await new SignJWT(CLAIMS).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).setSubject('ec-user')
        .setIssuer(IDP_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime('5m').sign(ec.privateKey);
      const result = await jwksHub.query('{ me { subject } }', {}, token);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ me: { subject: 'ec-user' } });
      const wrongKey = await new SignJWT(CLAIMS).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).setSubject('ec-user')
        .setIssuer(IDP_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime('5m').sign((await generateKeyPair('ES256')).privateKey);
      expect(errorCodes(await jwksHub.query('{ me { subject } }', {}, wrongKey))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await jwksHub.close();
    }
  });

  it('refuses a token signed with the wrong key', async () =>
    expectRefused(await sign(CLAIMS, new TextEncoder().encode('not-the-hub-secret-not-the-hub-secret'), 'HS256'), /signature/));

  it('refuses alg: none', () => expectRefused(unsigned({ ...CLAIMS, sub: 'x', iss: DEV_TOKEN_ISSUER, aud: DEFAULT_AUDIENCE, exp: now() + 600 }), /none/));

  it('refuses an HS256 token keyed with the provider public key (algorithm confusion)', async () => {
    const pem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    await expectRefused(await sign(CLAIMS, pem, 'HS256', { issuer: IDP_ISSUER }), /rejected/);
  });

  it('refuses an expired token', async () => expectRefused(await sign(CLAIMS, devKey(), 'HS256', { expires: now() - 60 }), /exp/));

  it('keeps a verified token no longer than its exp: accepted while valid, refused once expired', async () => {
    // Expires in 2 s: used twice while valid (the second from the verified tokens kept), then after.
    const token = await sign(CLAIMS, devKey(), 'HS256', { expires: now() + 2 });
    for (let use = 0; use < 2; use += 1) {
      const result = await hub.query<any>(PRIVATE_QUERY, {}, token);
      expect(result.status).toBe(200);
      expect(result.data.me.subject).toBe('officer-905');
    }
    await new Promise((done) => setTimeout(done, 3_500));
    await expectRefused(token, /exp/);
  });

  it('verifies afresh a kept token changed in one byte of its signature: refused', async () => {
    const token = await sign(CLAIMS, devKey(), 'HS256');
    expect((await hub.query<any>(PRIVATE_QUERY, {}, token)).status).toBe(200);
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expectRefused(`${header}.${payload}.${flipped}`, /signature/);
    // The good one still passes.
    expect((await hub.query<any>(PRIVATE_QUERY, {}, token)).status).toBe(200);
  });

  it('refuses a token that is not yet valid', async () =>
    expectRefused(await sign(CLAIMS, devKey(), 'HS256', { notBefore: now() + 3600 }), /nbf/));

  it('refuses a token for another audience', async () =>
    expectRefused(await sign(CLAIMS, devKey(), 'HS256', { audience: 'another-system' }), /aud/));

  it('refuses a token from an unexpected issuer', async () =>
    expectRefused(await sign(CLAIMS, rsa.privateKey, 'RS256', { issuer: 'https://evil.example' }), /iss/));

  it('refuses a token for a unit that does not exist', async () =>
    expectRefused(await sign({ ...CLAIMS, unit: '99999' }, devKey(), 'HS256'), /unit "99999" does not exist/));

  it('refuses unknown roles, a missing unit and a malformed header', async () => {
    await expectRefused(await sign({ ...CLAIMS, roles: ['SUPERUSER'] }, devKey(), 'HS256'), /roles/);
    await expectRefused(await sign({ ...CLAIMS, unit: undefined }, devKey(), 'HS256'), /unit/);
    const malformed = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: PRIVATE_QUERY }),
    });
    expect(malformed.status).toBe(401);
  });

  it('refuses a bad token even for a query of public data only', async () => {
    const result = await hub.query('{ unit(code: "91") { name } }', {}, 'garbage');
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
  });

  it('serves public data with no token and refuses the rest with UNAUTHENTICATED', async () => {
    const result = await hub.query('{ unit(code: "91") { name } agencies { totalCount } }');
    expect(result.data).toEqual({ unit: { name: 'Kiên Giang' }, agencies: null });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
