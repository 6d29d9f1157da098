import type { QueryRunner } from 'typeorm';

/**
 * The tables and columns the previous release's `synchronize` made, by table: what the first
 * migration of a subgraph creates.
 */
export type ReleaseTables = Record<string, string[]>;

/**
 * Used by the first migration of each subgraph only. Before migrations, every start ran TypeORM
 * `synchronize`, so an existing database holds the previous release's tables but no migration
 * history. Returns true when every table and column of that release is there (the migration then
 * creates nothing and is recorded as run, keeping every row), false when none of its tables
 * exists (an empty database: the migration creates them). Throws when only some are there: a
 * database of an older release or of something else, which no migration here knows how to bring
 * to this version.
 */
export async function holdsPreviousRelease(queryRunner: QueryRunner, tables: ReleaseTables): Promise<boolean> {
  const names = Object.keys(tables);
  const present = new Set<string>();
  for (const name of names) if (await queryRunner.hasTable(name)) present.add(name);
  if (present.size === 0) return false;
  const missing: string[] = names.filter((name) => !present.has(name));
  for (const name of present) {
    const table = await queryRunner.getTable(name);
    const columns = new Set(table?.columns.map((column) => column.name));
    for (const column of tables[name]) if (!columns.has(column)) missing.push(`${name}.${column}`);
  }
  if (missing.length > 0) {
    throw new Error(
      `This database has tables but no migration history, and it is not the previous release's schema (missing: ${missing.join(', ')}). ` +
        'Start it once with the previous release (which brings it to that schema), then migrate.',
    );
  }
  return true;
}
