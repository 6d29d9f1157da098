import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { claimMappingFromEnv } from '../../gateway/config';
import { parseRoleMap } from '../../gateway/auth/provider-claims';
import { KON_TUM_2023 } from '../procedures/figures';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

const HUB_CLIENT = 'gov-hub';
const STATS = (code: string) => `{ unit(code: "${code}") { dossierStats(from: "2023-01-01", to: "2023-10-31") { received } } }`;

/**
 * A Keycloak realm as it is: RS256 tokens from a JWKS on loopback, `aud: account` with the hub as
 * `azp`, roles under `realm_access.roles` and `resource_access.<client>.roles`, the unit in a
 * custom claim. The gateway is configured to read them, and they go through it over HTTP.
 */
describe('outside identity provider with its own claims (Keycloak)', () => {
  let hub: TestHub;
  let jwksServer: Server;
  let jwksPort: number;
  let issuer: string;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: string;

  const startJwks = () =>
    new Promise<void>((done) => {
      jwksServer = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(jwks));
      jwksServer.listen(jwksPort, '127.0.0.1', () => {
        jwksPort = (jwksServer.address() as AddressInfo).port;
        done();
      });
    });
  const stopJwks = () => new Promise<void>((done) => jwksServer.close(() => done()));

  /** An access token shaped as Keycloak 2x issues it. */
  const keycloakToken = (claims: JWTPayload = {}) =>
    new SignJWT({
      typ: 'Bearer',
      azp: HUB_CLIENT,
      scope: 'openid profile email',
      preferred_username: 'nguyen.van.an',
      name: 'Nguyễn Văn An',
      realm_access: { roles: ['offline_access', 'uma_authorization', 'hub-viewer'] },
      resource_access: { account: { roles: ['manage-account'] } },
      hub_unit: '62',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'kc-rsa-1', typ: 'JWT' })
      .setSubject('0f6c2a4e-1b7d-4f0e-9d6a-1c2b3d4e5f60')
      .setIssuer(issuer)
      .setAudience('account')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(rsa.privateKey);

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    jwks = JSON.stringify({ keys: [{ ...(await exportJWK(rsa.publicKey)), alg: 'RS256', use: 'sig', kid: 'kc-rsa-1' }] });
    jwksPort = 0;
    await startJwks();
    issuer = `http://127.0.0.1:${jwksPort}/realms/gov`;
    hub = await startTestHub('sqlite', 'idp', {
      identityProvider: {
        issuer,
        jwksUrl: `http://127.0.0.1:${jwksPort}/realms/gov/protocol/openid-connect/certs`,
        algorithms: ['RS256'],
        claims: {
          unitClaim: 'hub_unit',
          rolesClaims: ['realm_access.roles', `resource_access.${HUB_CLIENT}.roles`],
          roleMap: parseRoleMap('hub-viewer=VIEWER, hub-officer=OFFICER, hub-admin=ADMIN'),
        },
      },
    });
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    if (jwksServer?.listening) await stopJwks();
  });

  // First, while the gateway has fetched no key yet: the provider being down is not the caller's fault.
  it('answers 503 SERVICE_UNAVAILABLE, naming no address, while the JWKS cannot be fetched; 200 once it is back', async () => {
    const token = await keycloakToken();
    await stopJwks();
    const down = await hub.query('{ me { subject } }', {}, token);
    expect(down.status).toBe(503);
    expect(down.data ?? null).toBeNull();
    expect(errorCodes(down)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(down.errors![0].message).toMatch(/identity provider/);
    expect(JSON.stringify(down.errors)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${jwksPort}|http:`));
    await startJwks();
    const up = await hub.query<any>('{ me { subject } }', {}, token);
    expect(up.errors).toBeUndefined();
    expect(up.data.me.subject).toBe('0f6c2a4e-1b7d-4f0e-9d6a-1c2b3d4e5f60');
  });

  it('reads Kon Tum through a Keycloak token for Kon Tum, with its mapped roles, and nothing of Gia Lai', async () => {
    const token = await keycloakToken();
    const me = await hub.query<any>('{ me { name kind roles unit { code name } } }', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toEqual({ name: 'Nguyễn Văn An', kind: 'USER', roles: ['VIEWER'], unit: { code: '62', name: 'Kon Tum' } });

    const own = await hub.query<any>(STATS('62'), {}, token);
    expect(own.errors).toBeUndefined();
    expect(own.data.unit.dossierStats.received).toBe(KON_TUM_2023.received);

    const giaLai = await hub.query<any>(STATS('64'), {}, token);
    expect(errorCodes(giaLai)).toEqual(['FORBIDDEN']);
    expect(giaLai.data.unit.dossierStats).toBeNull();
    const giaLaiList = await hub.query<any>('{ unit(code: "64") { dossiers(first: 5) { totalCount } } }', {}, token);
    expect(giaLaiList.data.unit.dossiers.totalCount).toBe(0);
    const list = await hub.query<any>('{ dossiers(first: 50) { totalCount edges { node { unit { path } } } } }', {}, token);
    expect(list.errors).toBeUndefined();
    expect(list.data.dossiers.totalCount).toBeGreaterThan(0);
    expect(list.data.dossiers.edges.every((edge: any) => /^VN\/62(\/|$)/.test(edge.node.unit.path))).toBe(true);
  });

  it('reads a client role under resource_access.<client>.roles, and ignores what the map does not name', async () => {
    const token = await keycloakToken({
      realm_access: { roles: ['offline_access', 'hub-superuser'] },
      resource_access: { [HUB_CLIENT]: { roles: ['hub-officer', 'something-else'] }, account: { roles: ['hub-admin'] } },
    });
    const me = await hub.query<any>('{ me { roles } }', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data.me.roles).toEqual(['OFFICER']);
  });

  it('takes the unit and roles from the configured claims only: hub-style `unit`/`roles` claims beside them change nothing', async () => {
    const token = await keycloakToken({ unit: '64', roles: ['ADMIN'] });
    const me = await hub.query<any>('{ me { roles unit { code } } }', {}, token);
    expect(me.data.me).toEqual({ roles: ['VIEWER'], unit: { code: '62' } });
    expect(errorCodes(await hub.query(STATS('64'), {}, token))).toEqual(['FORBIDDEN']);
  });

  it('refuses with 401 and a clear message a token none of whose roles map, one without the unit claim, and one for another client', async () => {
    const refused = async (claims: JWTPayload, reason: RegExp) => {
      const result = await hub.query('{ me { subject } }', {}, await keycloakToken(claims));
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0].message).toMatch(reason);
    };
    await refused({ realm_access: { roles: ['offline_access', 'uma_authorization'] } }, /realm_access\.roles.*none that map to a hub role/);
    await refused({ hub_unit: undefined }, /no unit in its "hub_unit" claim/);
    await refused({ azp: 'another-client' }, /"aud" \(or "azp"\)/);
    await refused({ hub_unit: '99999' }, /unit "99999" does not exist/);
  });

  it('reads the mapping from HUB_IDP_UNIT_CLAIM, HUB_IDP_ROLES_CLAIM and HUB_IDP_ROLE_MAP, and refuses a map to an unknown hub role', () => {
    const saved = { ...process.env };
    try {
      process.env.HUB_IDP_UNIT_CLAIM = 'attributes.unit_code';
      process.env.HUB_IDP_ROLES_CLAIM = 'realm_access.roles, resource_access.gov-hub.roles';
      process.env.HUB_IDP_ROLE_MAP = 'hub-admin=ADMIN,can-bo=OFFICER';
      expect(claimMappingFromEnv()).toEqual({
        unitClaim: 'attributes.unit_code',
        rolesClaims: ['realm_access.roles', 'resource_access.gov-hub.roles'],
        roleMap: { 'hub-admin': 'ADMIN', 'can-bo': 'OFFICER' },
      });
      process.env.HUB_IDP_ROLE_MAP = 'hub-admin=ROOT';
      expect(() => claimMappingFromEnv()).toThrow(/HUB_IDP_ROLE_MAP.*hub-admin=ROOT/);
    } finally {
      process.env = saved;
    }
  });
});
