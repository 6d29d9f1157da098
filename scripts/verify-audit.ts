import 'reflect-metadata';
import { env } from '../services/core/config';
import { openDatabase } from '../services/core/database';
import { verifyAuditChain } from '../services/institutions/audit/audit-chain';
import { institutionsEntities } from '../services/institutions/schema';
import { institutionsMigrations } from '../services/institutions/migrations';

/**
 * `npm run audit:verify`: recomputes every link of the audit log's hash chain, in the
 * institutions database (DATABASE_URL, default the embedded SQLite file), and reports the
 * first link that does not hold. Exit 0 when the chain is whole, 1 when it is broken, 2 on error.
 */
async function main() {
  const dataSource = await openDatabase({ name: 'institutions', url: env('DATABASE_URL'), entities: institutionsEntities, migrations: institutionsMigrations });
  try {
    const result = await verifyAuditChain(dataSource);
    if (result.broken) {
      console.log(`Audit chain BROKEN at entry ${result.broken.sequence}: ${result.broken.reason}.`);
      console.log(`The ${result.entries} entries before it hold (last good hash ${result.headHash}).`);
      process.exitCode = 1;
    } else {
      console.log(`Audit chain intact: ${result.entries} entries, head hash ${result.headHash}.`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`Audit verification failed to run: ${(error as Error).message}`);
  process.exitCode = 2;
});
