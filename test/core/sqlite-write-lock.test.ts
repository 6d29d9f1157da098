import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { DataSource } from 'typeorm';
import { sqliteWriteLockPlugin } from '../../services/core/sqlite-write-lock';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Why SQLite takes one mutation at a time: TypeORM's better-sqlite3 driver runs every query of a
 * process on one connection, so two transactions of concurrent requests collide (the second's
 * BEGIN fails, or it nests as a savepoint), and the first can lose part of its writes.
 */
describe('SQLite write lock', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (id TEXT PRIMARY KEY)');
  });
  afterEach(() => dataSource.destroy());

  /** Two mutations at once: `keep` writes two rows, `fail` writes one and throws. */
  async function race(plugins: ReturnType<typeof sqliteWriteLockPlugin>[]) {
    const server = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean } type Mutation { keep: Boolean fail: Boolean }',
      resolvers: {
        Mutation: {
          keep: () =>
            dataSource.transaction(async (manager) => {
              await manager.query("INSERT INTO t VALUES ('keep-1')");
              await pause();
              await pause();
              await manager.query("INSERT INTO t VALUES ('keep-2')");
              return true;
            }),
          fail: () =>
            dataSource.transaction(async (manager) => {
              await pause();
              await manager.query("INSERT INTO t VALUES ('fail-1')");
              throw new Error('refused after writing');
            }),
        },
      },
      plugins,
    });
    await server.start();
    const [keep, fail] = await Promise.all([server.executeOperation({ query: 'mutation { keep }' }), server.executeOperation({ query: 'mutation { fail }' })]);
    await server.stop();
    const rows = (await dataSource.query('SELECT id FROM t ORDER BY id')).map((row: { id: string }) => row.id);
    const single = (response: typeof keep) => (response.body.kind === 'single' ? response.body.singleResult : undefined);
    return { keep: single(keep), fail: single(fail), rows };
  }

  it('without it, concurrent transactions collide and an answer disagrees with what is stored', async () => {
    const { keep, rows } = await race([]);
    const acknowledged = keep?.data?.keep === true;
    expect(acknowledged ? rows.includes('keep-1') && rows.includes('keep-2') : rows.length === 0).toBe(false);
  });

  it('with it, the acknowledged mutation is whole and the refused one left nothing', async () => {
    const { keep, fail, rows } = await race([sqliteWriteLockPlugin(dataSource)]);
    expect(keep?.errors).toBeUndefined();
    expect(keep?.data).toEqual({ keep: true });
    expect(fail?.errors?.[0].message).toBe('refused after writing');
    expect(rows).toEqual(['keep-1', 'keep-2']);
  });
});
