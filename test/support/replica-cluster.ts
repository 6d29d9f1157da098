import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { seededDatabaseUrl } from './databases';
import { freePort } from './hub-processes';

/**
 * The hub as a province runs it on several machines (README, "Running N replicas"): two
 * gateways and two replicas of each subgraph, each a real process (the built programs under
 * dist/), on MariaDB (one database per subgraph, shared by its replicas) and Redis (the shared
 * state, under a key prefix of this run only), behind HAProxy (Debian's package; `.ci/run`
 * installs it): one frontend for the gateways, one per subgraph. Gateways and subgraphs reach the
 * subgraphs through HAProxy, never a replica directly. Everything listens on 127.0.0.1.
 */
export interface ClusterProcess {
  /** `gateway-1`, `documents-2`... */
  label: string;
  port: number;
  url: string;
  child: ChildProcess;
  log: string[];
}

export interface ReplicaCluster {
  /** The gateways' frontend on HAProxy: what clients call. */
  url: string;
  gateways: ClusterProcess[];
  /** The two replicas of each subgraph, by subgraph name. */
  replicas: Record<string, ClusterProcess[]>;
  /** HAProxy's frontend of each subgraph (`http://127.0.0.1:port/graphql`). */
  subgraphUrls: Record<string, string>;
  databaseUrls: Record<string, string>;
  redisUrl: string;
  redisPrefix: string;
  /** SIGKILL, and waits until the process is gone. */
  kill(process: ClusterProcess): Promise<void>;
  /** What every process printed, for a failure report. */
  logs(): string;
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** Environment of every gateway (rate limits, client cache). */
  gatewayEnv?: Record<string, string>;
  redisUrl?: string;
}

export const haproxyProgram = () => ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) => existsSync(path));

/** HAProxy's configuration: round robin over each pair; a refused connection is retried on the other. */
function haproxyConfig(pools: { name: string; port: number; servers: number[] }[]): string {
  const lines = [
    'global',
    '  maxconn 512',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    // The machine is busy and the tests check answers, not speed.
    '  timeout client 600s',
    '  timeout server 600s',
    '  timeout http-keep-alive 5s',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response',
  ];
  for (const pool of pools) {
    lines.push(`frontend ${pool.name}_in`, `  bind 127.0.0.1:${pool.port}`, `  default_backend ${pool.name}`);
    lines.push(`backend ${pool.name}`, '  balance roundrobin');
    pool.servers.forEach((port, index) => lines.push(`  server ${pool.name}${index + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 1`));
  }
  return `${lines.join('\n')}\n`;
}

async function waitUntilHealthy(process_: ClusterProcess, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process_.child.exitCode !== null) throw new Error(`${process_.label} exited:\n${process_.log.join('')}`);
    try {
      if ((await fetch(`${process_.url}/health`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${process_.label} did not become healthy:\n${process_.log.join('')}`);
}

export async function startReplicaCluster(suite: string, options: ClusterOptions = {}): Promise<ReplicaCluster> {
  const haproxy = haproxyProgram();
  if (!haproxy) throw new Error('HAProxy is not installed: apt-get install haproxy (.ci/run does)');
  const root = projectRoot();
  const redisUrl = options.redisUrl ?? process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `hubtest:${suite}:${process.pid}:${randomBytes(4).toString('hex')}:`;
  const names = SUBGRAPHS.map((definition) => definition.name);

  const frontends: Record<string, number> = { gateway: await freePort() };
  const ports: Record<string, number[]> = { gateway: [await freePort(), await freePort()] };
  for (const name of names) {
    frontends[name] = await freePort();
    ports[name] = [await freePort(), await freePort()];
  }
  const subgraphUrls = Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${frontends[name]}/graphql`]));
  const databaseUrls: Record<string, string> = {};
  for (const name of names) databaseUrls[name] = await seededDatabaseUrl('mariadb', name, suite);

  const common = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    // Every gateway signs and checks client tokens with one key.
    HUB_CLIENT_TOKEN_SECRET: process.env.HUB_CLIENT_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    INSTITUTIONS_URL: subgraphUrls.institutions,
    PROCEDURES_URL: subgraphUrls.procedures,
    DOCUMENTS_URL: subgraphUrls.documents,
    INSPECTIONS_URL: subgraphUrls.inspections,
  };
  const all: ClusterProcess[] = [];
  const spawnProcess = (label: string, program: string, port: number, env: Record<string, string | undefined>): ClusterProcess => {
    const path = resolve(root, program);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
    const child = spawn(process.execPath, [path], { cwd: root, env: { ...common, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    const started = { label, port, url: `http://127.0.0.1:${port}`, child, log };
    all.push(started);
    return started;
  };

  const folder = mkdtempSync(join(tmpdir(), 'hub-haproxy-'));
  const configFile = join(folder, 'haproxy.cfg');
  writeFileSync(configFile, haproxyConfig(Object.entries(frontends).map(([name, port]) => ({ name, port, servers: ports[name] }))));
  const balancerLog: string[] = [];
  const balancer = spawn(haproxy, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  balancer.stdout?.on('data', (chunk) => balancerLog.push(String(chunk)));
  balancer.stderr?.on('data', (chunk) => balancerLog.push(String(chunk)));

  const close = async () => {
    for (const running of all) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    if (balancer.exitCode === null) balancer.kill('SIGKILL');
    // This run's keys only: the server may serve other runs and other hubs.
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };

  const replicas: Record<string, ClusterProcess[]> = {};
  const gateways: ClusterProcess[] = [];
  try {
    // First replicas one subgraph after the other (institutions first: the others look units up
    // in it), then the second ones: two processes never set up one database at the same time.
    for (const replica of [0, 1]) {
      for (const name of names) {
        const started = spawnProcess(`${name}-${replica + 1}`, `dist/services/${name}/main.js`, ports[name][replica], { DATABASE_URL: databaseUrls[name] });
        (replicas[name] ??= []).push(started);
        await waitUntilHealthy(started);
      }
    }
    for (const replica of [0, 1]) {
      gateways.push(spawnProcess(`gateway-${replica + 1}`, 'dist/gateway/main.js', ports.gateway[replica], { ...options.gatewayEnv }));
    }
    for (const gateway of gateways) await waitUntilHealthy(gateway);
    if (balancer.exitCode !== null) throw new Error(`HAProxy exited:\n${balancerLog.join('')}`);
    // HAProxy's own checks see every server up before the first request.
    const url = `http://127.0.0.1:${frontends.gateway}`;
    await waitUntilHealthy({ label: 'haproxy', port: frontends.gateway, url, child: balancer, log: balancerLog });
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url: `http://127.0.0.1:${frontends.gateway}`,
    gateways,
    replicas,
    subgraphUrls,
    databaseUrls,
    redisUrl,
    redisPrefix,
    async kill(target) {
      if (target.child.exitCode !== null || target.child.signalCode !== null) return;
      const exited = new Promise((done) => target.child.once('exit', done));
      target.child.kill('SIGKILL');
      await exited;
    },
    logs: () => [...all.map((running) => `--- ${running.label}\n${running.log.join('')}`), `--- haproxy\n${balancerLog.join('')}`].join('\n'),
    close,
  };
}
