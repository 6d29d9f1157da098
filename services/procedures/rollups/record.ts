import type { EntityManager } from 'typeorm';
import type { Dossier } from '../dossier/dossier';
import { bucketKeysOf } from './buckets';
import { addCountersOnConflict, COUNTER_COLUMNS, DailyCount, dialectOf, TOTALS } from './daily-count';
import { dossierEvents, eventDelta, type DayEvents } from './events';

/** `VN/62/610/23500/` -> `VN/`, `VN/62/`, `VN/62/610/`, `VN/62/610/23500/`: the unit and every unit above it. */
export function pathsUpTo(storedUnitPath: string): string[] {
  const parts = storedUnitPath.split('/').filter((part) => part !== '');
  return parts.map((_, index) => `${parts.slice(0, index + 1).join('/')}/`);
}

/**
 * Adds counter deltas to rollup rows, creating the missing ones: one multi-row upsert. Keys are
 * (scopePath, day, procedureId, channel); values are added, never set, so concurrent changes of
 * different dossiers compose.
 */
type RollupDelta = { scopePath: string; day: string; procedureId: string; channel: string; counters: DayEvents['counters'] };

/** Deltas with the same key added into one (two days of a change fall in one month's bucket). */
function merged(rows: readonly RollupDelta[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const row of rows) {
    const key = JSON.stringify([row.scopePath, row.day, row.procedureId, row.channel]);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...row, counters: { ...row.counters } });
      continue;
    }
    for (const name of COUNTER_COLUMNS) seen.counters[name] = (seen.counters[name] ?? 0) + (row.counters[name] ?? 0);
  }
  return [...byKey.values()];
}

export async function addToRollups(manager: EntityManager, deltas: RollupDelta[]) {
  const rows = merged(deltas);
  if (rows.length === 0) return;
  const driver = manager.connection.driver;
  const table = driver.escape(manager.connection.getMetadata(DailyCount).tableName);
  const keys = ['scopePath', 'day', 'procedureId', 'channel'];
  const columns = [...keys, ...COUNTER_COLUMNS].map((name) => driver.escape(name));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const parameters = rows.flatMap((row) => [row.scopePath, row.day, row.procedureId, row.channel, ...COUNTER_COLUMNS.map((name) => row.counters[name] ?? 0)]);
  const conflict = addCountersOnConflict(dialectOf(manager.connection), table, (name) => driver.escape(name));
  await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')} ${conflict}`, parameters);
}

/**
 * Keeps the rollups of a dossier change, with the transaction's entity manager (docs/architecture.md
 * rule 15: in the same transaction as the change): the difference between what the dossier counted
 * for before (null for a new one) and after, added to its unit's detail row and to the totals row
 * of its unit and of every unit above it, for each day that changes and that day's month and year
 * (`buckets.ts`).
 */
export async function recordDossierChange(manager: EntityManager, before: Dossier | null, after: Dossier) {
  const delta = eventDelta(before ? dossierEvents(before) : [], dossierEvents(after));
  const scopes = pathsUpTo(after.unitPath);
  await addToRollups(
    manager,
    delta.flatMap(({ day: eventDay, counters }) =>
      bucketKeysOf(eventDay).flatMap((day) => [
        { scopePath: after.unitPath, day, procedureId: after.procedureId, channel: after.channel, counters },
        ...scopes.map((scopePath) => ({ scopePath, day, procedureId: TOTALS, channel: TOTALS, counters })),
      ]),
    ),
  );
}
