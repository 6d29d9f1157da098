import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GatewayCaching } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway-server';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { projectRoot } from '../../services/core/config';
import type { RunningServer } from '../../services/core/subgraph-server';
import { SLOW_OPERATION_PREFIX } from '../../services/core/test-hooks';
import { SUBGRAPHS } from '../../services/registry';
import { DATABASES } from '../support/databases';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { testGatewayConfig } from '../support/hub';
import { freePort } from '../support/hub-processes';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

/**
 * The gateway's sharing of identical calls in flight and its cache of public answers (README,
 * "Caching and deduplication"), through real gateways over HTTP in front of real subgraphs.
 * Subgraph calls are counted with the subgraphs' own Prometheus counter
 * (`hub_graphql_requests_total`, by the client's operation name).
 */

/** Long enough that requests sent together are all in flight at once; no assertion is about time. */
const HOLD_MS = '2000';
const NO_RATE_LIMITS = { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 };
const PUBLISH = `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { id } }`;

/** How many requests named `operation` the subgraph at `origin` has answered so far. */
async function subgraphCalls(origin: string, service: string, operation: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('hub_graphql_requests_total{')) continue;
    if (!line.includes(`service="${service}"`) || !line.includes(`operation="${operation}"`)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** The gateway's own counts, from its /metrics (one registry per test process): operations named `operation`, memo lookups, cost analyses. */
async function gatewayCounts(gateway: RunningServer, operation: string) {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const sum = (prefix: string, ...parts: string[]) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(prefix) && parts.every((part) => line.includes(part)))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    requests: sum('hub_graphql_requests_total{', 'service="gateway"', `operation="${operation}"`),
    memo: sum('hub_gateway_plugin_duration_seconds_count{', 'plugin="public-answer-memo"'),
    cost: sum('hub_gateway_plugin_duration_seconds_count{', 'plugin="query-cost"'),
  };
}

const ask = (gateway: RunningServer, query: string, variables: Record<string, unknown> = {}, token?: string) =>
  postGraphQL<any>(`${gateway.url}/graphql`, query, variables, token ? { authorization: `Bearer ${token}` } : {});

let seq = 0;
/** A fresh operation name, so no other test's call or cached answer counts. */
const named = (prefix = 'Caching') => `${prefix}${++seq}`;
/** A national procedure code no demo procedure has (the form "1.001612"). */
const newCode = () => `1.${990000 + ++seq}`;

