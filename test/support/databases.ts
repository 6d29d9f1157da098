import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { withHandshakeRetry } from '../../services/core/database';
import { createConnection } from 'mysql2/promise';
import { cloneTemplate, readTemplates } from './templates';

export type DatabaseKind = 'sqlite' | 'mariadb';

/** Every subgraph suite runs against both: the embedded default and MariaDB. */
export const DATABASES: DatabaseKind[] = ['sqlite', 'mariadb'];

/** MariaDB server the tests use; `.ci/run` starts it when it is not running. */
export const MYSQL_SERVER = process.env.HUB_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export function mysqlServerOptions() {
  const server = new URL(MYSQL_SERVER);
  return {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
    // The SQLite templates are built in the same process and block its event loop for seconds.
    connectTimeout: 120_000,
  };
}

/** A fresh, empty database URL for one subgraph of one suite. */
export async function freshDatabaseUrl(kind: DatabaseKind, name: string): Promise<string> {
  if (kind === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-db-')), `${name}.sqlite`)}`;
  const database = `hubtest_${name}_${process.pid}`.replace(/[^A-Za-z0-9_]/g, '_');
  const connection = await serverConnection();
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
  return `${MYSQL_SERVER.replace(/\/$/, '')}/${database}`;
}

/**
 * A database of one subgraph holding the demo data, for one suite: a copy of the run's
 * template (test/support/templates.ts), or an empty one the subgraph seeds itself when no
 * template was built.
 */
export async function seededDatabaseUrl(kind: DatabaseKind, subgraph: string, suite: string): Promise<string> {
  const url = await freshDatabaseUrl(kind, `${suite}_${subgraph}`);
  const template = readTemplates()?.[kind][subgraph];
  if (!template) return url;
  await cloneTemplate(kind, template, kind === 'sqlite' ? url.slice('sqlite:'.length) : new URL(url).pathname.slice(1));
  return url;
}

/** A connection to the MariaDB server itself, its handshake retried as the hub's own (core/database.ts). */
export const serverConnection = () => withHandshakeRetry(() => createConnection(mysqlServerOptions()));

/**
 * Removes a suite's database once its subgraph has stopped: the SQLite file's own folder, or the
 * MariaDB database. Without it a full run leaves gigabytes behind (and once filled the disk).
 */
export async function discardDatabase(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const folder = dirname(url.slice('sqlite:'.length));
    if (basename(folder).startsWith('hub-db-')) rmSync(folder, { recursive: true, force: true });
    return;
  }
  const database = new URL(url).pathname.slice(1);
  if (!/^hubtest_[A-Za-z0-9_]+$/.test(database)) return;
  const connection = await serverConnection();
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}
