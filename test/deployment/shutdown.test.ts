import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { projectRoot } from '../../services/core/config';
import { SLOW_OPERATION_PREFIX, testHookPlugins } from '../../services/core/test-hooks';
import { SUBGRAPHS } from '../../services/registry';
import { freePortRun, startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * Issue 13, item 5: SIGTERM while a request is in flight. The request completes with its full
 * answer and the process exits with status 0 (not by the signal): each subgraph in its own
 * process, and the whole hub as `npm start` runs it (its launcher passes SIGTERM on, stops the
 * gateway first, and exits 0 when every process did). "In flight" is made certain, not timed: a
 * test-only hook (core/test-hooks.ts, absent in production) holds an operation named
 * `ShutdownTestSlow…` for a few seconds and says so on stderr; SIGTERM is sent once it has.
 */
const HOLD_MS = '3000';
const root = projectRoot();

/** Resolves when `log` holds the hook's line, or rejects when the process exits first. */
async function holding(log: string[], child: ChildProcess) {
  for (let waited = 0; waited < 600; waited += 1) {
    if (log.join('').includes(`holding ${SLOW_OPERATION_PREFIX}`)) return;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited before the request was in flight:\n${log.join('')}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`the request never reached the hook:\n${log.join('')}`);
}

/** How the process ended, once its output is all read ('close' comes after 'exit' and the last output). */
const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('close', (code, signal) => done({ code, signal }));
  });

/** One root field per subgraph. */
const ROOT_FIELD: Record<string, string> = { institutions: 'units', procedures: 'procedures', documents: 'documents', inspections: 'inspections' };

describe('SIGTERM with a request in flight', () => {
  describe('each subgraph process', () => {
    let hub: ProcessHub;
    let token: string;
    beforeAll(async () => {
      hub = await startProcessHub('sqlite', 'shutdown', { env: { HUB_TEST_SLOW_OPERATION_MS: HOLD_MS } });
      token = await mintDevToken({ unit: 'VN', roles: ['OFFICER', 'INSPECTOR', 'ADMIN'] });
    });
    afterAll(() => hub?.close());

    it.each(SUBGRAPHS.map(({ name }) => name))('%s finishes the request, then exits 0', async (name) => {
      const field = `${ROOT_FIELD[name]}(first: 3) { totalCount edges { node { id } } }`;
      const expected = await hub.query(`query Before { ${field} }`, {}, token);
      expect(expected.errors).toBeUndefined();

      const { child, log } = hub.subgraphs[name];
      const exited = exitOf(child);
      const answer = hub.query(`query ${SLOW_OPERATION_PREFIX} { ${field} }`, {}, token);
      await holding(log, child);
      child.kill('SIGTERM');

      const result = await answer;
      expect({ status: result.status, errors: result.errors, data: result.data }).toEqual({ status: 200, errors: undefined, data: expected.data });
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(log.join('')).toMatch(new RegExp(`${name} subgraph: SIGTERM, finishing the requests in flight[\\s\\S]*${name} subgraph: stopped`));
      await hub.restart(name);
    });
  });

  describe('the whole hub under npm start (scripts/start-hub.ts)', () => {
    let hub: ChildProcess | undefined;
    afterAll(() => {
      if (hub && hub.exitCode === null && hub.signalCode === null) hub.kill('SIGKILL');
    });

    it('passes SIGTERM on: the gateway finishes the request, every process exits 0, and so does npm start', async () => {
      const program = resolve(root, 'dist/scripts/start-hub.js');
      expect(existsSync(program)).toBe(true);
      const basePort = await freePortRun(SUBGRAPHS.length + 1);
      const log: string[] = [];
      hub = spawn(process.execPath, [program], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-shutdown-')),
          HUB_BASE_PORT: String(basePort),
          // Empty databases: the answer is still a full one, and the start takes seconds.
          HUB_SEED_DEMO: 'false',
          HUB_TEST_SLOW_OPERATION_MS: HOLD_MS,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      hub.stdout?.on('data', (chunk) => log.push(String(chunk)));
      hub.stderr?.on('data', (chunk) => log.push(String(chunk)));
      const exited = exitOf(hub);
      for (let waited = 0; !log.join('').includes('The hub is up'); waited += 1) {
        if (hub.exitCode !== null || waited > 1500) throw new Error(`npm start did not come up:\n${log.join('')}`);
        await new Promise((done) => setTimeout(done, 200));
      }
      const gateway = `http://127.0.0.1:${basePort}`;
      const answer = fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${SLOW_OPERATION_PREFIX} { units(level: PROVINCE) { totalCount } }` }),
      });
      await holding(log, hub);
      hub.kill('SIGTERM');

      const result = await answer;
      expect({ status: result.status, body: await result.json() }).toEqual({ status: 200, body: { data: { units: { totalCount: expect.any(Number) } } } });
      expect(await exited).toEqual({ code: 0, signal: null });
      const output = log.join('');
      for (const name of ['gateway', ...SUBGRAPHS.map((subgraph) => `${subgraph.name} subgraph`)]) expect(output).toContain(`${name}: stopped`);
      // The gateway stopped before the subgraphs it was still calling.
      expect(output.indexOf('gateway: stopped')).toBeLessThan(output.indexOf('institutions subgraph: SIGTERM'));
    });
  });

  it('has no slow-operation hook in production, whatever the environment says', () => {
    const saved = { ...process.env };
    try {
      process.env.HUB_TEST_SLOW_OPERATION_MS = HOLD_MS;
      process.env.NODE_ENV = 'production';
      expect(testHookPlugins('gateway')).toEqual([]);
      process.env.NODE_ENV = 'test';
      expect(testHookPlugins('gateway')).toHaveLength(1);
    } finally {
      process.env.NODE_ENV = saved.NODE_ENV;
      if (saved.HUB_TEST_SLOW_OPERATION_MS === undefined) delete process.env.HUB_TEST_SLOW_OPERATION_MS;
    }
  });
});
