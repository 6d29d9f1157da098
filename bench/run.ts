import 'reflect-metadata';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
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
import { runPeers } from './peers/run-peers';
import { measureSignatureChecks, type SignatureCheckRow } from './signature-checks';
import { measureStackCeiling, type CeilingRow } from './stack-ceiling';
import { measureEntityBatches, type EntityBatchRow } from './entities';
import { runScale } from './scale/run-scale';

/**
 * `npm run bench -- [--db sqlite|mariadb] [--duration 10] [--connections 10] [--only a,b] [--base-port 4500] [--data-dir folder] [--profile folder]`
 * `npm run bench -- --scale N [--base-port 4700]`: the dashboard at N dossiers on MariaDB (bench/scale/run-scale.ts).
 * Starts the hub as separate processes on the chosen database with its demo data, runs each
 * named operation with autocannon through the gateway and directly against its subgraph, and
 * writes requests per second and p50/p99 latency to bench/results/<db>.{json,md}. `signature-checks`
 * (a name for --only) measures one signature's checks in process (bench/signature-checks.ts). `audit-append`
 * (also a name for --only) measures audit log appends without the hub (bench/audit-append.ts).
 * With --only, the rows measured replace theirs in the results file and the others are kept.
 *
 * `npm run bench -- --peers [--rounds 3] [--duration 5] [--connections 10] [--port 4700]`: the hub
 * beside Apollo Gateway and Hive Gateway on the same subgraphs (bench/peers/run-peers.ts), to
 * bench/results/peers.{json,md}.
 * `entities` (a name for --only) times `_entities` for 1, 10 and 100 units at the procedures
 * subgraph (bench/entities.ts); `--entities-before <results.json>` names a results file measured
 * on the code before, whose figures are written beside these with the ratio (with `--only none`,
 * beside those already in the results file).
 */
interface Row {
  operation: string;
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /**
   * CPU milliseconds each process serving the run spent per request (its
   * `process_cpu_seconds_total` before and after, over the requests): what a request costs
   * whatever else the machine runs; 1000 / it is the requests one core would serve.
   */
  cpuMsPerRequest?: Record<string, number>;
  /**
   * The same less what each process spends when nobody asks (its CPU over 2 s before the run:
   * polls, relays, metrics), scaled to the run's length: at a few requests a second on a busy
   * machine that background is a large part of the raw figure.
   */
  netCpuMsPerRequest?: Record<string, number>;
  /** When and with how many connections this row was measured (`--only` keeps other rows of earlier runs). */
  measured?: string;
}

