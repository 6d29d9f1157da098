import 'reflect-metadata';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { projectRoot } from '../services/core/config';
import { PRINCIPAL_HEADER, signPrincipal } from '../services/core/principal';
import { UnitDirectory } from '../services/core/institutions/unit-directory';
import { mintDevToken } from '../gateway/auth/dev-token';
import { launchHub } from '../scripts/hub-processes';
import { measureAuditAppends, type AuditAppendRow } from './audit-append';
import { BENCH_OPERATIONS, type BenchOperation } from './operations';
import { runScale } from './scale/run-scale';

/**
 * `npm run bench -- [--db sqlite|mariadb] [--duration 10] [--connections 10] [--only a,b]`
 * `npm run bench -- --scale N [--base-port 4700]`: the dashboard at N dossiers on MariaDB (bench/scale/run-scale.ts).
 * Starts the hub as separate processes on the chosen database with its demo data, runs each
 * named operation with autocannon through the gateway and directly against its subgraph, and
 * writes requests per second and p50/p99 latency to bench/results/<db>.{json,md}. `audit-append`
 * (also a name for --only) measures audit log appends without the hub (bench/audit-append.ts).
 * With --only, the rows measured replace theirs in the results file and the others are kept.
 */
interface Row {
  operation: string;
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    'mysql-url': { type: 'string', default: process.env.HUB_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
    // The scale benchmark (bench/scale/run-scale.ts): N dossiers on MariaDB, the dashboard against the demo's.
    scale: { type: 'string' },
    'base-port': { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
});

async function checkAnswer(url: string, headers: Record<string, string>, operation: BenchOperation) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`${operation.name} answers with errors at ${url}: ${JSON.stringify(body.errors)}`);
}

/**
 * `principals` (direct subgraph runs as a principal): forwarded principals are single-use, so
 * each request takes a fresh one, signed before the run starts.
 */
async function measure(operation: BenchOperation, target: string, url: string, headers: Record<string, string>, principals?: string[]): Promise<Row> {
  await checkAnswer(url, principals ? { ...headers, [PRINCIPAL_HEADER]: principals.pop()! } : headers, operation);
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: principals
      ? [{ setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, [PRINCIPAL_HEADER]: principals.pop() ?? 'exhausted' } }) }]
      : undefined,
  });
  const row = {
    operation: operation.name,
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
  console.log(`${row.operation.padEnd(24)} ${row.target.padEnd(14)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms`);
  return row;
}

async function main() {
  if (values.scale) {
    // MariaDB only, whatever --db says: ten million dossiers are a server database's job.
    return runScale({ count: Number(values.scale), mysqlUrl: values['mysql-url']!, basePort: Number(values['base-port'] ?? 4700), duration: Number(values.duration), reuse: values.reuse });
  }
  const db = values.db;
  if (db !== 'sqlite' && db !== 'mariadb') throw new Error('--db must be sqlite or mariadb');
  const only = values.only?.split(',');
  const operations = BENCH_OPERATIONS.filter((candidate) => !only || only.includes(candidate.name));
  const rows = operations.length > 0 ? await measureOperations(db, operations) : [];
  const auditAppends = !only || only.includes('audit-append') ? await measureAuditAppends(db, values['mysql-url']!) : undefined;
  write(db, rows, auditAppends);
}

