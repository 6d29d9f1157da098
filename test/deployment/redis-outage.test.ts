import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../../services/core/principal';
import { sharedState } from '../../services/core/shared-state';
import { requestToken } from '../access/oauth-client';
import { errorCodes } from '../support/graphql-client';
import { freePort } from '../support/hub-processes';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Fail closed: with REDIS_URL set, the hub (gateway and subgraphs in this process) keeps its
 * replay guards and rate limits in a Redis server this test starts, kills and starts again.
 * While Redis is away what it guards is refused with SERVICE_UNAVAILABLE (HTTP 503), naming no
 * address; when it is back the hub answers again, without a restart.
 */
describe('Redis away: replay guards and rate limits refuse, then recover', () => {
  let hub: TestHub;
  let redis: ChildProcess | undefined;
  let port: number;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let tries = 0; tries < 300; tries += 1) {
      const listening = await new Promise<boolean>((done) => {
        const socket = createConnection(port, '127.0.0.1');
        socket.once('connect', () => (socket.end(), done(true))).once('error', () => done(false));
      });
      if (listening) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('redis-server did not start');
  };
  const stopRedis = async () => {
    if (!redis || redis.exitCode !== null) return;
    const exited = new Promise((done) => redis!.once('exit', done));
    redis.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    // Read once, at the first use of the shared state (services/core/shared-state).
    process.env.REDIS_URL = `redis://:not-in-any-message@127.0.0.1:${port}`;
    process.env.REDIS_KEY_PREFIX = `hubtest:outage:${randomBytes(4).toString('hex')}:`;
    hub = await startTestHub('sqlite', 'redisoutage', {
      rateLimits: { anonymousPerMinute: 1000, userPerMinute: 1000, servicePerMinute: 1000 },
    });
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    await sharedState().close();
    await stopRedis();
  });

  const principal: Principal = { subject: 'outage', name: 'Outage', kind: 'USER', roles: ['VIEWER'], scopes: [], unitCode: '62', unitPath: 'VN/62' };
  const direct = async (query: string) =>
    fetch(`${hub.subgraphs.procedures.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: await signPrincipal(principal, query) },
      body: JSON.stringify({ query }),
    });

  it('answers while Redis is up, refuses with 503 while it is away, and answers again when it is back', async () => {
    const token = await hub.token('62', ['VIEWER']);
    const ask = () => hub.query<any>('{ me { subject } }', {}, token);
    expect(errorCodes(await ask())).toEqual([]);
    expect((await direct('{ __typename }')).status).toBe(200);

    await stopRedis();
    const refused = await ask();
    expect([refused.status, errorCodes(refused)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
    const replayGuard = await direct('{ __typename }');
    const answer = (await replayGuard.json()) as any;
    expect([replayGuard.status, answer.errors[0].extensions.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const tokenEndpoint = await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' });
    expect([tokenEndpoint.status, tokenEndpoint.body.error]).toEqual([503, 'temporarily_unavailable']);
    for (const text of [JSON.stringify(refused), JSON.stringify(answer), JSON.stringify(tokenEndpoint.body)]) {
      expect(text).not.toContain(String(port));
      expect(text).not.toContain('not-in-any-message');
    }

    await startRedis();
    // ioredis reconnects by itself; polled, on a busy machine, for up to a minute.
    const until = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < until) {
      status = (await ask()).status;
      if (status === 200) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    expect(status).toBe(200);
    expect((await direct('{ __typename }')).status).toBe(200);
  });

  it('refuses a forwarded principal used twice (through Redis)', async () => {
    const query = '{ __typename }';
    const header = await signPrincipal(principal, query);
    const send = () =>
      fetch(`${hub.subgraphs.procedures.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: header }, body: JSON.stringify({ query }) });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
  });
});
