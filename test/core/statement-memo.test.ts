import { Column, DataSource, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SubgraphContext } from '../../services/core/context';
import { openDatabase } from '../../services/core/database';
import type { Principal } from '../../services/core/principal';
import { getManyMemoized, memoizedShapes } from '../../services/core/statement-memo';
import { unitPathOf } from '../../services/core/access/unit-path';
import { Document } from '../../services/documents/document/document';
import { visibleDocuments } from '../../services/documents/document/document-access';
import { documentsMigrations } from '../../services/documents/migrations';
import { documentsEntities } from '../../services/documents/schema';
import { DATABASES, discardDatabase, seededDatabaseUrl } from '../support/databases';

/**
 * The scoped reads' SQL made once per shape (services/core/statement-memo.ts): on the demo
 * documents, the same rows and entities as TypeORM's own getMany for principals of several
 * scopes and batches of ids (in scope, outside it, unknown), a shape made once and reused with
 * other values, and a read that is not plain left to getMany.
 */
const principalAt = (path: string): Principal => ({
  subject: `memo-${path}`,
  name: 'Statement memo test',
  kind: 'USER',
  roles: ['OFFICER'],
  scopes: [],
  unitCode: path.split('/').filter(Boolean).pop()!,
  unitPath: unitPathOf(path),
});