async function measureOperations(db: string, operations: BenchOperation[]): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  process.env.HUB_DATA_DIR = dataDir;
  const hub = await launchHub({
    basePort: 4500,
    host: '127.0.0.1',
    // Rate limits off: the benchmark measures throughput, not the limiter.
    env: { HUB_DATA_DIR: dataDir, HUB_RATE_ANONYMOUS_PER_MINUTE: '0', HUB_RATE_USER_PER_MINUTE: '0', HUB_RATE_SERVICE_PER_MINUTE: '0' },
    subgraphEnv: (name): Record<string, string> => (db === 'mariadb' ? { DATABASE_URL: `${values['mysql-url']}/hub_bench_${name}` } : {}),
    quiet: true,
  });
  const units = new UnitDirectory(() => hub.subgraphUrls.institutions);
  const rows: Row[] = [];
  try {
    for (const operation of operations) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (operation.as) headers.authorization = `Bearer ${await mintDevToken({ ...operation.as, expiresIn: '1h' })}`;
      if (operation.setup) {
        const answer = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: operation.setup.query }) });
        operation.variables = operation.setup.variables(((await answer.json()) as { data: unknown }).data);
      }
      rows.push(await measure(operation, 'gateway', `${hub.gatewayUrl}/graphql`, headers));
      if (operation.direct) {
        let principals: string[] | undefined;
        if (operation.as) {
          const unit = (await units.find(operation.as.unit))!;
          const principal = { subject: 'bench', name: 'bench', kind: 'USER' as const, roles: operation.as.roles, scopes: [], unitCode: unit.code, unitPath: unit.path };
          // Enough for the run at a few thousand requests a second; each lives 60 s.
          principals = await Promise.all(Array.from({ length: 3000 * Number(values.duration) }, () => signPrincipal(principal, operation.query)));
        }
        rows.push(await measure(operation, operation.direct, hub.subgraphUrls[operation.direct], { 'content-type': 'application/json' }, principals));
      }
    }
  } finally {
    hub.stop();
  }
  return rows;
}

interface Results {
  when: string;
  db: string;
  machine: string;
  settings: string;
  rows: Row[];
  auditAppends?: { when: string; machine: string; rows: AuditAppendRow[] };
}

function write(db: string, rows: Row[], auditAppends?: AuditAppendRow[]) {
  const folder = resolve(projectRoot(), 'bench/results');
  mkdirSync(folder, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const when = new Date().toISOString();
  const file = resolve(folder, `${db}.json`);
  const kept: Results | undefined = values.only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const key = (row: Row) => `${row.operation} ${row.target}`;
  const measured = new Set(rows.map(key));
  const results: Results = {
    when: rows.length > 0 || !kept ? when : kept.when,
    db,
    machine: rows.length > 0 || !kept ? machine : kept.machine,
    settings: rows.length > 0 || !kept ? `${values.connections} connections, ${values.duration} s per operation and target` : kept.settings,
    rows: [...(kept?.rows ?? []).filter((row) => !measured.has(key(row))), ...rows].sort(
      (a, b) => BENCH_OPERATIONS.findIndex((o) => o.name === a.operation) - BENCH_OPERATIONS.findIndex((o) => o.name === b.operation),
    ),
    auditAppends: auditAppends ? { when, machine, rows: auditAppends } : kept?.auditAppends,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  const table = results.rows
    .map((row) => `| ${row.operation} | ${row.target} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors + row.non2xx} |`)
    .join('\n');
  let markdown = `# Benchmark on ${db}\n\n${results.when} · ${results.machine} · ${results.settings}. Demo data; the hub runs as separate processes on the same machine as the load generator.\n\n| operation | target | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | ---: | ---: | ---: | ---: |\n${table}\n\n${BENCH_OPERATIONS.map((operation) => `- **${operation.name}**: ${operation.description}`).join('\n')}\n`;
  if (results.auditAppends) {
    const audit = results.auditAppends.rows;
    const [single, group] = [audit.find((row) => row.mode === 'one at a time'), audit.find((row) => row.mode === 'group commit')];
    const ratio = single && group ? ` Group commit appends ${(group.appendsPerSecond / single.appendsPerSecond).toFixed(1)} times as many entries per second.` : '';
    markdown += `\n## Audit log appends\n\n${results.auditAppends.when} · ${results.auditAppends.machine}. One record an append (a mutation's outcome), appends in flight at once as concurrent requests have them, through the audit chain of one institutions process on a fresh database: one transaction per append, in turn (the log before group commit), and group commit (the appends that wait while a transaction runs go into the next one).${ratio}\n\n| mode | appends | in flight | appends/s | transactions | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n${audit.map((row) => `| ${row.mode} | ${row.appends} | ${row.concurrency} | ${row.appendsPerSecond} | ${row.commits} | ${row.p50Ms} | ${row.p99Ms} |`).join('\n')}\n`;
  }
  writeFileSync(resolve(folder, `${db}.md`), markdown);
  console.log(`wrote bench/results/${db}.md and ${db}.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
