import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { discardDatabase, seededDatabaseUrl, type DatabaseKind } from './databases';
import { freePortRun } from './hub-processes';
import { readTemplates } from './templates';

/**
 * The hub as `npm start` runs it, on ports of its own: every subgraph and the gateway in
 * processes of their own, started by the launcher of scripts/start-hub.ts (dist/scripts/
 * hub-processes.js), development secrets made in a data folder of its own, no test secrets and
 * no HUB_AS_OF (the real day), as from a person's shell.
 *
 * - `sqlite`: `npm start` itself (dist/scripts/start-hub.js), its SQLite files copies of the run's
 *   templates, so the demo data is there in a second (without templates, the hub loads it itself,
 *   in minutes).
 * - `mariadb`: the same launcher with each subgraph's DATABASE_URL a copy of the run's MariaDB
 *   template (npm start has no per-subgraph URL; a deployment sets them so).
 */
export interface NpmStartHub {
  url: string;
  dataDir: string;
  /** Its output so far, for a failure report. */
  log: string[];
  /** SIGTERM (as Ctrl-C) and waits for every process; then removes its data folder (some 150 MB) and MariaDB databases. */
  stop(): Promise<void>;
}

type Launcher = typeof import('../../scripts/hub-processes');

export async function startNpmStart(kind: DatabaseKind, env: Record<string, string>): Promise<NpmStartHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-npm-start-'));
  const basePort = await freePortRun(SUBGRAPHS.length + 1);
  if (kind === 'sqlite') {
    const templates = readTemplates()?.sqlite;
    for (const { name } of SUBGRAPHS) if (templates?.[name]) copyFileSync(templates[name], join(dataDir, `${name}.sqlite`));
    return startStartHub(dataDir, basePort, env);
  }
  const root = projectRoot();
  const launcher = resolve(root, 'dist/scripts/hub-processes.js');
  if (!existsSync(launcher)) throw new Error(`${launcher} is missing: run npm run build first`);
  const { launchHub } = require(launcher) as Launcher;
  const urls = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async ({ name }) => [name, await seededDatabaseUrl('mariadb', name, 'npmstart')] as const)));
  const log: string[] = [];
  const discard = async () => {
    await Promise.all(Object.values(urls).map(discardDatabase));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Empty is unset for the hub (core/config.ts env()): the test process's secrets and day stay out.
    const hub = await launchHub({
      basePort,
      host: '127.0.0.1',
      quiet: true,
      env: { HUB_DATA_DIR: dataDir, HUB_AS_OF: '', HUB_DEV_JWT_SECRET: '', HUB_INTERNAL_SECRET: '', NODE_ENV: '', ...env },
      subgraphEnv: (name) => ({ DATABASE_URL: urls[name] }),
      onUnexpectedExit: (name, reason) => log.push(`${name} stopped on its own: ${reason}\n`),
    });
    return { url: hub.gatewayUrl, dataDir, log, stop: async () => void (await hub.stop(), await discard()) };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** dist/scripts/start-hub.js, as `npm start` runs it after its build. */
async function startStartHub(dataDir: string, basePort: number, env: Record<string, string>): Promise<NpmStartHub> {
  const root = projectRoot();
  const program = resolve(root, 'dist/scripts/start-hub.js');
  if (!existsSync(program)) throw new Error(`${program} is missing: run npm run build first`);
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [program], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), HUB_DATA_DIR: dataDir, HUB_BASE_PORT: String(basePort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => log.push(String(chunk)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; !log.join('').includes('The hub is up'); waited += 1) {
    if (child.exitCode !== null || waited > 4500) {
      await stop();
      throw new Error(`npm start did not come up:\n${log.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url: `http://127.0.0.1:${basePort}`, dataDir, log, stop };
}
