import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type EntityManager, type EntitySchema, type Logger, type MixedList, type ObjectLiteral } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { dataDir } from './config';
import { databaseKindOf, type DriverMigrations } from './migrations/driver-migrations';
import { bringUpToDate } from './migrations/run-migrations';

const background = new AsyncLocalStorage<true>();

/**
 * Runs a process's own work beside its requests (the events relay, the webhook dispatcher and
 * consumer): its statements are no request's, so `StatementCounter` leaves them out.
 */
export const asBackgroundWork = <T>(work: () => Promise<T>): Promise<T> => background.run(true, work);

/**
 * Counts the SQL statements a DataSource sends for requests (not for `asBackgroundWork`), so
 * tests can prove a list of N items costs a bounded number of queries.
 */
export class StatementCounter implements Logger {
  count = 0;
  readonly statements: string[] = [];
  private recording = false;

  logQuery(query: string) {
    if (background.getStore()) return;
    this.count += 1;
    if (this.recording) this.statements.push(query);
  }
  /** Starts a fresh tally; with `record`, the statements themselves are kept too. */
  reset(record = false) {
    this.count = 0;
    this.statements.length = 0;
    this.recording = record;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const counters = new WeakMap<DataSource, StatementCounter>();
export const statementCounter = (dataSource: DataSource) => counters.get(dataSource)!;

export interface DatabaseOptions {
  /** `mysql://user:pass@host:port/database` or `sqlite:path/to/file.sqlite`; default: a SQLite file per subgraph. */
  url?: string;
  /** Subgraph name, used for the default SQLite file name. */
  name: string;
  entities: MixedList<Function | string | EntitySchema>;
  /** Its migrations per database kind (`services/<subgraph>/migrations/`): the only way its tables are made or changed. */
  migrations: DriverMigrations;
  /**
   * Run the pending migrations on opening (default `HUB_MIGRATE_ON_START`, on); false: throw
   * PendingMigrationsError when any is pending; 'never': neither (the migration tooling itself).
   */
  migrate?: boolean | 'never';
  /**
   * For the migration tools (the generator, the tests' schema comparison): MariaDB is opened with
   * TypeORM's `mariadb` type, the only one that reads MariaDB's column defaults right (it reports
   * a nullable column's default as the text NULL, which the `mysql` type takes for a default and
   * "changes" at every comparison). Processes keep the `mysql` type they were built and tested on.
   */
  schemaTools?: boolean;
}

/**
 * How long a MySQL handshake may take. mysql2's 10 s default fails spuriously when the process's
 * event loop is busy for seconds (a seed, a SQLite copy in the same process), not the server.
 */
const CONNECT_TIMEOUT_MS = 60_000;

/** Errors of a handshake cut short: the server's own `connect_timeout` (10 s) ends a handshake the client was too busy to finish. */
const CUT_HANDSHAKE = new Set(['ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_HANDSHAKE_ERROR']);

/**
 * Opening a connection, tried again (three times in all) when the handshake was cut short: a
 * process whose event loop is busy for seconds (a seed, a SQLite copy) answers the server too
 * late, which is no fault of the server.
 */
export async function withHandshakeRetry<T>(open: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await open();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || !code || !CUT_HANDSHAKE.has(code)) throw error;
    }
  }
}

/** Creates the MySQL database named in the URL if it is missing (one database per subgraph). */
async function ensureMysqlDatabase(url: URL) {
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Invalid MySQL database name "${database}"`);
  const connection = await withHandshakeRetry(() =>
    createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      connectTimeout: CONNECT_TIMEOUT_MS,
    }),
  );
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/** A SQLite database and its WAL files are readable by the hub's user alone (0600), whatever the umask. */
function restrictToOwner(file: string) {
  if (file === ':memory:') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/** The database URL of a subgraph: the one given, or the embedded default, a SQLite file per subgraph under the data folder. */
export const databaseUrlOf = (name: string, url?: string) => url ?? `sqlite:${resolve(dataDir(), `${name}.sqlite`)}`;

/**
 * Opens a subgraph's database and brings its schema to this version with its migrations (README,
 * "Migrations"); TypeORM `synchronize` is never used. Throws PendingMigrationsError when the
 * schema is behind and migrating is off.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const counter = new StatementCounter();
  const url = databaseUrlOf(options.name, options.url);
  const kind = databaseKindOf(url);
  const migrations = options.migrations[kind];
  let dataSource: DataSource;
  if (kind === 'mariadb') {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    await ensureMysqlDatabase(parsed);
    dataSource = new DataSource({
      type: options.schemaTools ? 'mariadb' : 'mysql',
      url: parsed.toString(),
      entities: options.entities,
      migrations,
      synchronize: false,
      logger: counter,
      logging: ['query'],
      charset: 'utf8mb4_bin',
      // Dates and times come back as strings on both drivers; the edge converts them.
      dateStrings: true,
      supportBigNumbers: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      bigNumberStrings: false,
    });
  } else {
    const file = url.slice('sqlite:'.length);
    // The files hold personal data and keys: a folder the hub makes is its own (0700).
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true, mode: 0o700 });
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: file,
      entities: options.entities,
      migrations,
      synchronize: false,
      logger: counter,
      logging: ['query'],
      enableWAL: file !== ':memory:',
    });
  }
  const opening = dataSource;
  await withHandshakeRetry(() => opening.initialize());
  counters.set(dataSource, counter);
  try {
    if (options.migrate !== 'never') await bringUpToDate(dataSource, options.name, options.migrate);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  if (url.startsWith('sqlite:')) restrictToOwner(url.slice('sqlite:'.length));
  return dataSource;
}

/** MySQL returns COUNT and SUM as strings; SQLite as numbers. */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Multi-row INSERTs, one per `batchSize` rows, with the caller's (transactional) entity
 * manager, straight to the driver with positional parameters. TypeORM's insert builder spends
 * most of a 300,000-row seed building parameter maps; this sends the same statements at a
 * fraction of the cost. Columns and value conversions come from the entity's metadata and the driver.
 */
export async function insertInBatches<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
  batchSize = 1000,
) {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  // The driver's own conversion (booleans, simple-array, simple-json…); a missing value takes the column default.
  const bindable = (row: ObjectLiteral, column: (typeof columns)[number]) => {
    const value = row[column.propertyName] ?? (typeof column.default === 'function' ? undefined : column.default);
    return value === undefined || value === null ? null : driver.preparePersistentValue(value, column);
  };
  // SQLite takes at most 32,766 parameters in one statement.
  const size = Math.max(1, Math.min(batchSize, Math.floor(30_000 / columns.length)));
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const parameters = batch.flatMap((row) => columns.map((column) => bindable(row as ObjectLiteral, column)));
    await manager.query(head + batch.map(() => tuple).join(', '), parameters);
  }
}
