import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';

/** The end of the queue of writes of one SQLite database, per DataSource (mutations and background writes alike). */
const tails = new WeakMap<DataSource, Promise<void>>();

/**
 * Waits for this process's turn to write to a SQLite database; answers the function that ends
 * the turn. On MariaDB the turn is immediate. The mutations take it (below), and so do the
 * events relay (core/events/relay.ts), whose reads would otherwise see a mutation's rows before
 * they commit, and institutions' webhook intake and dispatcher (`withSqliteWriteLock`).
 */
export async function sqliteWriteTurn(dataSource: DataSource): Promise<() => void> {
  if (dataSource.options.type !== 'better-sqlite3') return () => undefined;
  const previous = tails.get(dataSource) ?? Promise.resolve();
  let open!: () => void;
  tails.set(dataSource, new Promise<void>((resolve) => (open = resolve)));
  await previous;
  return open;
}

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
          release = await sqliteWriteTurn(dataSource);
        },
        async willSendResponse() {
          done();
        },
      };
    },
  };
}

/**
 * Runs a write made outside a GraphQL mutation (an event stored, a delivery's outcome) in the
 * same queue as the mutations on SQLite, so its transaction never nests in theirs; on MariaDB
 * it just runs. Never call it from a mutation's resolver: it would wait for that mutation.
 */
export async function withSqliteWriteLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const release = await sqliteWriteTurn(dataSource);
  try {
    return await work();
  } finally {
    release();
  }
}
