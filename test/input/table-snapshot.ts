import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Rows and a SHA-256 of every row of one table, read in primary-key order. */
export type TableSnapshot = Record<string, { rows: number; sha256: string }>;

/**
 * Every table of every subgraph database (every TypeORM entity's table), with its row count
 * and a checksum of its rows, so two snapshots differ when any table gained, lost or changed
 * a row. Keyed `subgraph.table`.
 */
export async function snapshotTables(dataSources: Record<string, DataSource>): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = {};
  for (const [subgraph, dataSource] of Object.entries(dataSources)) {
    const tables = new Map(dataSource.entityMetadatas.map((metadata) => [metadata.tableName, metadata]));
    for (const [table, metadata] of tables) {
      const escape = (name: string) => dataSource.driver.escape(name);
      const order = metadata.primaryColumns.map((column) => escape(column.databaseName)).join(', ');
      const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${escape(table)}${order ? ` ORDER BY ${order}` : ''}`);
      const hash = createHash('sha256');
      for (const row of rows) hash.update(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).update('\n');
      snapshot[`${subgraph}.${table}`] = { rows: rows.length, sha256: hash.digest('hex') };
    }
  }
  return snapshot;
}
