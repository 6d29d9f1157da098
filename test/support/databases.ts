import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type DatabaseKind = 'sqlite' | 'mariadb';

/** Every subgraph suite runs against both: the embedded default and MariaDB. */
export const DATABASES: DatabaseKind[] = ['sqlite', 'mariadb'];

/** MariaDB server the tests use; `.ci/run` starts it when it is not running. */
export const MYSQL_SERVER = process.env.HUB_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** A fresh, empty database URL for one subgraph of one suite. */
export async function freshDatabaseUrl(kind: DatabaseKind, name: string): Promise<string> {
  if (kind === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-db-')), `${name}.sqlite`)}`;
  const database = `hubtest_${name}_${process.pid}`.replace(/[^A-Za-z0-9_]/g, '_');
  const server = new URL(MYSQL_SERVER);
  const connection = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
  return `${MYSQL_SERVER.replace(/\/$/, '')}/${database}`;
}
