import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { SUBGRAPHS } from '../services/registry';

/** The hub as separate processes, one per subgraph plus the gateway (as in production). */
export interface HubProcesses {
  gatewayUrl: string;
  /** GraphQL URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  /**
   * Sends SIGTERM to the gateway, then (once it has exited) to the subgraphs other than
   * institutions, then to institutions, so that each one's requests in flight can still reach
   * what they call. Resolves with true when every process exited with status 0.
   */
  stop(): Promise<boolean>;
}

export interface LaunchOptions {
  basePort: number;
  host: string;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Environment for one subgraph, for example its DATABASE_URL. */
  subgraphEnv?: (name: string) => Record<string, string>;
  /** Called when a process stops on its own. */
  onUnexpectedExit?: (name: string, reason: string) => void;
  quiet?: boolean;
  /** Extra Node.js flags for every process, for example `--cpu-prof` (the benchmark's `--profile`). */
  nodeArgs?: string[];
}

/**
 * The first start loads the demo data (some 330,000 rows of both trees) before a subgraph
 * answers: minutes on a busy two-core machine, so the wait is generous.
 */
async function waitForHealth(url: string, name: string, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000}s`);
}

/** Sends SIGTERM to each child (if still running) and waits for all to exit; true when each exited 0. */
async function terminate(children: ChildProcess[]): Promise<boolean> {
  const exits = children.map(
    (child) =>
      new Promise<boolean>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode === 0);
        child.once('exit', (code) => done(code === 0));
        child.kill('SIGTERM');
      }),
  );
  return (await Promise.all(exits)).every(Boolean);
}

/**
 * Without Redis these processes share no memory, so institutions' announcement of a client's
 * change (revocation, credentials, safelist) cannot reach the gateway: the gateway then keeps no
 * copy of a client (`HUB_CLIENT_CACHE_SECONDS=0`, each client request asks institutions), so a
 * revocation holds at once on the embedded default too. A value the user set is kept.
 */
function clientCacheWithoutRedis(options: LaunchOptions): Record<string, string> {
  const env = { ...process.env, ...options.env };
  return env.REDIS_URL || env.HUB_CLIENT_CACHE_SECONDS !== undefined ? {} : { HUB_CLIENT_CACHE_SECONDS: '0' };
}

export async function launchHub(options: LaunchOptions): Promise<HubProcesses> {
  const children = new Map<string, ChildProcess>();
  let stopping: Promise<boolean> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const of = (names: string[]) => names.map((name) => children.get(name)).filter((child): child is ChildProcess => child !== undefined);
      const others = SUBGRAPHS.map((subgraph) => subgraph.name).filter((name) => name !== 'institutions');
      const results = [await terminate(of(['gateway'])), await terminate(of(others)), await terminate(of(['institutions']))];
      return results.every(Boolean);
    })();
    return stopping;
  };
  const run = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--enable-source-maps', ...(options.nodeArgs ?? []), resolve(__dirname, script)], {
      env: { ...process.env, ...options.env, ...env },
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) options.onUnexpectedExit?.(name, String(signal ?? code));
    });
    children.set(name, child);
  };

  const hostForUrls = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const subgraphUrls: Record<string, string> = {};
  SUBGRAPHS.forEach((subgraph, index) => {
    subgraphUrls[subgraph.name] = `http://${hostForUrls}:${options.basePort + index + 1}/graphql`;
  });
  const urlVariables = Object.fromEntries(SUBGRAPHS.map((subgraph) => [`${subgraph.name.toUpperCase()}_URL`, subgraphUrls[subgraph.name]]));
  try {
    SUBGRAPHS.forEach((subgraph, index) => {
      run(subgraph.name, `../services/${subgraph.name}/main.js`, {
        PORT: String(options.basePort + index + 1),
        HOST: options.host,
        INSTITUTIONS_URL: subgraphUrls.institutions,
        ...options.subgraphEnv?.(subgraph.name),
      });
    });
    await Promise.all(SUBGRAPHS.map((subgraph) => waitForHealth(subgraphUrls[subgraph.name].replace(/graphql$/, 'health'), subgraph.name)));
    run('gateway', '../gateway/main.js', { PORT: String(options.basePort), HOST: options.host, ...urlVariables, ...clientCacheWithoutRedis(options) });
    const gatewayUrl = `http://${hostForUrls}:${options.basePort}`;
    await waitForHealth(`${gatewayUrl}/health`, 'gateway');
    return { gatewayUrl, subgraphUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
