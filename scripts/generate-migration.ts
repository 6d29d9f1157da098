import 'reflect-metadata';
import { env } from '../services/core/config';
import { generateMigrations } from '../services/core/migrations/generate-migrations';
import { SUBGRAPHS } from '../services/registry';

/**
 * `npm run migration:generate -- <Name>`: writes the migration that brings a database of the
 * checked-in migrations to the entities, for every subgraph whose entities changed, on both
 * MariaDB and SQLite (README, "Migrations"). MariaDB scratch databases go to
 * `HUB_MIGRATION_MYSQL_URL` (default `mysql://root@127.0.0.1:3306`, the tests' server).
 */
async function main() {
  const name = process.argv[2];
  if (!name) throw new Error('Usage: npm run migration:generate -- <Name>   (PascalCase, for example AddUnitLineage)');
  const written = await generateMigrations(name, SUBGRAPHS, env('HUB_MIGRATION_MYSQL_URL') ?? 'mysql://root@127.0.0.1:3306');
  if (written.length === 0) {
    console.log('The entities match the migrations: nothing to generate.');
    return;
  }
  for (const migration of written) console.log(`wrote ${migration.file}`);
  console.log('Review them, then: npm run build && npx jest --maxWorkers=1 test/core/migrations.test.ts');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
