import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { DATABASES } from '../support/databases';
import { startNpmStart, type NpmStartHub } from '../support/npm-start';

const CLIENT = 'svc-51-motcua';

/** A token as `npm run token` prints it for this hub (its data folder holds the development key). */
function adminToken(hub: NpmStartHub): string {
  return execFileSync(process.execPath, [resolve(projectRoot(), 'dist/gateway/mint-token.js'), '--unit', '51', '--roles', 'ADMIN'], {
    env: { PATH: process.env.PATH ?? '', HUB_DATA_DIR: hub.dataDir },
    encoding: 'utf8',
  }).trim();
}

async function graphql(hub: NpmStartHub, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/**
 * Under `npm start` the gateway and institutions are separate processes and, without Redis,
 * share no memory: institutions' announcement of a client's change cannot reach the gateway.
 * The launcher then has the gateway keep no copy of a client, so a revocation holds at the
 * client's very next call, as it does with Redis (README, `HUB_CLIENT_CACHE_SECONDS`).
 */
describe.each(DATABASES)('a client revoked under npm start without Redis, on %s', (kind) => {
  let hub: NpmStartHub;

  beforeAll(async () => {
    hub = await startNpmStart(kind, { REDIS_URL: '' });
  }, 900_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('is refused at its next call, not when a cached copy expires', async () => {
    const admin = adminToken(hub);
    const rotated = await graphql(hub, admin, `mutation NewSecret($id: ID!) { rotateServiceClientCredentials(id: $id) { clientSecret } }`, { id: CLIENT });
    expect(rotated.body.errors).toBeUndefined();
    const secret: string = rotated.body.data.rotateServiceClientCredentials.clientSecret;

    const tokenAnswer = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(tokenAnswer.status).toBe(200);
    const clientToken: string = ((await tokenAnswer.json()) as { access_token: string }).access_token;

    // A call the client may make (its safelisted ReceiveDossier is a write; an unlisted read is
    // refused FORBIDDEN by the safelist, which still proves the gateway holds the client as ACTIVE).
    const before = await graphql(hub, clientToken, `query Units { units(first: 1) { edges { node { code } } } }`);
    expect(before.status).not.toBe(401);
    expect(before.body.errors?.[0]?.extensions?.code ?? 'NONE').not.toBe('UNAUTHENTICATED');

    const revoked = await graphql(hub, admin, `mutation Revoke($id: ID!) { revokeServiceClient(id: $id, reason: "test: revocation under npm start") { status } }`, { id: CLIENT });
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data.revokeServiceClient.status).toBe('REVOKED');

    const after = await graphql(hub, clientToken, `query Units { units(first: 1) { edges { node { code } } } }`);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
