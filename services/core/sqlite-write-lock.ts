import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';

/**
 * On SQLite, one mutation at a time per process. TypeORM's better-sqlite3 driver runs every
 * query of a process on one connection, so two transactions of concurrent requests nest as
 * savepoints of one another: a request that rolls back could undo the writes of another that
 * was already acknowledged, and a `save` outside a transaction joins whichever is open. Taking
 * the writes one at a time (as SQLite's single writer would anyway) closes that. Reads are
 * not held; MariaDB gives each transaction its own connection and needs none of this.
 */
export function sqliteWriteLockPlugin(dataSource: DataSource): ApolloServerPlugin {
  if (dataSource.options.type !== 'better-sqlite3') return {};
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      const done = () => {
        release?.();
        release = undefined;
      };
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          release = await acquire(dataSource);
        },
        async willSendResponse() {
          done();
        },
      };
    },
  };
}

/** The end of the queue of writes of one SQLite database, per DataSource (mutations and background writes alike). */
const tails = new WeakMap<DataSource, Promise<void>>();

/** Waits for the writes queued before, then holds the database's write turn until the returned release is called. */
function acquire(dataSource: DataSource): Promise<() => void> {
  const previous = tails.get(dataSource) ?? Promise.resolve();
  let open!: () => void;
  tails.set(dataSource, new Promise<void>((resolve) => (open = resolve)));
  return previous.then(() => open);
}

/**
 * Runs a write made outside a GraphQL mutation (an event stored, a delivery's outcome) in the
 * same queue as the mutations on SQLite, so its transaction never nests in theirs; on MariaDB
 * it just runs. Never call it from a mutation's resolver: it would wait for that mutation.
 */
export async function withSqliteWriteLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return work();
  const release = await acquire(dataSource);
  try {
    return await work();
  } finally {
    release();
  }
}