const byId = (rows: Document[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe.each(DATABASES)('statement memo on %s', (kind) => {
  let url: string;
  let dataSource: DataSource;
  let documents: Document[];
  const context = () => ({ dataSource }) as SubgraphContext;
  const scopedRead = (principal: Principal, ids: string[]) =>
    visibleDocuments(context(), principal).andWhere('document.id IN (:...ids)', { ids });

  beforeAll(async () => {
    url = await seededDatabaseUrl(kind, 'documents', 'stmtmemo');
    dataSource = await openDatabase({ name: 'documents', url, entities: documentsEntities, migrations: documentsMigrations });
    documents = await dataSource.getRepository(Document).find({ order: { id: 'ASC' }, take: 400 });
  }, 300_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await discardDatabase(url);
  });

  it('answers what getMany answers, for several scopes and batches, and reuses one text per shape', async () => {
    const paths = [...new Set(documents.map((document) => document.unitPath))];
    expect(paths.length).toBeGreaterThan(2);
    // A province, one of its units, a unit elsewhere, the nation.
    const province = paths[0].split('/').slice(0, 2).join('/');
    const principals = [principalAt(province), principalAt(paths[0]), principalAt(paths[paths.length - 1]), principalAt('VN')];
    const inside = documents.filter((document) => document.unitPath === paths[0]).map((document) => document.id);
    const outside = documents.filter((document) => !document.unitPath.startsWith(`${province}/`)).map((document) => document.id);
    const batches = [[inside[0]], [inside[0], outside[0], 'no-such-document'], [...inside.slice(0, 5), ...outside.slice(0, 5)]];
    const before = memoizedShapes(dataSource);
    const existsBefore = memoizedShapes(dataSource, 'exists-in-scope');
    let compared = 0;
    for (const principal of principals) {
      for (const ids of batches) {
        const expected = byId(await scopedRead(principal, ids).getMany());
        // Twice: made, then from the memo.
        for (let round = 0; round < 2; round += 1) {
          const found = byId(await getManyMemoized(scopedRead(principal, ids)));
          expect(found).toEqual(expected);
          expect(found.every((row) => row instanceof Document)).toBe(true);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(24);
    // One shape a scope and batch size (two of the principals may share a scope: a province's own documents).
    const scopes = new Set(principals.map((principal) => principal.unitPath)).size;
    const sizes = new Set(batches.map((ids) => ids.length)).size;
    expect(scopes).toBeGreaterThanOrEqual(3);
    expect(memoizedShapes(dataSource) - before).toBe(scopes * sizes);
    // The EXISTS of the documents sent to a unit in scope: one text a scope.
    expect(memoizedShapes(dataSource, 'exists-in-scope') - existsBefore).toBe(scopes);
    // The scope is in the statement: the unit elsewhere gets none of the province's documents.
    expect(await getManyMemoized(scopedRead(principals[2], inside.slice(0, 3)))).toEqual([]);
    expect((await getManyMemoized(scopedRead(principals[0], inside.slice(0, 3)))).length).toBe(Math.min(3, inside.length));
  });

  it('takes other values into a kept shape: other ids of the same count give their own rows', async () => {
    const nation = principalAt('VN');
    const [first, second] = [documents.slice(0, 3), documents.slice(3, 6)].map((rows) => rows.map((row) => row.id));
    const shapes = memoizedShapes(dataSource);
    const a = byId(await getManyMemoized(scopedRead(nation, first)));
    const b = byId(await getManyMemoized(scopedRead(nation, second)));
    expect(memoizedShapes(dataSource)).toBeLessThanOrEqual(shapes + 1);
    expect(a.map((row) => row.id)).toEqual([...first].sort());
    expect(b.map((row) => row.id)).toEqual([...second].sort());
  });

  it('leaves a read that is not plain to getMany: ordered, it is not kept and keeps its order', async () => {
    const nation = principalAt('VN');
    const ids = documents.slice(0, 4).map((row) => row.id);
    const shapes = memoizedShapes(dataSource);
    const ordered = await getManyMemoized(scopedRead(nation, ids).orderBy('document.id', 'DESC'));
    expect(ordered.map((row) => row.id)).toEqual([...ids].sort().reverse());
    expect(memoizedShapes(dataSource)).toBe(shapes);
  });
});

@Entity('memo_item')
class PlainItem {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') code!: string;
}

@Entity('memo_item')
class SoftItem {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') code!: string;
  @DeleteDateColumn({ type: 'datetime', nullable: true }) deletedAt!: Date | null;
}

@Entity('memo_other')
class OtherItem {
  @PrimaryColumn('varchar') id!: string;
}

/** Reads the memo must not take for another's, on an embedded SQLite database of toy entities. */
describe('statement memo, reads that differ beyond their table', () => {
  let dataSource: DataSource;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [PlainItem, SoftItem, OtherItem] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE memo_item (id varchar PRIMARY KEY, code varchar NOT NULL, deletedAt datetime NULL)');
    await dataSource.query('CREATE TABLE memo_other (id varchar PRIMARY KEY)');
    await dataSource.query("INSERT INTO memo_item VALUES ('1', '5', NULL), ('2', '5', '2026-01-01 00:00:00')");
    await dataSource.query("INSERT INTO memo_other VALUES ('1')");
  });
  afterAll(() => dataSource?.destroy());

  it('keeps two entities on one table apart: the soft-deleted row stays out of the one that soft-deletes', async () => {
    const read = <T extends { id: string }>(entity: new () => T) => dataSource.getRepository(entity).createQueryBuilder('row').where('row.id IN (:...ids)', { ids: ['1', '2'] });
    expect(ids(await getManyMemoized(read(PlainItem)))).toEqual(['1', '2']);
    expect(ids(await getManyMemoized(read(SoftItem)))).toEqual(['1']);
    expect(ids(await getManyMemoized(read(SoftItem)))).toEqual(ids(await read(SoftItem).getMany()));
  });

  it('leaves to getMany a read from two tables, a common table expression and a single number', async () => {
    const shapes = memoizedShapes(dataSource);
    const twoTables = () => dataSource.getRepository(PlainItem).createQueryBuilder('row').addFrom(OtherItem, 'o').where('row.id = o.id');
    expect(ids(await getManyMemoized(twoTables()))).toEqual(ids(await twoTables().getMany()));
    const withCte = (id: string) =>
      dataSource.getRepository(PlainItem).createQueryBuilder('row').addCommonTableExpression(`SELECT '${id}' AS id`, 'wanted').where('row.id IN (SELECT id FROM wanted)');
    expect(ids(await getManyMemoized(withCte('1')))).toEqual(['1']);
    expect(ids(await getManyMemoized(withCte('2')))).toEqual(['2']);
    const byNumber = () => dataSource.getRepository(PlainItem).createQueryBuilder('row').where('row.code = :code', { code: 5 });
    expect(ids(await getManyMemoized(byNumber()))).toEqual(ids(await byNumber().getMany()));
    expect(memoizedShapes(dataSource)).toBe(shapes);
  });
});
