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
  let tail: Promise<void> = Promise.resolve();
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
          const previous = tail;
          let open!: () => void;
          tail = new Promise<void>((resolve) => (open = resolve));
          release = open;
          await previous;
        },
        async willSendResponse() {
          done();
        },
      };
    },
  };
}
