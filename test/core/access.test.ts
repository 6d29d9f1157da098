import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { RequestAudit } from '../../services/core/audit/request-audit';
import type { SubgraphContext } from '../../services/core/context';
import type { Principal, Role } from '../../services/core/principal';
import {
  assertMayManageClient,
  assertMayReadPersonalData,
  assertMayWriteIn,
  assertServiceMayWrite,
  isNational,
  isWithin,
  parentPathOf,
  readPersonalData,
  storedPath,
  subtreeCondition,
  subtreeRange,
  unitCodeOf,
  unitCodesOf,
  unitPathOf,
  whereAnyInScope,
  whereInScope,
  whereInScopeOrRelated,
  whereWithin,
  writeRefusal,
} from '../../services/core/access';
import * as scopeOf from '../../services/core/access/scope-of';

/** A unit-scoped row with two sides, as the subgraphs store them (stored paths). */
@Entity()
class Row {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') unitPath!: string;
  @Column('varchar') otherPath!: string;
}

/** A row that makes a `Row` visible elsewhere (as a transfer does a document). */
@Entity()
class Link {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') rowId!: string;
  @Column('varchar') recipientPath!: string;
}

const principal = (unitPath: string, roles: Role[] = ['VIEWER'], kind: Principal['kind'] = 'USER', scopes: string[] = []): Principal => ({
  subject: `test-${unitPath}`,
  name: 'Test',
  kind,
  roles,
  scopes,
  unitCode: unitCodeOf(unitPath),
  unitPath,
});

const forbiddenCode = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'ALLOWED';
};

