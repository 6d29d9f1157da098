import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, made on first use. Each loader batches the keys asked for in one
 * tick into one SQL statement and caches the answers for the rest of the request only, so a
 * principal never sees another's cached rows.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | null | Error)[]>): DataLoader<K, V | null> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V | null>(batch as never, { maxBatchSize: 1000 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V | null>;
  }
}

/** Orders the rows of a batch by the keys asked for; missing keys become null. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row] as const));
  return keys.map((key) => found.get(key) ?? null);
}

/** Groups the rows of a batch by the keys asked for (one-to-many). */
export function groupedByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
