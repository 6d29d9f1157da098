import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { createConnection, type Connection } from 'mysql2/promise';
import { projectRoot } from '../../services/core/config';
import { todayInVietnam } from '../../services/core/time';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { launchHub } from '../../scripts/hub-processes';
import { backfillStatements } from '../../services/procedures/rollups/backfill';
import { insertGeneratedDossiers } from './generate';

/**
 * `npm run bench -- --scale 10000000 [--db mariadb] [--base-port 4700]`: the provincial dashboard
 * on a procedures database of N dossiers against the same on the demo data (README, "Scale
 * benchmark"). Steps: a database of its own (`hub_scale_<N>_procedures`) migrated and seeded by the
 * procedures subgraph, the generated dossiers made by MariaDB itself (bench/scale/generate.ts: INSERT ... SELECT over
 * its SEQUENCE engine, one statement per year; the big secondary
 * index dropped during the load and rebuilt after), the rollups filled by the migration's backfill
 * statements; then the hub on the demo databases and on that one in turn, the dashboard measured
 * at 1 and 10 connections on each. Writes bench/results/scale.{json,md}.
 */
export interface ScaleOptions {
  count: number;
  mysqlUrl: string;
  basePort: number;
  duration: number;
  /** Measure on the database an earlier run built for the same N (its build times kept in it), instead of building it again. */
  reuse?: boolean;
}

const DASHBOARD = `query ScaleDashboard($code: String!, $from: LocalDate!, $to: LocalDate!) {
  unit(code: $code) {
    name
    dossierStats(from: $from, to: $to) { received receivedOnline resolved resolvedOnTime onTimeRate carriedOver inProgress overdueInProgress digitizationRate }
    feedbackStats(from: $from, to: $to) { received carriedOver handled pending handledRate }
    serviceIndex(from: $from, to: $to) { total progress { points } rank { overall outOf } }
  }
}`;

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

interface Measured {
  data: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The machine's 1-minute load average before and after the run (2 cores; other engineers' work included). */
  loadBefore: number;
  loadAfter: number;
}

const load = () => Math.round(loadavg()[0] * 100) / 100;

