import type { MigrationInterface } from 'typeorm';

/**
 * The two database kinds the hub runs on. Their DDL differs (types, quoting, how a column is
 * changed: MariaDB alters the table, SQLite copies it), so each subgraph keeps one migration
 * set per kind, each generated from the entities by the kind's own TypeORM driver.
 */
export type DatabaseKind = 'mariadb' | 'sqlite';

export const DATABASE_KINDS: DatabaseKind[] = ['mariadb', 'sqlite'];

/** A migration class: its name ends with the 13-digit timestamp TypeORM orders them by. */
export type MigrationClass = new () => MigrationInterface;

/** A subgraph's migrations, oldest first, one list per database kind (`services/<subgraph>/migrations/`). */
export type DriverMigrations = Record<DatabaseKind, MigrationClass[]>;

/** The kind of a `DATABASE_URL`: `mysql://…` or `mariadb://…` is MariaDB, `sqlite:…` SQLite; anything else throws. */
export function databaseKindOf(url: string): DatabaseKind {
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mariadb';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`Unsupported database URL "${url}": use mysql://… or sqlite:…`);
}
