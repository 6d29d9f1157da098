import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { GatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/gateway-server';
import { projectRoot } from '../../services/core/config';
import type { RunningServer } from '../../services/core/subgraph-server';
import { SUBGRAPHS } from '../../services/registry';
import { seededDatabaseUrl, type DatabaseKind } from './databases';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { testGatewayConfig } from './hub';

/**
 * The hub with each subgraph in its own process (the built programs under dist/, as
 * `npm start` runs them), so a test can kill one (SIGKILL), freeze it (SIGSTOP) and thaw it
 * (SIGCONT), or start it again on the same database and port. The gateway runs in the test's
 * process, in front of them. Everything listens on 127.0.0.1. Needs `npm run build` first.
 */
export interface SubgraphProcess {
  name: string;
  port: number;
  databaseUrl: string;
  child: ChildProcess;
  /** Its output, for a failure report. */
  log: string[];
}

export interface ProcessHub {
  gatewayUrl: string;
  subgraphs: Record<string, SubgraphProcess>;
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T> & { text: string }>;
  kill(name: string): Promise<void>;
  stop(name: string): void;
  resume(name: string): void;
  /** Starts a killed subgraph again, on its database and port, and waits until it is healthy. */
  restart(name: string): Promise<void>;
  close(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

/** The first of `count` consecutive free ports on 127.0.0.1 (npm start takes a base port and the next four). */
export async function freePortRun(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((done) => {
      const server = createServer()
        .once('error', () => done(false))
        .listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let all = true;
    for (let port = base; port < base + count && all; port += 1) all = await free(port);
    if (all) return base;
  }
  throw new Error(`no ${count} consecutive free ports`);
}

async function waitForHealth(url: string, process: SubgraphProcess, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`${process.name} exited:\n${process.log.join('')}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${process.name} did not become healthy:\n${process.log.join('')}`);
}

export interface ProcessHubOptions {
  /** Environment for every subgraph process (for example HUB_INTERNAL_TIMEOUT_MS). */
  env?: Record<string, string>;
  gateway?: Partial<GatewayConfig>;
}

export async function startProcessHub(kind: DatabaseKind, suite: string, options: ProcessHubOptions = {}): Promise<ProcessHub> {
  const root = projectRoot();
  const subgraphs: Record<string, SubgraphProcess> = {};
  const urlOf = (name: string) => `http://127.0.0.1:${subgraphs[name].port}/graphql`;

  const spawnSubgraph = (process_: Omit<SubgraphProcess, 'child' | 'log'>): SubgraphProcess => {
    const program = resolve(root, 'dist/services', process_.name, 'main.js');
    if (!existsSync(program)) throw new Error(`${program} is missing: run npm run build first`);
    const child = spawn(process.execPath, [program], {
      cwd: root,
      env: {
        ...process.env,
        ...options.env,
        PORT: String(process_.port),
        HOST: '127.0.0.1',
        DATABASE_URL: process_.databaseUrl,
        INSTITUTIONS_URL: `http://127.0.0.1:${subgraphs.institutions?.port ?? process_.port}/graphql`,
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    return { ...process_, child, log };
  };

  const healthUrl = (name: string) => `http://127.0.0.1:${subgraphs[name].port}/health`;
  let gateway: RunningServer | undefined;
  const close = async () => {
    await gateway?.close();
    for (const running of Object.values(subgraphs)) {
      if (running.child.exitCode !== null || running.child.signalCode !== null) continue;
      running.child.kill('SIGCONT');
      running.child.kill('SIGKILL');
    }
  };
  try {
    // Institutions first: the others look units up in it.
    for (const definition of SUBGRAPHS) {
      subgraphs[definition.name] = spawnSubgraph({
        name: definition.name,
        port: await freePort(),
        databaseUrl: await seededDatabaseUrl(kind, definition.name, suite),
      });
      if (definition.name === 'institutions') await waitForHealth(healthUrl('institutions'), subgraphs.institutions);
    }
    for (const definition of SUBGRAPHS) await waitForHealth(healthUrl(definition.name), subgraphs[definition.name]);
    gateway = await startGateway(
      testGatewayConfig(Object.fromEntries(SUBGRAPHS.map((definition) => [definition.name, urlOf(definition.name)])), {
        rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 },
        ...options.gateway,
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const gatewayUrl = gateway.url;

  return {
    gatewayUrl,
    subgraphs,
    async query(query, variables, token) {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
      const text = await response.text();
      return { status: response.status, text, ...(JSON.parse(text) as object) };
    },
    async kill(name) {
      const { child } = subgraphs[name];
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    },
    stop: (name) => void subgraphs[name].child.kill('SIGSTOP'),
    resume: (name) => void subgraphs[name].child.kill('SIGCONT'),
    async restart(name) {
      const { port, databaseUrl } = subgraphs[name];
      subgraphs[name] = spawnSubgraph({ name, port, databaseUrl });
      await waitForHealth(healthUrl(name), subgraphs[name]);
    },
    close,
  };
}

export { postGraphQL };
