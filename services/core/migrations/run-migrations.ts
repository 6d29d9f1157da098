import { MigrationExecutor, type DataSource } from 'typeorm';
import { envBool } from '../config';

/**
 * Whether a process migrates its database when it starts: `HUB_MIGRATE_ON_START`, default on
 * (production included: a replica waits for the one that migrates, see `migrateDatabase`). Off,
 * a process whose database is behind refuses to start and names `npm run migrate`.
 */
export const migrateOnStart = () => envBool('HUB_MIGRATE_ON_START', true);

/** A database whose schema is behind this version's migrations, met by a process that may not migrate it. */
export class PendingMigrationsError extends Error {
  constructor(readonly database: string, readonly pending: string[]) {
    super(
      `The ${database} database is behind this version: ${pending.length} migration(s) pending (${pending.join(', ')}). ` +
        'Run `npm run migrate` (README, "Migrations"), or set HUB_MIGRATE_ON_START=1.',
    );
    this.name = 'PendingMigrationsError';
  }
}

/** How long a process waits for another one migrating the same MariaDB database. */
const LOCK_WAIT_SECONDS = 600;

/** Names of the migrations the database has not run yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  return (await new MigrationExecutor(dataSource).getPendingMigrations()).map((migration) => migration.name);
}

/**
 * Runs the pending migrations of an initialized DataSource (its `migrations` option), each in its
 * own transaction with its record in the `migrations` table, and returns their names.
 *
 * MariaDB: under a named lock (`GET_LOCK`) held on a connection of its own, so that replicas
 * starting together migrate once: the others wait (up to 10 minutes), then find nothing pending.
 * MariaDB commits DDL at once, so a migration that fails halfway leaves its first statements
 * applied; restore the backup taken before migrating. SQLite: one process per database file.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const run = async () => (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  // The processes open MariaDB with TypeORM's `mysql` type, the migration tools with its `mariadb` type.
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') return run();
  const lockHolder = dataSource.createQueryRunner();
  const lock = `hub_migrations_${dataSource.driver.database ?? ''}`.slice(0, 64);
  try {
    const [{ locked }] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS locked', [lock, LOCK_WAIT_SECONDS]);
    if (Number(locked) !== 1) throw new Error(`Another process has been migrating ${dataSource.driver.database} for ${LOCK_WAIT_SECONDS} s; not migrating`);
    try {
      return await run();
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await lockHolder.release();
  }
}

/**
 * What a process does with its database at start: runs the pending migrations when
 * `migrate` (default `HUB_MIGRATE_ON_START`), else throws PendingMigrationsError if any is pending.
 */
export async function bringUpToDate(dataSource: DataSource, name: string, migrate = migrateOnStart()): Promise<string[]> {
  if (migrate) return runMigrations(dataSource);
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new PendingMigrationsError(name, pending);
  return [];
}
