import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { openDatabase } from '../services/core/database';
import type { AuditRecord } from '../services/core/audit/audit-record';
import { AuditChain, verifyAuditChain } from '../services/institutions/audit/audit-chain';
import { institutionsEntities } from '../services/institutions/schema';
import { institutionsMigrations } from '../services/institutions/migrations';

export interface AuditAppendRow {
  /** `one at a time`: a transaction per append, in turn (the log before group commit); `group commit`: what runs. */
  mode: string;
  appends: number;
  /** Appends in flight at once, as concurrent requests would have them. */
  concurrency: number;
  appendsPerSecond: number;
  /** Transactions it took. */
  commits: number;
  p50Ms: number;
  p99Ms: number;
  /** verifyAuditChain after the run: every entry present and every link recomputed. */
  chainIntact: boolean;
}

/** Writers in flight at once: one (a quiet hub), 20 (the busy hub) and 50. */
export const AUDIT_WRITERS = [1, 20, 50];

const RECORD: AuditRecord = {
  source: 'procedures',
  action: 'mutation receiveDossier',
  outcome: 'SUCCEEDED',
  operationName: 'Desk',
  operationHash: 'f'.repeat(64),
  actor: { kind: 'USER', subject: 'bench', unitCode: '905', unitPath: 'VN/91/905' },
  targets: ['Dossier:91-905-2026-000001', 'clientKey:bench', 'procedureId:91-H0001', 'unitCode:905'],
  targetUnitPath: 'VN/91/905',
};

const percentile = (sorted: number[], share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] * 10) / 10;

/**
 * Audit appends per second, one record each, with each number of `writers` in flight, through
 * the audit chain on a fresh institutions database: one transaction per append in turn, and
 * group commit. After each run the whole chain is verified (`verifyAuditChain`); a broken
 * chain stops the benchmark.
 */
export async function measureAuditAppends(db: 'sqlite' | 'mariadb', mysqlUrl: string, appends = 2000, writers = AUDIT_WRITERS): Promise<AuditAppendRow[]> {
  let url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-bench-audit-')), 'institutions.sqlite')}`;
  if (db === 'mariadb') {
    const server = new URL(mysqlUrl);
    const connection = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
    await connection.query('DROP DATABASE IF EXISTS hub_bench_audit');
    await connection.end();
    url = `${mysqlUrl.replace(/\/$/, '')}/hub_bench_audit`;
  }
  const dataSource = await openDatabase({ name: 'institutions', url, entities: institutionsEntities, migrations: institutionsMigrations });
  const rows: AuditAppendRow[] = [];
  try {
    for (const concurrency of writers) {
      for (const [mode, groupCommit] of [['one at a time', false], ['group commit', true]] as const) {
        const chain = new AuditChain(dataSource, { groupCommit, maxWaitMs: 600_000 });
        await chain.append([RECORD]);
        const before = { ...chain.stats };
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < appends) {
              next += 1;
              const at = performance.now();
              await chain.append([RECORD]);
              latencies.push(performance.now() - at);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const verification = await verifyAuditChain(dataSource);
        if (verification.broken) throw new Error(`the audit chain broke (${mode}, ${concurrency} writers): ${JSON.stringify(verification.broken)}`);
        latencies.sort((a, b) => a - b);
        const row = {
          mode,
          appends,
          concurrency,
          appendsPerSecond: Math.round(appends / seconds),
          commits: chain.stats.commits - before.commits,
          p50Ms: percentile(latencies, 0.5),
          p99Ms: percentile(latencies, 0.99),
          chainIntact: true,
        };
        console.log(
          `audit append, ${String(concurrency).padStart(2)} writers, ${mode.padEnd(14)} ${String(row.appendsPerSecond).padStart(6)} appends/s  ${row.commits} transactions  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  chain intact (${verification.entries} entries)`,
        );
        rows.push(row);
      }
    }
  } finally {
    await dataSource.destroy();
  }
  return rows;
}
