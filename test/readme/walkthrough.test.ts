import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { DEMO_RECEIVE_DOSSIER } from '../../services/institutions/seed/demo-clients';
import { DATABASES } from '../support/databases';
import { freePort } from '../support/hub-processes';
import { startNpmStart, type NpmStartHub } from '../support/npm-start';
import { readmePath, readWalkthrough, stepOutputs, stepScript } from './readme-walkthrough';

/**
 * Issue 15, item 8: the README's integration walkthrough works when pasted. The hub starts as
 * the walkthrough's first block says (`npm start` with its variables, on ports of the test's),
 * then every marked bash block of README.md runs, in order, in one bash shell (as pasted into
 * one terminal) with `HUB` and `WEBHOOK_PORT` pointing at the test's ports, and each step's
 * output is checked: the demo client's safelisted operation, its token, the dossier received
 * with its safelisted text and again by hash under the same key, read back, the signed event at
 * the README's own receiver, the delivery as the ADMIN sees it, and the CSV. Only curl, jq, bash
 * and the repository's node are used, as on a person's machine. On SQLite, `npm start` itself;
 * on MariaDB, the same launcher with each subgraph's DATABASE_URL (test/support/npm-start.ts).
 */
const root = projectRoot();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The JSON objects a step printed, one a line (its other lines are not JSON). */
const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{') || line.startsWith('"'))
    .map((line) => JSON.parse(line));

/** Runs the script in bash in its own process group (the step-3 receiver runs in the background). */
function runBash(script: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((done) => {
    const bash = spawn('bash', ['-c', script], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    bash.stdout?.on('data', (chunk) => output.push(String(chunk)));
    bash.stderr?.on('data', (chunk) => output.push(String(chunk)));
    const killGroup = () => {
      try {
        process.kill(-bash.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(killGroup, timeoutMs);
    bash.once('close', (code) => {
      clearTimeout(timer);
      // Whatever a failed step left running (the receiver when step 10 did not run).
      killGroup();
      done({ code, output: output.join('') });
    });
  });
}

/**
 * The test's own last step, after the README's: whether the receiver step 3 started in the
 * background has exited (step 10 stops it), waiting a little for it to finish. The process group
 * is killed afterwards anyway, so only this tells whether step 10 did it.
 */
const RECEIVER_CHECK = `for _ in $(seq 50); do kill -0 "$RECEIVER" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$RECEIVER" 2>/dev/null; then echo "receiver still running"; else echo "receiver stopped"; fi`;

describe.each(DATABASES)("the README's integration walkthrough, pasted into bash against npm start, on %s", (kind) => {
  const walkthrough = readWalkthrough(readmePath(root));
  let hub: NpmStartHub;
  let webhookPort: number;
  let outputs: string[];
  let whole: string;
  let scratch: string;

  beforeAll(async () => {
    // The README lets webhooks go to 127.0.0.1:8008; the test, to a free port instead.
    expect(walkthrough.hubEnvironment).toEqual({ HUB_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1:8008' });
    webhookPort = await freePort();
    hub = await startNpmStart(kind, { HUB_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${webhookPort}` });
    // The walkthrough's files (the receiver's log, the CSV) go to ${TMPDIR:-/tmp}: a folder of the test's.
    scratch = mkdtempSync(join(tmpdir(), 'hub-walkthrough-'));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      LANG: 'C.UTF-8',
      HUB_DATA_DIR: hub.dataDir,
      HUB: hub.url,
      WEBHOOK_PORT: String(webhookPort),
      TMPDIR: scratch,
    };
    const run = await runBash(stepScript([...walkthrough.steps, RECEIVER_CHECK]), env, 600_000);
    whole = run.output;
    outputs = stepOutputs(run.output, walkthrough.steps.length + 1);
  }, 1_200_000);

  afterAll(async () => {
    await hub?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }, 120_000);

  /** A step's output, or the whole run's when the check fails (what went wrong before it). */
  const step = (number: number) => {
    const output = outputs[number - 1];
    if (output === undefined) throw new Error(`no step ${number}:\n${whole}`);
    return output;
  };
  /** The id of the dossier step 5 received (the later steps are about it). */
  const dossierId = (): string => {
    const id = jsonLines(step(5))[0]?.data?.receiveDossier?.id;
    if (typeof id !== 'string') throw new Error(`step 5 received no dossier: ${explain(5)}`);
    return id;
  };
  const explain = (number: number) => `step ${number} printed:\n${step(number)}\n\nthe whole run:\n${whole}\n\nthe hub:\n${hub.log.join('').slice(-5000)}`;

  it('has the ten steps the test checks, each a bash block the README marks', () => {
    expect(walkthrough.steps).toHaveLength(10);
    // The defaults a person gets match what the hub block lets through.
    expect(walkthrough.steps[0]).toContain('HUB=${HUB:-http://127.0.0.1:4000}');
    expect(walkthrough.steps[0]).toContain('WEBHOOK_PORT=${WEBHOOK_PORT:-8008}');
  });

  it('1: an ADMIN of 51 sees the demo client with ReceiveDossier safelisted under the hash of its seeded text', () => {
    const [client] = jsonLines(step(1));
    expect({ client, log: explain(1) }).toMatchObject({
      client: { scopes: ['dossiers:write'], status: 'ACTIVE', safelistedOperations: { edges: [{ node: { operationName: 'ReceiveDossier', hash: sha256(DEMO_RECEIVE_DOSSIER) } }] } },
    });
  });

  it('2: the ADMIN gets a client secret, safelists the read operation and a webhook secret', () => {
    const [safelisted] = jsonLines(step(2));
    expect({ safelisted, log: explain(2) }).toMatchObject({ safelisted: { operationName: 'Dossier', hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(step(2)).toMatch(/client secret \S{4}…, webhook secret whsec_\S{4}…/);
    expect(step(2)).not.toContain('null');
  });

  it('3 and 4: the receiver listens, and the client gets a 5-minute token for its scopes', () => {
    expect(step(3).trim()).toBe('');
    const [token] = jsonLines(step(4));
    expect({ token, log: explain(4) }).toMatchObject({ token: { access_token: expect.any(String), token_type: 'Bearer', expires_in: 300, scope: 'dossiers:write' } });
  });

  it('5: the client receives a dossier with the safelisted text, gets the same one again by hash under the same key, and nothing else runs', () => {
    const output = step(5);
    expect({ hashLine: output.split('\n').find((line) => line.endsWith('  -')), log: explain(5) }).toMatchObject({ hashLine: `${sha256(DEMO_RECEIVE_DOSSIER)}  -` });
    const [received, again, refused] = jsonLines(output);
    expect({ received, log: explain(5) }).toMatchObject({ received: { data: { receiveDossier: { id: expect.stringMatching(/^51-\d{6}-w[0-9a-f]{8}$/), status: 'RECEIVED', unit: { code: '51', name: 'Quảng Ngãi' } } } } });
    expect(again).toBe(received.data.receiveDossier.id);
    expect(refused).toEqual({ code: 'FORBIDDEN', operationHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('6: the client reads the dossier back by the hash alone', () => {
    const id = dossierId();
    const [dossier] = jsonLines(step(6));
    expect({ dossier, log: explain(6) }).toMatchObject({
      dossier: { id, code: expect.any(String), status: 'RECEIVED', channel: 'IN_PERSON', componentCount: 3, procedure: { id: '51@2025-T0001' }, agency: { id: '51@2025.ttphvhcc' } },
    });
    expect(step(6)).not.toContain('Nguyễn Văn An');
  });

  it("7: the receiver verified the signed dossier.received event of that dossier, and the ADMIN sees it delivered with the receiver's 204", () => {
    const id = dossierId();
    const output = step(7);
    const verified = output
      .split('\n')
      .filter((line) => line.startsWith('verified '))
      .map((line) => JSON.parse(line.slice('verified '.length)));
    expect({ verified, refused: output.includes('refused:'), log: explain(7) }).toMatchObject({
      verified: [{ type: 'dossier.received', subgraph: 'procedures', record: { type: 'Dossier', id }, unit: { id: '51@2025' }, state: 'RECEIVED', sequence: 1 }],
      refused: false,
    });
    // Ids and states only: the applicant never left the hub.
    expect(output).not.toContain('Nguyễn Văn An');
    expect(output).not.toContain('051090001234');
    expect(jsonLines(output)).toContainEqual({ eventType: 'dossier.received', recordKey: `Dossier:${id}`, status: 'DELIVERED', attempts: 1, lastStatus: 204 });
  });

  it("8: the CSV of the unit's dossiers received today holds that dossier under the README's header", () => {
    const id = dossierId();
    const lines = step(8).trim().split(/\r?\n/);
    expect({ lines, log: explain(8) }).toMatchObject({ lines: ['200 text/csv; charset=utf-8', '\uFEFFcode,status,channel,procedure.id', expect.any(String)] });
    expect(lines.slice(2)).toContain(`${id},RECEIVED,IN_PERSON,51@2025-T0001`);
  });

  it('9: the dossiers changed in the last hour, asked with updatedSince, hold that dossier with its updatedAt in Vietnam time', () => {
    const id = dossierId();
    const changed = jsonLines(step(9));
    expect({ changed, log: explain(9) }).toMatchObject({ changed: expect.arrayContaining([{ id, status: 'RECEIVED', updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/) }]) });
    // Oldest change first: the order a partner stores them in.
    const times = changed.map((node: { updatedAt: string }) => Date.parse(node.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('10: the receiver is stopped, and the whole script ran without a shell error', () => {
    expect({ check: step(11).trim(), log: explain(10) }).toMatchObject({ check: 'receiver stopped' });
    expect(whole).not.toMatch(/command not found|syntax error|parse error|No such file/);
  });
});
