import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { connect } from 'nats';
import { IsNull, type DataSource } from 'typeorm';
import { openDatabase } from '../services/core/database';
import { IdempotencyRecord } from '../services/core/idempotency';
import { recordEvent } from '../services/core/events/outbox';
import { OutboxEvent } from '../services/core/events/outbox-entities';
import { EventRelay } from '../services/core/events/relay';
import { JetStreamTransport } from '../services/core/events/transports';
import { proceduresMigrations } from '../services/procedures/migrations';
import { proceduresEntities } from '../services/procedures/schema';

/**
 * `npx node dist/bench/event-outbox.js [--db sqlite|mariadb] [--writes 2000] [--nats nats://127.0.0.1:4222]`
 * What the outbox costs a write, and how fast the relay empties it into NATS JetStream, on a
 * fresh procedures database: transactions of one row (an idempotency record, as a creating
 * mutation writes) without and with `recordEvent`, one after the other; then the relay's
 * events per second from a full outbox to acknowledged JetStream messages (a stream of its own,
 * deleted after). Prints the figures; asserts nothing.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    writes: { type: 'string', default: '2000' },
    nats: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
    'mysql-url': { type: 'string', default: process.env.HUB_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
  },
});
const percentile = (sorted: number[], share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] * 100) / 100;

async function database(db: string): Promise<DataSource> {
  let url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-bench-events-')), 'procedures.sqlite')}`;
  if (db === 'mariadb') {
    const server = new URL(values['mysql-url']!);
    const connection = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
    await connection.query(`DROP DATABASE IF EXISTS hub_bench_events_${process.pid}`);
    await connection.end();
    url = `${values['mysql-url']!.replace(/\/$/, '')}/hub_bench_events_${process.pid}`;
  }
  return openDatabase({ name: 'procedures', url, entities: proceduresEntities, migrations: proceduresMigrations });
}

async function writes(dataSource: DataSource, count: number, withEvent: boolean, label: string) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const at = performance.now();
    await dataSource.transaction(async (manager) => {
      await manager.insert(IdempotencyRecord, { owner: 'bench', clientKey: `${label}-${index}`, mutation: 'receiveDossier', requestHash: 'f'.repeat(64), resultIds: '[]', createdAt: new Date().toISOString() });
      if (withEvent) {
        await recordEvent(manager, { subgraph: 'procedures', type: 'dossier.received', record: { type: 'Dossier', id: `bench-${index}` }, units: ['VN/91/905'], state: 'RECEIVED' });
      }
    });
    latencies.push(performance.now() - at);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`${label.padEnd(22)} ${String(Math.round(count / seconds)).padStart(6)} transactions/s  p50 ${percentile(latencies, 0.5)} ms  p99 ${percentile(latencies, 0.99)} ms`);
}

async function relayThroughput(dataSource: DataSource, count: number, servers: string) {
  const stream = `HUB_EVENTS_BENCH_${process.pid}`;
  process.env.HUB_EVENTS_STREAM = stream;
  process.env.HUB_EVENTS_SUBJECT_PREFIX = `bench${process.pid}.events`;
  const relay = new EventRelay('procedures', dataSource, new JetStreamTransport(servers), { enabled: true, pollMs: 20, delayMs: 0, leaseMs: 15_000, batch: 100, maxBackoffMs: 1_000, retentionHours: 0, pruneEveryMs: 60_000 });
  const outbox = dataSource.getRepository(OutboxEvent);
  const started = performance.now();
  relay.start();
  while ((await outbox.countBy({ publishedAt: IsNull() })) > 0) await new Promise((done) => setTimeout(done, 50));
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  console.log(`relay to JetStream      ${String(Math.round(count / seconds)).padStart(6)} events/s (${count} events, acks awaited one by one)`);
  const connection = await connect({ servers });
  await (await connection.jetstreamManager()).streams.delete(stream).catch(() => undefined);
  await connection.close();
}

async function main() {
  const db = values.db!;
  const count = Number(values.writes);
  const dataSource = await database(db);
  try {
    console.log(`event outbox on ${db}, ${count} sequential transactions each`);
    await writes(dataSource, count, false, 'write alone');
    await writes(dataSource, count, true, 'write + recordEvent');
    await relayThroughput(dataSource, count, values.nats!);
  } finally {
    if (db === 'mariadb') await dataSource.query(`DROP DATABASE IF EXISTS hub_bench_events_${process.pid}`);
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
