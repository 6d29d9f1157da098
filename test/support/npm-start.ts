import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { freePortRun } from './hub-processes';
import { readTemplates } from './templates';

/**
 * The hub as `npm start` runs it (dist/scripts/start-hub.js: every subgraph and the gateway in
 * processes of their own, embedded SQLite under a data folder), on ports of its own. The data
 * folder starts with copies of the run's SQLite templates, so the demo data is there in a second
 * instead of being loaded again (without templates, the hub loads it itself, in minutes).
 * The environment is the given one only, as for a person's shell: no test secrets, no HUB_AS_OF.
 */
export interface NpmStartHub {
  url: string;
  dataDir: string;
  /** Its output so far, for a failure report. */
  log: string[];
  /** SIGTERM (as Ctrl-C), then SIGKILL after 60 s; resolves once it exited. */
  stop(): Promise<void>;
}

export async function startNpmStart(env: Record<string, string>): Promise<NpmStartHub> {
  const root = projectRoot();
  const program = resolve(root, 'dist/scripts/start-hub.js');
  if (!existsSync(program)) throw new Error(`${program} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-npm-start-'));
  const templates = readTemplates()?.sqlite;
  for (const { name } of SUBGRAPHS) if (templates?.[name]) copyFileSync(templates[name], join(dataDir, `${name}.sqlite`));
  const basePort = await freePortRun(SUBGRAPHS.length + 1);
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
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
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
