import 'reflect-metadata';
import { openDatabase } from '../../services/core/database';
import { AuditChain } from '../../services/institutions/audit/audit-chain';
import { institutionsEntities } from '../../services/institutions/schema';
import { institutionsMigrations } from '../../services/institutions/migrations';

/**
 * A process of its own that appends to an institutions database's audit log, as a second
 * institutions process would: `node dist/test/support/audit-appender.js <database url> <name> <appends> <start at, epoch ms>`.
 * From the start time on (so that several such processes overlap), it starts the appends a few
 * at a time without waiting for them (one record each, action `<name> <i>`), then prints
 * `{ appended, failed, commits }` as JSON and exits.
 */
async function main() {
  const [url, name, count, startAt] = process.argv.slice(2);
  const dataSource = await openDatabase({ name: 'institutions', url, entities: institutionsEntities, migrations: institutionsMigrations });
  const chain = new AuditChain(dataSource);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await pause(Math.max(0, Number(startAt) - Date.now()));
  const appends: Promise<unknown>[] = [];
  for (let index = 0; index < Number(count); index += 1) {
    appends.push(chain.append([{ source: 'institutions', action: `${name} ${index}`, outcome: 'ATTEMPTED', targets: [`append:${name}-${index}`] }]));
    if (index % 5 === 4) await pause(1);
  }
  const results = await Promise.allSettled(appends);
  const failed = results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason));
  console.log(JSON.stringify({ appended: results.length - failed.length, failed, commits: chain.stats.commits }));
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