/** A process's CPU seconds so far, from its /metrics; undefined when it does not say. */
async function cpuSeconds(origin: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${origin}/metrics`)).text();
    const match = text.match(/^process_cpu_seconds_total (\S+)$/m);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    // The hub beside other gateways (bench/peers/run-peers.ts).
    peers: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    port: { type: 'string', default: '4700' },
    // The hub's processes listen from here up (gateway, then one port per subgraph).
    'base-port': { type: 'string', default: '4500' },
    // A folder kept between runs (SQLite): the demo data is loaded once instead of every run.
    'data-dir': { type: 'string' },
    // Writes a CPU profile of each of the hub's processes to this folder (node --cpu-prof).
    profile: { type: 'string' },
    'entities-before': { type: 'string' },
    'entities-rounds': { type: 'string', default: '15' },
    'mysql-url': { type: 'string', default: process.env.HUB_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
    // The scale benchmark (bench/scale/run-scale.ts): N dossiers on MariaDB, the dashboard against the demo's.
    scale: { type: 'string' },
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
async function measure(
  operation: BenchOperation,
  target: string,
  url: string,
  headers: Record<string, string>,
  principals?: string[],
  processes: Record<string, string> = {},
): Promise<Row> {
  await checkAnswer(url, principals ? { ...headers, [PRINCIPAL_HEADER]: principals.pop()! } : headers, operation);
  const idleFrom = await Promise.all(Object.values(processes).map(cpuSeconds));
  const idleStarted = performance.now();
  await new Promise((done) => setTimeout(done, 2000));
  const idleTo = await Promise.all(Object.values(processes).map(cpuSeconds));
  const idleSeconds = (performance.now() - idleStarted) / 1000;
  const cpuBefore = await Promise.all(Object.values(processes).map(cpuSeconds));
  const runStarted = performance.now();
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
  const cpuAfter = await Promise.all(Object.values(processes).map(cpuSeconds));
  const runSeconds = (performance.now() - runStarted) / 1000;
  const cpuMsPerRequest: Record<string, number> = {};
  const netCpuMsPerRequest: Record<string, number> = {};
  const perRequest = (seconds: number) => Math.round(((seconds * 1000) / result.requests.total) * 100) / 100;
  Object.keys(processes).forEach((name, index) => {
    const [before, after, idleBefore, idleAfter] = [cpuBefore[index], cpuAfter[index], idleFrom[index], idleTo[index]];
    if (before !== undefined && after !== undefined && result.requests.total > 0) {
      cpuMsPerRequest[name] = perRequest(after - before);
      if (idleBefore !== undefined && idleAfter !== undefined) {
        netCpuMsPerRequest[name] = perRequest(Math.max(0, after - before - ((idleAfter - idleBefore) / idleSeconds) * runSeconds));
      }
    }
  });
  const row: Row = {
    operation: operation.name,
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMsPerRequest,
    netCpuMsPerRequest,
    measured: `${new Date().toISOString().slice(0, 16)}Z, ${values.connections} connections, load average ${loadavg()[0].toFixed(1)}`,
  };
  const cpu = Object.entries(cpuMsPerRequest).map(([name, ms]) => `${name} ${ms} (net ${netCpuMsPerRequest[name] ?? '-'})`).join(', ');
  console.log(`${row.operation.padEnd(24)} ${row.target.padEnd(14)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  CPU ms/request: ${cpu}`);
  return row;
}

async function main() {
  if (values.peers) {
    return runPeers({ rounds: Number(values.rounds), duration: Number(values.duration ?? '5'), connections: Number(values.connections), basePort: Number(values.port) });
  }
  if (values.scale) {
    // MariaDB only, whatever --db says: ten million dossiers are a server database's job. It listens
    // from 4700 unless --base-port is given, so it can run beside a default bench (4500).
    return runScale({ count: Number(values.scale), mysqlUrl: values['mysql-url']!, basePort: values['base-port'] === '4500' ? 4700 : Number(values['base-port']), duration: Number(values.duration ?? '10'), reuse: values.reuse });
  }
  values.duration ??= '10';
  const db = values.db;
  if (db !== 'sqlite' && db !== 'mariadb') throw new Error('--db must be sqlite or mariadb');
  const only = values.only?.split(',');
  const operations = BENCH_OPERATIONS.filter((candidate) => !only || only.includes(candidate.name));
  const withEntities = !only || only.includes('entities');
  const { rows, entityBatches, ceiling } = operations.length > 0 || withEntities ? await measureOperations(db, operations, withEntities) : { rows: [] };
  const auditAppends = !only || only.includes('audit-append') ? await measureAuditAppends(db, values['mysql-url']!) : undefined;
  // verify-document is always compared with the checks alone in process, measured in the same run.
  const signatureChecks = !only || only.includes('signature-checks') || only.includes('verify-document') ? await measureSignatureChecks() : undefined;
  write(db, rows, auditAppends, signatureChecks, entityBatches, ceiling);
}

async function measureOperations(
  db: string,
  operations: BenchOperation[],
  withEntities: boolean,
): Promise<{ rows: Row[]; entityBatches?: EntityBatchRow[]; ceiling?: CeilingRow[] }> {
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'hub-bench-'));
  mkdirSync(dataDir, { recursive: true });
  process.env.HUB_DATA_DIR = dataDir;
  // Makes the data folder's development secrets here, before five processes race to make them.
  await signPrincipal({ subject: 'bench', name: 'bench', kind: 'USER', roles: ['VIEWER'], scopes: [], unitCode: 'VN', unitPath: 'VN' }, '{ __typename }');
  const hub = await launchHub({
    basePort: Number(values['base-port']),
    host: '127.0.0.1',
    // Rate limits off: the benchmark measures throughput, not the limiter.
    env: { HUB_DATA_DIR: dataDir, HUB_RATE_ANONYMOUS_PER_MINUTE: '0', HUB_RATE_USER_PER_MINUTE: '0', HUB_RATE_SERVICE_PER_MINUTE: '0' },
    subgraphEnv: (name): Record<string, string> => (db === 'mariadb' ? { DATABASE_URL: `${values['mysql-url']}/hub_bench_${name}` } : {}),
    quiet: true,
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : undefined,
  });
  const units = new UnitDirectory(() => hub.subgraphUrls.institutions);
  const rows: Row[] = [];
  let entityBatches: EntityBatchRow[] | undefined;
  // verify-document's answer, served again by the stack alone once the hub has stopped.
  let verified: { operation: BenchOperation; answer: object } | undefined;
  try {
    if (withEntities) entityBatches = await measureEntityBatches(hub.subgraphUrls.procedures, hub.subgraphUrls.institutions, Number(values['entities-rounds']));
    for (const operation of operations) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (operation.as) headers.authorization = `Bearer ${await mintDevToken({ ...operation.as, expiresIn: '1h' })}`;
      if (operation.setup) {
        const answer = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: operation.setup.query }) });
        operation.variables = operation.setup.variables(((await answer.json()) as { data: unknown }).data);
      }
      if (operation.name === 'verify-document') {
        const answer = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: operation.query, variables: operation.variables }) });
        verified = { operation, answer: ((await answer.json()) as { data: { document: object } }).data.document };
      }
      const origin = (name: string) => hub.subgraphUrls[name].replace(/\/graphql$/, '');
      const serving = operation.direct ? { [operation.direct]: origin(operation.direct) } : {};
      rows.push(await measure(operation, 'gateway', `${hub.gatewayUrl}/graphql`, headers, undefined, { gateway: hub.gatewayUrl, ...serving }));
      if (operation.direct) {
        let principals: string[] | undefined;
        if (operation.as) {
          const unit = (await units.find(operation.as.unit))!;
          // As the gateway forwards it: with the territory of the units merged into it (rule 13).
          const principal = { subject: 'bench', name: 'bench', kind: 'USER' as const, roles: operation.as.roles, scopes: [], unitCode: unit.code, unitPath: unit.path, territory: unit.territory };
          // Enough for the run at a few thousand requests a second; each lives 60 s.
          principals = await Promise.all(Array.from({ length: 3000 * Number(values.duration) }, () => signPrincipal(principal, operation.query)));
        }
        rows.push(await measure(operation, operation.direct, hub.subgraphUrls[operation.direct], { 'content-type': 'application/json' }, principals, serving));
      }
    }
  } finally {
    await hub.stop();
  }
  // The hub's rows are kept whatever happens here: a failed ceiling leaves its column empty.
  const ceiling =
    verified &&
    (await measureStackCeiling({
      answer: verified.answer,
      query: verified.operation.query,
      variables: verified.operation.variables ?? {},
      basePort: Number(values['base-port']) + 20,
      connections: Number(values.connections),
      duration: Number(values.duration),
    }).catch((error: Error) => void console.error(`the stack alone was not measured: ${error.message}`)));
  return { rows, entityBatches, ceiling: ceiling || undefined };
}

interface Results {
  when: string;
  db: string;
  machine: string;
  settings: string;
  rows: Row[];
  auditAppends?: { when: string; machine: string; rows: AuditAppendRow[] };
  signatureChecks?: { when: string; machine: string; rows: SignatureCheckRow[] };
  signatures?: SignatureFigures;
  entityBatches?: { when: string; machine: string; rows: EntityBatchRow[]; before?: { when: string; rows: EntityBatchRow[] } };
}

/**
 * Issue 14's signature figures from one run: signatures verified per second at the documents
 * subgraph and through the gateway (verify-document: one signature a request), each beside the
 * same signature's checks alone in process (signature-checks, `warm`: OpenSSL through
 * node:crypto, the issue's "OpenSSL speed" peer), with the CPU each serving process spent on a
 * request, whatever else the machine ran.
 */
interface SignatureFigures {
  when: string;
  machine: string;
  inProcessPerSecond: number;
  atSubgraph: SignatureFigure;
  throughGateway: SignatureFigure;
  /** The same query and answer served by the stack alone (bench/stack-ceiling.ts), in the same run. */
  ceiling?: CeilingRow[];
}

interface SignatureFigure {
  perSecond: number;
  cpuMsPerRequest: Record<string, number>;
  netCpuMsPerRequest: Record<string, number>;
  ofInProcess: number;
  /** perSecond / what the bare stack served of the same query here (apollo-server at the subgraph, apollo-gateway through the gateway). */
  ofCeiling?: number;
  target: number;
}

function signatureFigures(rows: Row[], checks: SignatureCheckRow[] | undefined, ceiling: CeilingRow[] | undefined, when: string, machine: string): SignatureFigures | undefined {
  const direct = rows.find((row) => row.operation === 'verify-document' && row.target === 'documents');
  const gateway = rows.find((row) => row.operation === 'verify-document' && row.target === 'gateway');
  const warm = checks?.find((row) => row.step === 'warm');
  if (!direct || !gateway || !warm) return undefined;
  const ratio = (perSecond: number, of: number | undefined) => (of ? Math.round((perSecond / of) * 1000) / 1000 : undefined);
  const figure = (row: Row, ceilingTarget: CeilingRow['target'], target: number): SignatureFigure => ({
    perSecond: row.requestsPerSecond,
    cpuMsPerRequest: row.cpuMsPerRequest ?? {},
    netCpuMsPerRequest: row.netCpuMsPerRequest ?? {},
    ofInProcess: ratio(row.requestsPerSecond, warm.perSecond)!,
    ofCeiling: ratio(row.requestsPerSecond, ceiling?.find((candidate) => candidate.target === ceilingTarget)?.requestsPerSecond),
    target,
  });
  return { when, machine, inProcessPerSecond: warm.perSecond, atSubgraph: figure(direct, 'apollo-server', 2000), throughGateway: figure(gateway, 'apollo-gateway', 1000), ceiling };
}

const cpuCell = (row: Row) =>
  Object.entries(row.cpuMsPerRequest ?? {})
    .map(([name, ms]) => `${name} ${ms}${row.netCpuMsPerRequest?.[name] !== undefined ? ` (net ${row.netCpuMsPerRequest[name]})` : ''}`)
    .join(', ');

function write(db: string, rows: Row[], auditAppends?: AuditAppendRow[], signatureChecks?: SignatureCheckRow[], entityBatches?: EntityBatchRow[], ceiling?: CeilingRow[]) {
  const folder = resolve(projectRoot(), 'bench/results');
  mkdirSync(folder, { recursive: true });
  // The load average says how busy the machine was with other work (a shared machine's figures vary with it).
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`;
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
    signatureChecks: signatureChecks ? { when, machine, rows: signatureChecks } : kept?.signatureChecks,
    signatures: signatureFigures(rows, signatureChecks, ceiling, when, machine) ?? kept?.signatures,
    entityBatches: entityBatches
      ? { when, machine, rows: entityBatches, before: entitiesBefore() }
      : kept?.entityBatches && { ...kept.entityBatches, before: entitiesBefore() ?? kept.entityBatches.before },
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  const table = results.rows
    .map((row) => `| ${row.operation} | ${row.target} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors + row.non2xx} | ${cpuCell(row)} | ${row.measured ?? 'an earlier run'} |`)
    .join('\n');
  let markdown = `# Benchmark on ${db}\n\n${results.when} · ${results.machine} · ${results.settings}. Demo data; the hub runs as separate processes on the same machine as the load generator.\n\n| operation | target | requests/s | p50 ms | p99 ms | errors | CPU ms a request, by process | measured |\n| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n${table}\n\n${BENCH_OPERATIONS.map((operation) => `- **${operation.name}**: ${operation.description}`).join('\n')}\n`;
  if (results.auditAppends) {
    const audit = results.auditAppends.rows;
    const ratios = [...new Set(audit.map((row) => row.concurrency))]
      .map((writers) => {
        const [single, group] = ['one at a time', 'group commit'].map((mode) => audit.find((row) => row.mode === mode && row.concurrency === writers));
        return single && group ? `${(group.appendsPerSecond / single.appendsPerSecond).toFixed(1)}× with ${writers} writer${writers === 1 ? '' : 's'}` : undefined;
      })
      .filter(Boolean);
    const ratio = ratios.length ? ` Entries per second, group commit against one transaction per append: ${ratios.join(', ')}.` : '';
    markdown += `\n## Audit log appends\n\n${results.auditAppends.when} · ${results.auditAppends.machine}. One record an append (a mutation's outcome), with 1, 20 and 50 writers appending at once as concurrent requests do, through the audit chain of one institutions process on a fresh database: one transaction per append, in turn (the log before group commit), and group commit (the appends that wait while a transaction runs go into the next one). After each run the whole chain is verified (verifyAuditChain: every entry present, every link recomputed).${ratio}\n\n| mode | writers | appends | appends/s | transactions | p50 ms | p99 ms | chain intact |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n${audit.map((row) => `| ${row.mode} | ${row.concurrency} | ${row.appends} | ${row.appendsPerSecond} | ${row.commits} | ${row.p50Ms} | ${row.p99Ms} | ${row.chainIntact ? 'yes' : 'not checked'} |`).join('\n')}\n`;
  }
  if (results.signatures) {
    const figures = results.signatures;
    const cpu = (ms: Record<string, number>) => Object.entries(ms).map(([name, value]) => `${name} ${value}`).join(', ');
    // What one core would serve if the request's CPU were all it did: the figure the machine's other work does not move.
    const perCore = (ms: Record<string, number>) => {
      const total = Object.values(ms).reduce((sum, value) => sum + value, 0);
      return total > 0 ? String(Math.round(1000 / total)) : '-';
    };
    const line = (where: string, figure: SignatureFigure) =>
      `| ${where} | ${figure.perSecond} | ${figure.target} | ${figure.ofInProcess} | ${figure.ofCeiling ?? '-'} | ${cpu(figure.cpuMsPerRequest)} | ${cpu(figure.netCpuMsPerRequest ?? {})} | ${perCore(figure.netCpuMsPerRequest ?? figure.cpuMsPerRequest)} |`;
    const ceilingLines = (figures.ceiling ?? []).map((row) => `| ${row.target} | ${row.requestsPerSecond} | ${row.p50Ms} | ${cpu(row.cpuMsPerRequest)} | ${perCore(row.cpuMsPerRequest)} |`);
    const ceilingTable = ceilingLines.length
      ? `\n### The stack alone\n\nThe same query text and the same answer (the document the hub answered, kept in memory), served in the same run by a bare Apollo Server (\`apollo-server\`, as the documents subgraph is reached directly) and by bare Apollo Gateway (\`apollo-gateway\`) or Hive Gateway with the router runtime (\`hive-router-gateway\`) in front of it, with no plugin, principal, SQL, signature check, audit, log line or metric (bench/stack-ceiling.ts): the most a hub built on Apollo Server behind either gateway could serve on this machine. "of the stack alone" above is the hub's figure over \`apollo-server\` at the subgraph and over \`apollo-gateway\` through the gateway. Here "per core by CPU" is 1000 / the sum of the CPU figures as measured (\`/proc/<pid>/stat\`; these processes do nothing while nobody asks, so there is no idle part to take off).\n\n| target | requests/s | p50 ms | CPU ms a request, by process | per core by CPU |\n| --- | ---: | ---: | --- | ---: |\n${ceilingLines.join('\n')}\n`
      : '';
    markdown += `\n## Signatures verified per second\n\n${figures.when} · ${figures.machine}. The \`verify-document\` rows (one signature a request, ${values.connections} connections) beside the same kind of signature's checks alone in this process, measured in the same run (\`signature-checks\`, warm: ${figures.inProcessPerSecond} a second, OpenSSL through node:crypto). CPU ms a request is each serving process's own CPU over the requests (\`process_cpu_seconds_total\`), "net" the same less what the process spent over as long a time with nobody asking (measured for 2 s just before); "per core by CPU" is 1000 / the sum of the net figures, what one core would serve with nothing else to run.\n\n| where | signatures/s | issue 14 target | of in-process | of the stack alone | CPU ms a request, by process | net | per core by CPU |\n| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |\n${line('documents subgraph', figures.atSubgraph)}\n${line('through the gateway', figures.throughGateway)}\n${ceilingTable}`;
  }
  if (results.signatureChecks) {
    markdown += `\n## Signature checks alone\n\n${results.signatureChecks.when} · ${results.signatureChecks.machine}. One RSA-2048 detached CMS signature over 2 KB, chain signer → issuing CA → root, checked in one process without HTTP, GraphQL or SQL (bench/signature-checks.ts): \`warm\` is a repeated verification (parse and chain result kept: the content digest, the signature over the signed attributes and validity), \`cold\` a first one (CMS parse and chain by node:crypto too), \`chain by node-forge\` the chain check alone as it was done before.\n\n| step | per second | µs each |\n| --- | ---: | ---: |\n${results.signatureChecks.rows.map((row) => `| ${row.step} | ${row.perSecond} | ${row.microseconds} |`).join('\n')}\n`;
  }
  if (results.entityBatches) {
    const { rows: batches, before } = results.entityBatches;
    const earlier = (row: EntityBatchRow) => before?.rows.find((old) => old.field === row.field && old.representations === row.representations);
    const lines = batches.map((row) => {
      const old = earlier(row);
      return `| ${row.field} | ${row.representations} | ${old ? old.p50Ms : '-'} | ${row.p50Ms} | ${old ? (old.p50Ms / row.p50Ms).toFixed(1) : '-'} |`;
    });
    markdown += `\n## Entity batches\n\n${results.entityBatches.when} · ${results.entityBatches.machine}. \`_entities\` for 1, 10 and 100 AdministrativeUnit representations (provinces, then districts) straight at the procedures subgraph as a national ADMIN, one request at a time, ${values['entities-rounds']} rounds each; p50 in ms${before ? `, before: the code measured ${before.when}` : ''}. A batch is answered with a bounded number of SQL statements (docs/architecture.md, "Entity batches").\n\n| field | representations | p50 before | p50 now | before / now |\n| --- | ---: | ---: | ---: | ---: |\n${lines.join('\n')}\n`;
  }
  writeFileSync(resolve(folder, `${db}.md`), markdown);
  console.log(`wrote bench/results/${db}.md and ${db}.json`);
}

/** The `_entities` figures of `--entities-before` (a results file of the code before). */
function entitiesBefore(): { when: string; rows: EntityBatchRow[] } | undefined {
  const file = values['entities-before'];
  if (!file) return undefined;
  const earlier = JSON.parse(readFileSync(file, 'utf8')) as Results;
  if (!earlier.entityBatches) throw new Error(`${file} holds no entity batch figures`);
  return { when: earlier.entityBatches.when, rows: earlier.entityBatches.rows };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