describe('core/access', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Row, Link], synchronize: true });
    await dataSource.initialize();
    // id: where the row lives / its other side
    const rows: [string, string, string][] = [
      ['nation', 'VN/', 'VN/'],
      ['91', 'VN/91/', 'VN/92/'],
      ['905', 'VN/91/905/', 'VN/92/'],
      ['30101', 'VN/91/905/30101/', 'VN/91/905/'],
      ['906', 'VN/91/906/', 'VN/91/905/'],
      ['910', 'VN/910/', 'VN/92/'],
      ['92', 'VN/92/', 'VN/92/'],
    ];
    await dataSource.getRepository(Row).insert(rows.map(([id, unitPath, otherPath]) => ({ id, unitPath, otherPath })));
    await dataSource.getRepository(Link).insert([{ id: 'l1', rowId: '92', recipientPath: 'VN/91/905/' }]);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await dataSource?.destroy();
  });

  const query = () => dataSource.getRepository(Row).createQueryBuilder('row');
  const ids = async (built: ReturnType<typeof query>) => (await built.orderBy('row.id').getMany()).map((row) => row.id).sort();

  describe('unit paths', () => {
    it('have one canonical form; the stored form is written and read back at the boundary', () => {
      expect(storedPath('VN/91')).toBe('VN/91/');
      expect(storedPath('VN/91/')).toBe('VN/91/');
      expect(unitPathOf('VN/91/')).toBe('VN/91');
      expect(unitPathOf('VN/91')).toBe('VN/91');
      expect(unitPathOf(storedPath('VN'))).toBe('VN');
      expect(unitCodeOf('VN/91/905/')).toBe('905');
      expect(unitCodesOf('VN/91/905/')).toEqual(['VN', '91', '905']);
      expect(parentPathOf('VN/91/905/')).toBe('VN/91');
      expect(parentPathOf('VN')).toBeNull();
    });

    it('compare subtrees on whole codes: VN/910 is not below VN/91', () => {
      expect(isWithin('VN/91/905/', 'VN/91')).toBe(true);
      expect(isWithin('VN/91', 'VN/91/')).toBe(true);
      expect(isWithin('VN/910/', 'VN/91')).toBe(false);
      expect(isWithin('VN/91/', 'VN/91/905')).toBe(false);
      expect(subtreeRange('VN/91')).toEqual({ low: 'VN/91/', high: 'VN/910' });
      expect(isNational(principal('VN'))).toBe(true);
      expect(isNational(principal('VN/91'))).toBe(false);
    });
  });

  describe('predicates', () => {
    it('keep a subtree, the unit itself included, and not VN/910', async () => {
      expect(await ids(whereWithin(query(), 'row.unitPath', 'VN/91'))).toEqual(['30101', '905', '906', '91']);
      expect(await ids(whereWithin(query(), 'row.unitPath', 'VN/91/905/'))).toEqual(['30101', '905']);
      expect(await ids(whereWithin(query(), 'row.unitPath', 'VN'))).toHaveLength(7);
    });

    it('keep the subtrees of any of several units, and nothing for none', async () => {
      expect(await ids(whereWithin(query(), 'row.unitPath', ['VN/91/905', 'VN/92']))).toEqual(['30101', '905', '92']);
      expect(await ids(whereWithin(query(), 'row.unitPath', []))).toEqual([]);
    });

    it('keep a two-sided row visible from either side', async () => {
      expect(await ids(whereAnyInScope(query(), ['row.unitPath', 'row.otherPath'], principal('VN/92')))).toEqual(['905', '91', '910', '92']);
      expect(await ids(whereAnyInScope(query(), ['row.unitPath', 'row.otherPath'], principal('VN/91/905')))).toEqual(['30101', '905', '906']);
    });

    it("keep a row in the principal's scope, or one a related row in scope points at (EXISTS)", async () => {
      const link = { entity: Link, alias: 'link', join: 'link.rowId = row.id', pathColumn: 'link.recipientPath' };
      expect(await ids(whereInScopeOrRelated(query(), 'row.unitPath', principal('VN/91/905'), link))).toEqual(['30101', '905', '92']);
      expect(await ids(whereInScopeOrRelated(query(), 'row.unitPath', principal('VN/91/906'), link))).toEqual(['906']);
    });

    it('never collide when several share a query', async () => {
      const built = whereWithin(whereWithin(query(), 'row.unitPath', 'VN/91'), 'row.otherPath', 'VN/92');
      expect(await ids(built)).toEqual(['905', '91']);
      // A bound's name comes from its value: a name two conditions share holds the same value in
      // both, so merging their parameters (parts of one statement, core/page-batch.ts) changes nothing.
      const conditions = ['VN/91', 'VN/91', 'VN/910', 'VN/9', 'VN/91/905', ['VN/91', 'VN/92'] as const].map((units) => subtreeCondition('row.unitPath', units));
      const values = new Map<string, string>();
      for (const { parameters } of conditions) {
        for (const [name, value] of Object.entries(parameters)) {
          expect(values.get(name) ?? value).toBe(value);
          values.set(name, value);
        }
      }
      // Every distinct bound has its own name.
      expect(new Set(values.values()).size).toBe(values.size);
      const merged = whereWithin(whereWithin(query(), 'row.unitPath', ['VN/91', 'VN/92']), 'row.otherPath', 'VN/92');
      expect(await ids(merged)).toEqual(await ids(whereWithin(whereWithin(query(), 'row.unitPath', ['VN/92', 'VN/91']), 'row.otherPath', 'VN/92')));
    });

    it("follow the principal's scope, one prefix or several", async () => {
      expect(await ids(whereInScope(query(), 'row.unitPath', principal('VN/91/905')))).toEqual(['30101', '905']);
      // A principal of a merged unit (issue 12) carries its predecessors' paths as well.
      const spy = jest.spyOn(scopeOf, 'scopeOf').mockReturnValue(['VN/91/906', 'VN/92']);
      try {
        expect(await ids(whereInScope(query(), 'row.unitPath', principal('VN/91/906')))).toEqual(['906', '92']);
        expect(await ids(whereAnyInScope(query(), ['row.unitPath', 'row.otherPath'], principal('VN/91/906')))).toEqual(['905', '906', '91', '910', '92']);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('write decisions', () => {
    const writers: Role[] = ['OFFICER', 'ADMIN'];
    const write = (who: Principal, unit: string, scope?: 'dossiers:write') =>
      forbiddenCode(() => assertMayWriteIn(who, unit, 'A write', { roles: writers, serviceScope: scope }));

    it('let an OFFICER write in its own unit only', () => {
      expect(writeRefusal(principal('VN/91/905', ['OFFICER']), 'VN/91/905/', writers)).toBeNull();
      expect(writeRefusal(principal('VN/91/905', ['OFFICER']), 'VN/91/905/30101/', writers)).toBe('UNIT');
      expect(write(principal('VN/91/905', ['OFFICER']), 'VN/91/905')).toBe('ALLOWED');
    });

    it('let an ADMIN write below its unit too, never in a sibling or above', () => {
      expect(write(principal('VN/91', ['ADMIN']), 'VN/91/905/30101/')).toBe('ALLOWED');
      expect(write(principal('VN/91/905', ['ADMIN']), 'VN/91/906/')).toBe('FORBIDDEN');
      expect(write(principal('VN/91/905', ['ADMIN']), 'VN/91/')).toBe('FORBIDDEN');
      expect(write(principal('VN/91', ['ADMIN']), 'VN/910/')).toBe('FORBIDDEN');
    });

    it('refuse a role that does not allow the write, and no principal at all', () => {
      expect(writeRefusal(principal('VN/91/905', ['VIEWER', 'INSPECTOR']), 'VN/91/905/', writers)).toBe('ROLE');
      expect(forbiddenCode(() => assertMayWriteIn(undefined, 'VN/91', 'A write', { roles: writers }))).toBe('UNAUTHENTICATED');
    });

    it('refuse a service client without the scope of the write, or any write without one', () => {
      const client = (scopes: string[]) => principal('VN/91/905', ['OFFICER'], 'SERVICE', scopes);
      expect(write(client(['dossiers:write']), 'VN/91/905', 'dossiers:write')).toBe('ALLOWED');
      expect(write(client(['dossiers:read']), 'VN/91/905', 'dossiers:write')).toBe('FORBIDDEN');
      expect(write(client(['dossiers:write']), 'VN/91/905')).toBe('FORBIDDEN');
      expect(forbiddenCode(() => assertServiceMayWrite(principal('VN/91/905', ['OFFICER']), undefined, 'A write'))).toBe('ALLOWED');
    });

    it("let an ADMIN official manage the service clients of its scope", () => {
      expect(forbiddenCode(() => assertMayManageClient(principal('VN/91', ['ADMIN']), 'VN/91/905/', 'Registering'))).toBe('ALLOWED');
      expect(forbiddenCode(() => assertMayManageClient(principal('VN/91/905', ['ADMIN']), 'VN/91/906/', 'Registering'))).toBe('FORBIDDEN');
      expect(forbiddenCode(() => assertMayManageClient(principal('VN/91', ['OFFICER']), 'VN/91/', 'Registering'))).toBe('FORBIDDEN');
      expect(forbiddenCode(() => assertMayManageClient(principal('VN/91', ['ADMIN'], 'SERVICE', ['dossiers:write']), 'VN/91/', 'Registering'))).toBe('FORBIDDEN');
    });
  });

  describe('personal data', () => {
    const context = (who?: Principal) => ({ principal: who, audit: new RequestAudit() }) as unknown as SubgraphContext;

    it('needs OFFICER, INSPECTOR or ADMIN, within scope', () => {
      expect(forbiddenCode(() => assertMayReadPersonalData(principal('VN/91', ['INSPECTOR']), 'VN/91/905/', 'An applicant'))).toBe('ALLOWED');
      expect(forbiddenCode(() => assertMayReadPersonalData(principal('VN/91', ['VIEWER']), 'VN/91/905/', 'An applicant'))).toBe('FORBIDDEN');
      expect(forbiddenCode(() => assertMayReadPersonalData(principal('VN/91/906', ['OFFICER']), 'VN/91/905/', 'An applicant'))).toBe('FORBIDDEN');
      expect(forbiddenCode(() => assertMayReadPersonalData(undefined, 'VN/91/905/', 'An applicant'))).toBe('UNAUTHENTICATED');
    });

    it('needs the service scope of the data for a client, and is noted for the audit log', () => {
      const row = { id: 'd1', unitPath: 'VN/91/905/' };
      const reading = (who: Principal) => {
        const ctx = context(who);
        return { code: forbiddenCode(() => readPersonalData(ctx, 'Dossier.applicant', row, 'dossiers:read', 'An applicant')), audit: ctx.audit };
      };
      expect(reading(principal('VN/91', ['OFFICER'], 'SERVICE', ['dossiers:write'])).code).toBe('ALLOWED');
      const refused = reading(principal('VN/91', ['OFFICER'], 'SERVICE', ['documents:read']));
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.audit.readRecords()).toEqual([]);
      const read = reading(principal('VN/91/905', ['OFFICER']));
      expect(read.code).toBe('ALLOWED');
      expect(read.audit.readRecords()).toEqual([{ action: 'read Dossier.applicant', outcome: 'READ', targets: ['Dossier:d1'], targetUnitPath: 'VN/91/905' }]);
    });
  });
});
