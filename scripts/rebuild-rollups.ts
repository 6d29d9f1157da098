import 'reflect-metadata';
import { openDatabase } from '../services/core/database';
import { migrationTargets, withoutPassword } from '../services/core/migrations/migrate-subgraphs';
import { rebuildRollups } from '../services/procedures/rollups/backfill';
import { SUBGRAPHS } from '../services/registry';

/**
 * `npm run rollups:rebuild`: rebuilds the procedures subgraph's statistics rollups
 * (`dossier_daily_counts`) from its dossiers and feedback, in one transaction, on its configured
 * database (`PROCEDURES_DATABASE_URL` or `DATABASE_URL`, as `npm run migrate`). For a database
 * whose rows were changed outside the hub (an import, a repair by hand): the hub's own writes keep
 * the rollups themselves (docs/architecture.md rule 15). Readers see the old figures until it commits.
 */
async function main() {
  const [target] = migrationTargets(SUBGRAPHS.filter((definition) => definition.name === 'procedures'));
  const dataSource = await openDatabase({ name: 'procedures', url: target.url, entities: target.definition.entities, migrations: target.definition.migrations, migrate: false });
  try {
    const started = Date.now();
    await dataSource.transaction((manager) => rebuildRollups(manager));
    const [{ n: rows }] = await dataSource.query('SELECT COUNT(*) AS n FROM dossier_daily_counts');
    console.log(`procedures (${withoutPassword(target.url)}): rollups rebuilt, ${rows} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
