import { SpanKind } from '@opentelemetry/api';
import type { DataSource, QueryRunner } from 'typeorm';
import { databaseInfo, onPoolScrape } from './metrics';
import { inSpan } from './tracing';

/** The longest statement text a span keeps (a multi-row INSERT of the seed is long and says nothing more). */
const STATEMENT_CHARS = 1_000;

const traced = new WeakSet<QueryRunner>();

/** `SELECT`, `INSERT`… as the span's name; the statement's text (placeholders, never values) as `db.query.text`. */
const operationOf = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';

/**
 * A span per SQL statement a subgraph sends through TypeORM (`db.query.text`: the statement with
 * its `?` placeholders, cut to STATEMENT_CHARS; the parameters, which hold personal data, are never
 * recorded), under the span of the request it serves. Both drivers pass every statement through
 * their QueryRunner's `query`; the audit chain's own SQLite statements have the `audit append` span.
 */
export function traceStatements(dataSource: DataSource, service: string) {
  const system = dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
  const driver = dataSource.driver as { createQueryRunner(mode: string): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: string) => {
    const runner = create(mode);
    if (traced.has(runner)) return runner;
    traced.add(runner);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      inSpan(
        operationOf(sql),
        { 'db.system.name': system, 'db.query.text': sql.slice(0, STATEMENT_CHARS), 'hub.service': service },
        () => query(sql, parameters, structured as never),
        SpanKind.CLIENT,
      )) as QueryRunner['query'];
    return runner;
  };
}

interface MysqlPool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

const watched = new Map<string, DataSource>();

/**
 * Reports a subgraph's database in `hub_database_info` and, for MariaDB/MySQL, its mysql2 pool
 * in `hub_database_pool_connections` (read at each scrape). SQLite has one connection and no pool.
 */
export function watchDatabase(dataSource: DataSource, service: string) {
  watched.set(service, dataSource);
  const pooled = dataSource.options.type === 'mysql';
  databaseInfo.set({ service, driver: dataSource.options.type, pooled: String(pooled) }, 1);
}

onPoolScrape((gauge) => {
  for (const [service, dataSource] of watched) {
    if (!dataSource.isInitialized) continue;
    const pool = (dataSource.driver as { pool?: MysqlPool }).pool;
    if (!pool) continue;
    gauge.set({ service, state: 'total' }, pool._allConnections?.length ?? 0);
    gauge.set({ service, state: 'idle' }, pool._freeConnections?.length ?? 0);
    gauge.set({ service, state: 'waiting' }, pool._connectionQueue?.length ?? 0);
    gauge.set({ service, state: 'limit' }, pool.config?.connectionLimit ?? 0);
  }
});