describe.each(DATABASES)('caching and deduplication at the gateway on %s', (kind) => {
  let subgraphs: TestSubgraphs;
  const gateways: RunningServer[] = [];
  /** Sharing only: what reaches the subgraphs is what deduplication left. */
  let sharing: RunningServer;
  /** Both, as a hub runs by default. */
  let cached: RunningServer;
  const start = async (caching: GatewayCaching, urls: Record<string, string> = subgraphs.urls) => {
    const gateway = await startGateway(testGatewayConfig(urls, { caching, rateLimits: NO_RATE_LIMITS }));
    gateways.push(gateway);
    return gateway;
  };
  const origin = (name: string) => subgraphs.subgraphs[name].url;

  beforeAll(async () => {
    // The subgraphs hold operations named ShutdownTestSlow... (core/test-hooks.ts); the gateways do not.
    process.env.HUB_TEST_SLOW_OPERATION_MS = HOLD_MS;
    try {
      subgraphs = await startSubgraphs(kind, 'caching');
    } finally {
      delete process.env.HUB_TEST_SLOW_OPERATION_MS;
    }
    sharing = await start({ publicAnswers: false, deduplicate: true });
    cached = await start({ publicAnswers: true, deduplicate: true });
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await subgraphs?.close();
  });

  it('answers N identical anonymous requests in flight with one subgraph call', async () => {
    const name = named(SLOW_OPERATION_PREFIX);
    const query = `query ${name} { units(level: PROVINCE) { totalCount } }`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => ask(sharing, query)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.units.totalCount).toBe(63);
    }
    expect(await subgraphCalls(origin('institutions'), 'institutions', name)).toBe(1);
  });

  it('never shares a principal\'s call, even with the same identity: each request is its own signed, audited call', async () => {
    const name = named(SLOW_OPERATION_PREFIX);
    const query = `query ${name} { dossiers(first: 20) { totalCount edges { node { unit { path } } } } }`;
    const konTum = await mintDevToken({ unit: '62', roles: ['VIEWER'] });
    const konTumAgain = await mintDevToken({ unit: '62', roles: ['VIEWER'] });
    const giaLai = await mintDevToken({ unit: '64', roles: ['VIEWER'] });
    const [k1, g1, k2, anonymous] = await Promise.all([ask(sharing, query, {}, konTum), ask(sharing, query, {}, giaLai), ask(sharing, query, {}, konTumAgain), ask(sharing, query)]);
    for (const answer of [k1, g1, k2]) expect(answer.errors).toBeUndefined();
    const paths = (answer: any): string[] => answer.data.dossiers.edges.map((edge: any) => edge.node.unit.path);
    expect(paths(k1).length).toBeGreaterThan(0);
    expect(paths(g1).length).toBeGreaterThan(0);
    for (const path of paths(k1)) expect(path.startsWith('VN/62/') || path === 'VN/62').toBe(true);
    for (const path of paths(g1)) expect(path.startsWith('VN/64/') || path === 'VN/64').toBe(true);
    expect(k2.data).toEqual(k1.data);
    // Anonymous gets no dossier, whoever asked beside it.
    expect(JSON.stringify(anonymous)).not.toContain('VN/6');
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
    // Each of Kon Tum's two tokens (one identity), Gia Lai's and the anonymous request had its own call.
    expect(await subgraphCalls(origin('procedures'), 'procedures', name)).toBe(4);
  });

  it('serves a public answer again from its cache, and shows a catalogue write at the next read', async () => {
    const name = named();
    const query = `query ${name} { procedures(unitCode: "62", first: 1) { totalCount } }`;
    const first = await ask(cached, query);
    expect(first.errors).toBeUndefined();
    const again = await ask(cached, query);
    expect(again.data).toEqual(first.data);
    expect(await subgraphCalls(origin('procedures'), 'procedures', name)).toBe(1);

    const officer = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const published = await ask(cached, PUBLISH, {
      input: { provinceCode: '62', code: newCode(), name: `Thủ tục bộ đệm ${seq}`, fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND' },
    }, officer);
    expect(published.errors).toBeUndefined();
    const after = await ask(cached, query);
    expect(after.errors).toBeUndefined();
    expect(after.data.procedures.totalCount).toBe(first.data.procedures.totalCount + 1);
    expect(await subgraphCalls(origin('procedures'), 'procedures', name)).toBe(2);
  });

  it('never serves an answer to a principal to another principal or to anonymous', async () => {
    const name = named();
    const query = `query ${name} { dossiers(first: 20) { totalCount edges { node { unit { path } } } } }`;
    const konTum = await ask(cached, query, {}, await mintDevToken({ unit: '62', roles: ['VIEWER'] }));
    expect(konTum.errors).toBeUndefined();
    const giaLai = await ask(cached, query, {}, await mintDevToken({ unit: '64', roles: ['VIEWER'] }));
    expect(giaLai.errors).toBeUndefined();
    for (const edge of giaLai.data.dossiers.edges) expect(edge.node.unit.path).toMatch(/^VN\/64(\/|$)/);
    const anonymous = await ask(cached, query);
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous)).not.toContain('VN/62');
    // The same principal again: not from a cache either (each asked the subgraph).
    await ask(cached, query, {}, await mintDevToken({ unit: '62', roles: ['VIEWER'] }));
    expect(await subgraphCalls(origin('procedures'), 'procedures', name)).toBe(4);
  });

  it('never keeps an answer with errors: a refusal, or a part unavailable', async () => {
    const refusedName = named();
    const refused = `query ${refusedName} { procedure(id: "no-such-procedure") { name } }`;
    for (let round = 0; round < 2; round++) expect((await ask(cached, refused)).errors?.length).toBeGreaterThan(0);
    expect(await subgraphCalls(origin('procedures'), 'procedures', refusedName)).toBe(2);

    // A gateway whose procedures subgraph is not there: Kon Tum's name, its catalogue unavailable.
    const nowhere = await start({ publicAnswers: true, deduplicate: true }, { ...subgraphs.urls, procedures: `http://127.0.0.1:${await freePort()}/graphql` });
    const partialName = named();
    const partial = `query ${partialName} { unit(code: "62") { name procedureCatalog { total } } }`;
    for (let round = 0; round < 2; round++) {
      const answer = await ask(nowhere, partial);
      expect(answer.data.unit.name).toBe('Kon Tum');
      expect(errorCodes(answer)).toEqual(['SERVICE_UNAVAILABLE']);
    }
    expect(await subgraphCalls(origin('institutions'), 'institutions', partialName)).toBe(2);
  });

  it('answers a public answer again before Apollo with the same text, to anonymous callers only, after authentication', async () => {
    const name = named();
    const query = `query ${name}($code: String!) { unit(code: $code) { code name } }`;
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${cached.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables: { code: '62' } }) });
    const first = await post();
    const text = await first.text();
    expect(JSON.parse(text).data.unit.name).toBe('Kon Tum');
    const before = await gatewayCounts(cached, name);
    const again = await post();
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(text);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(again.headers.get('age')).toMatch(/^\d+$/);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    let after = await gatewayCounts(cached, name);
    // Counted as an operation answered, without entering Apollo (no cost analysis ran for it).
    expect(after.requests).toBe(before.requests + 1);
    expect(after.memo).toBe(before.memo + 1);
    expect(after.cost).toBe(before.cost);
    // A principal asking the same text goes through Apollo (its own checks, its own answer).
    const token = await mintDevToken({ unit: '64', roles: ['VIEWER'] });
    expect((await post({ authorization: `Bearer ${token}` })).status).toBe(200);
    after = await gatewayCounts(cached, name);
    expect(after.cost).toBe(before.cost + 1);
    // A bad token is refused before anything is answered, kept answer or not.
    const refused = await post({ authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('Kon Tum');
    // Another Accept asks for another content type: Apollo answers it.
    const other = await post({ accept: 'application/graphql-response+json' });
    expect(other.headers.get('content-type')).toContain('application/graphql-response+json');
  });

  it('counts an answer given again against the anonymous rate limit', async () => {
    const limited = await startGateway(testGatewayConfig(subgraphs.urls, { caching: { publicAnswers: true, deduplicate: true }, rateLimits: { ...NO_RATE_LIMITS, anonymousPerMinute: 3 } }));
    gateways.push(limited);
    const query = `query ${named()} { unit(code: "62") { name } }`;
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) statuses.push((await ask(limited, query)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('shares no call between a read and a mutation, and never a mutation', async () => {
    const officer = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const input = (n: number) => ({ provinceCode: '62', code: newCode(), name: `Thủ tục song song ${seq} ${n}`, fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND' });
    const name = named(SLOW_OPERATION_PREFIX);
    const mutation = `mutation ${name}($input: PublishProcedureInput!) { publishProcedure(input: $input) { id } }`;
    const [a, b] = await Promise.all([ask(sharing, mutation, { input: input(1) }, officer), ask(sharing, mutation, { input: input(2) }, officer)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.publishProcedure.id).not.toBe(b.data.publishProcedure.id);
    expect(await subgraphCalls(origin('procedures'), 'procedures', name)).toBe(2);
  });
});

/** Two gateway processes on one Redis: one cache, one invalidation. */
describe('two gateways sharing Redis', () => {
  const redisUrl = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `hub-test-caching-${process.pid}-${Date.now()}:`;
  let subgraphs: TestSubgraphs;
  const children: ChildProcess[] = [];
  const urls: string[] = [];

  const spawnGateway = async () => {
    const program = resolve(projectRoot(), 'dist/gateway/main.js');
    if (!existsSync(program)) throw new Error(`${program} is missing: run npm run build first`);
    const port = await freePort();
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((definition) => [`${definition.name.toUpperCase()}_URL`, subgraphs.urls[definition.name]]));
    const child = spawn(process.execPath, [program], {
      cwd: projectRoot(),
      env: {
        ...process.env,
        ...subgraphEnv,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: prefix,
        HUB_RATE_ANONYMOUS_PER_MINUTE: '0',
        HUB_RATE_USER_PER_MINUTE: '0',
        HUB_RATE_SERVICE_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`the gateway exited:\n${log.join('')}`);
      try {
        if ((await fetch(`${url}/live`)).ok) break;
      } catch {
        // not listening yet
      }
      if (tries > 600) throw new Error(`the gateway did not start:\n${log.join('')}`);
      await new Promise((done) => setTimeout(done, 250));
    }
    urls.push(url);
    return url;
  };

  beforeAll(async () => {
    subgraphs = await startSubgraphs('sqlite', 'caching-redis');
    await spawnGateway();
    await spawnGateway();
  });
  afterAll(async () => {
    for (const child of children) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await subgraphs?.close();
  });

  it('serves through one gateway what the other cached, and both drop it after a write through either', async () => {
    const [one, two] = urls;
    const name = 'CachingShared';
    const query = `query ${name} { procedures(unitCode: "64", first: 1) { totalCount } }`;
    const read = (url: string) => postGraphQL<any>(`${url}/graphql`, query);
    const calls = () => subgraphCalls(subgraphs.subgraphs.procedures.url, 'procedures', name);

    const first = await read(one);
    expect(first.errors).toBeUndefined();
    const fromTwo = await read(two);
    expect(fromTwo.data).toEqual(first.data);
    expect(await calls()).toBe(1);

    const officer = await mintDevToken({ unit: '64', roles: ['OFFICER'] });
    const published = await postGraphQL<any>(`${two}/graphql`, PUBLISH, {
      input: { provinceCode: '64', code: newCode(), name: 'Thủ tục hai cổng', fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND' },
    }, { authorization: `Bearer ${officer}` });
    expect(published.errors).toBeUndefined();
    // The write went through the second gateway; the first hears of it through Redis.
    let after = await read(one);
    for (let tries = 0; after.data?.procedures.totalCount === first.data.procedures.totalCount && tries < 100; tries++) {
      await new Promise((done) => setTimeout(done, 100));
      after = await read(one);
    }
    expect(after.data.procedures.totalCount).toBe(first.data.procedures.totalCount + 1);
    expect((await read(two)).data).toEqual(after.data);
  });
});