async function withServer<T>(mysqlUrl: string, database: string | undefined, work: (connection: Connection) => Promise<T>): Promise<T> {
  const url = new URL(mysqlUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    multipleStatements: false,
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Refuses ports another process listens on: its /health would pass for the hub's (the machine is shared). */
async function assertPortsFree(basePort: number) {
  for (let port = basePort; port <= basePort + 4; port++) {
    const free = await new Promise<boolean>((answer) => {
      const probe = createServer().once('error', () => answer(false)).listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
    });
    if (!free) throw new Error(`Port ${port} is in use: choose another --base-port`);
  }
}

/** One data folder for every hub of the run and this process: the development token key lives there. */
let dataDir: string | undefined;

async function startHub(options: ScaleOptions, procedures: string, others: string) {
  await assertPortsFree(options.basePort);
  dataDir ??= mkdtempSync(join(tmpdir(), 'hub-scale-'));
  process.env.HUB_DATA_DIR = dataDir;
  return launchHub({
    basePort: options.basePort,
    host: '127.0.0.1',
    env: { HUB_DATA_DIR: dataDir, HUB_RATE_ANONYMOUS_PER_MINUTE: '0', HUB_RATE_USER_PER_MINUTE: '0', HUB_RATE_SERVICE_PER_MINUTE: '0' },
    subgraphEnv: (name) => ({ DATABASE_URL: `${options.mysqlUrl}/${name === 'procedures' ? procedures : `${others}_${name}`}` }),
    quiet: true,
  });
}

/** Migrates and seeds the scale database through the subgraph itself, then loads the generated dossiers and fills the rollups. */
async function buildScaleDatabase(options: ScaleOptions, database: string, others: string) {
  await withServer(options.mysqlUrl, undefined, (server) => server.query(`DROP DATABASE IF EXISTS \`${database}\``));
  log(`migrating and seeding ${database} (the demo data)`);
  const hub = await startHub(options, database, others);
  await hub.stop();
  const timings: Record<string, number> = {};
  await withServer(options.mysqlUrl, database, async (connection) => {
    const [existing] = (await connection.query('SELECT COUNT(*) AS n FROM dossier')) as unknown as [{ n: number }[]];
    const toGenerate = Math.max(0, options.count - Number(existing[0].n));
    const [procedureRows] = (await connection.query('SELECT id, unitPath FROM admin_procedure')) as unknown as [{ id: string; unitPath: string }[]];
    const procedures = new Map<string, string[]>();
    for (const row of procedureRows) procedures.set(row.unitPath, [...(procedures.get(row.unitPath) ?? []), row.id]);
    log(`loading ${toGenerate} generated dossiers beside the ${existing[0].n} of the demo`);
    let started = Date.now();
    await connection.query('ALTER TABLE dossier DROP INDEX dossier_statistics');
    await insertGeneratedDossiers(connection, {
      count: toGenerate,
      today: todayInVietnam(),
      procedures,
      fallbackProcedures: procedureRows.map((row) => row.id),
      onProgress: (message) => log(`  ${message} (${Math.round((Date.now() - started) / 1000)} s)`),
    });
    timings.loadSeconds = (Date.now() - started) / 1000;
    log(`loaded in ${timings.loadSeconds} s; rebuilding the secondary index`);
    started = Date.now();
    await connection.query(
      'ALTER TABLE dossier ADD INDEX dossier_statistics (unitPath, receivedAt, closedAt, resolvedAt, dueAt, returnedAt, channel, status, componentCount, digitizedComponents)',
    );
    timings.indexSeconds = (Date.now() - started) / 1000;
    log(`index in ${timings.indexSeconds} s; filling the rollups with the backfill statements`);
    started = Date.now();
    // The GROUP BYs of the backfill in memory rather than in on-disk temporary tables (this session only).
    await connection.query('SET SESSION tmp_table_size = 1073741824, max_heap_table_size = 1073741824');
    for (const statement of backfillStatements('mariadb')) await connection.query(statement);
    timings.backfillSeconds = (Date.now() - started) / 1000;
    const [counts] = (await connection.query(
      "SELECT (SELECT COUNT(*) FROM dossier) AS dossiers, (SELECT COUNT(*) FROM dossier_daily_counts) AS rollupRows, (SELECT COUNT(*) FROM dossier_daily_counts WHERE procedureId = '') AS totalsRows",
    )) as unknown as [Record<string, number>[]];
    Object.assign(timings, Object.fromEntries(Object.entries(counts[0]).map(([name, value]) => [name, Number(value)])));
    log(`backfill in ${timings.backfillSeconds} s: ${JSON.stringify(counts[0])}`);
    await connection.query('CREATE TABLE scale_build (timings TEXT NOT NULL)');
    await connection.query('INSERT INTO scale_build VALUES (?)', [JSON.stringify(timings)]);
  });
  return timings;
}

/** The build times an earlier run kept in the database (`--reuse`), or what can be counted when it kept none. */
async function builtBefore(options: ScaleOptions, database: string): Promise<Record<string, number>> {
  return withServer(options.mysqlUrl, database, async (connection) => {
    const [tables] = (await connection.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'scale_build'")) as unknown as [{ n: number }[]];
    const [kept] = Number(tables[0].n) > 0 ? ((await connection.query('SELECT timings FROM scale_build')) as unknown as [{ timings: string }[]]) : [[]];
    if (kept[0]?.timings) return JSON.parse(kept[0].timings);
    const [counts] = (await connection.query(
      "SELECT (SELECT COUNT(*) FROM dossier) AS dossiers, (SELECT COUNT(*) FROM dossier_daily_counts) AS rollupRows, (SELECT COUNT(*) FROM dossier_daily_counts WHERE procedureId = '') AS totalsRows",
    )) as unknown as [Record<string, number>[]];
    return Object.fromEntries(Object.entries(counts[0]).map(([name, value]) => [name, Number(value)]));
  });
}

async function measureDashboard(options: ScaleOptions, data: string, procedures: string, others: string, variables: Record<string, string>): Promise<Measured[]> {
  log(`measuring the dashboard on ${data}`);
  const hub = await startHub(options, procedures, others);
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken({ unit: variables.code, roles: ['VIEWER'], expiresIn: '1h' })}` };
    const body = JSON.stringify({ query: DASHBOARD, variables });
    const check = (await (await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers, body })).json()) as { errors?: unknown; data?: unknown };
    if (check.errors) throw new Error(`The dashboard answers with errors: ${JSON.stringify(check.errors)}`);
    log(`  answer: ${JSON.stringify(check.data)}`);
    const rows: Measured[] = [];
    for (const connections of [1, 10]) {
      // A busy 2-core machine answers ten at once in seconds: wait (autocannon gives up after 10 s by default).
      const loadBefore = load();
      const result = await autocannon({ url: `${hub.gatewayUrl}/graphql`, method: 'POST', headers, body, connections, duration: options.duration, timeout: 120 });
      rows.push({ data, connections, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx, loadBefore, loadAfter: load() });
      log(`  ${connections} connection(s): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, load ${loadBefore} -> ${load()}`);
    }
    return rows;
  } finally {
    await hub.stop();
  }
}

export async function runScale(options: ScaleOptions) {
  // One database per size, so that a small trial does not wait for (or spoil) a long run's.
  const scaleDb = `hub_scale_${options.count}_procedures`;
  const others = 'hub_scale_demo';
  const started = new Date().toISOString();
  const timings = options.reuse ? await builtBefore(options, scaleDb) : await buildScaleDatabase(options, scaleDb, others);
  if (timings.dossiers < options.count) throw new Error(`${scaleDb} holds ${timings.dossiers} dossiers, not ${options.count}: run without --reuse`);
  const today = todayInVietnam();
  // The merged Quảng Ngãi (51 today: 51@2025 with old Quảng Ngãi and Kon Tum in its territory, rule 13).
  const variables = { code: '51', from: `${today.slice(0, 4)}-01-01`, to: today };
  const demo = await measureDashboard(options, 'demo data', `${others}_procedures`, others, variables);
  const scale = await measureDashboard(options, `${options.count} dossiers`, scaleDb, others, variables);
  const ratios = [1, 10].map((connections) => {
    const a = demo.find((row) => row.connections === connections)!;
    const b = scale.find((row) => row.connections === connections)!;
    return { connections, demoP50Ms: a.p50Ms, scaleP50Ms: b.p50Ms, ratio: Number((b.p50Ms / Math.max(a.p50Ms, 1)).toFixed(2)) };
  });
  const version = await withServer(options.mysqlUrl, undefined, async (connection) => {
    const [rows] = (await connection.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool')) as unknown as [{ version: string; pool: number }[]];
    return `${rows[0].version} (InnoDB buffer pool ${(Number(rows[0].pool) / 2 ** 30).toFixed(1)} GiB)`;
  });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, MariaDB ${version}`;
  const results = { started, finished: new Date().toISOString(), machine, dossiers: options.count, variables, secondsPerRun: options.duration, build: timings, rows: [...demo, ...scale], ratios };
  const folder = resolve(projectRoot(), 'bench/results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(resolve(folder, 'scale.json'), JSON.stringify(results, null, 2) + '\n');
  const markdown =
    `# Dashboard at scale (MariaDB)\n\n${results.finished} · ${machine} · ${options.duration} s per run.\n\n` +
    `The provincial dashboard (Quảng Ngãi, 51 after the merger, its lineage included: dossierStats, feedbackStats and serviceIndex with its rank, ${variables.from} to ${variables.to}) through the gateway, ` +
    `on the demo data and on a procedures database of ${options.count.toLocaleString('en')} dossiers (ten years, every commune of both trees). ` +
    (timings.loadSeconds !== undefined
      ? `Load ${timings.loadSeconds} s, secondary index ${timings.indexSeconds} s, rollup backfill ${timings.backfillSeconds} s; `
      : 'Built by an earlier run (its times are in its log); ') +
    `${timings.dossiers} dossiers, ${timings.rollupRows} rollup rows of which ${timings.totalsRows} totals.\n\n` +
    `Load average (1 minute, 2 cores, the machine shared with other engineers' test runs) before and after each run in the last column.\n\n` +
    `| data | connections | requests/s | p50 ms | p99 ms | errors | load before → after |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
    results.rows.map((row) => `| ${row.data} | ${row.connections} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.loadBefore} → ${row.loadAfter} |`).join('\n') +
    `\n\n| connections | p50 demo ms | p50 at scale ms | ratio (must be ≤ 1.5) |\n| ---: | ---: | ---: | ---: |\n` +
    ratios.map((row) => `| ${row.connections} | ${row.demoP50Ms} | ${row.scaleP50Ms} | ${row.ratio} |`).join('\n') +
    '\n';
  writeFileSync(resolve(folder, 'scale.md'), markdown);
  log('wrote bench/results/scale.md and scale.json');
}
