import { env } from '../config';
import { databaseUrlOf, openDatabase } from '../database';
import type { SubgraphDefinition } from '../subgraph-definition';
import { runMigrations } from './run-migrations';

/**
 * The database each subgraph migrates with `npm run migrate`: `<SUBGRAPH>_DATABASE_URL` (for
 * example `INSTITUTIONS_DATABASE_URL`), else `DATABASE_URL` when exactly one subgraph is named
 * (as in that subgraph's own container), else its embedded SQLite file. `DATABASE_URL` with
 * several subgraphs throws: one URL cannot be the database of four.
 */
export function migrationTargets(subgraphs: SubgraphDefinition[]): { definition: SubgraphDefinition; url: string }[] {
  const shared = env('DATABASE_URL');
  if (shared && subgraphs.length !== 1) {
    throw new Error('DATABASE_URL is one subgraph\'s database: name that subgraph (npm run migrate -- institutions) or set <SUBGRAPH>_DATABASE_URL for each');
  }
  return subgraphs.map((definition) => ({
    definition,
    url: databaseUrlOf(definition.name, env(`${definition.name.toUpperCase()}_DATABASE_URL`) ?? shared),
  }));
}

/** Runs the pending migrations of each subgraph's database, one after another; returns what each ran. */
export async function migrateSubgraphs(targets: { definition: SubgraphDefinition; url: string }[]): Promise<Record<string, string[]>> {
  const ran: Record<string, string[]> = {};
  for (const { definition, url } of targets) {
    const dataSource = await openDatabase({ name: definition.name, url, entities: definition.entities, migrations: definition.migrations, migrate: 'never' });
    try {
      ran[definition.name] = await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  return ran;
}

/** A database URL fit for a log line: its password replaced by `***`. */
export const withoutPassword = (url: string) => url.replace(/^(\w+:\/\/[^:/@]*):[^@]*@/, '$1:***@');
