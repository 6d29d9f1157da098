import 'reflect-metadata';
import { migrateSubgraphs, migrationTargets, withoutPassword } from '../services/core/migrations/migrate-subgraphs';
import { SUBGRAPHS } from '../services/registry';

/**
 * `npm run migrate [-- <subgraph>…]`: runs the pending migrations of every subgraph (or of the
 * ones named) on its configured database (README, "Migrations"), and says what it ran.
 * Exit code 1 on an error, nothing after the failing migration being run.
 */
async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !SUBGRAPHS.some((definition) => definition.name === name));
  if (unknown.length > 0) throw new Error(`Unknown subgraph ${unknown.join(', ')}: one of ${SUBGRAPHS.map((definition) => definition.name).join(', ')}`);
  const targets = migrationTargets(names.length > 0 ? SUBGRAPHS.filter((definition) => names.includes(definition.name)) : SUBGRAPHS);
  for (const target of targets) {
    const ran = (await migrateSubgraphs([target]))[target.definition.name];
    const what = ran.length > 0 ? `ran ${ran.join(', ')}` : 'up to date';
    console.log(`${target.definition.name} (${withoutPassword(target.url)}): ${what}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
