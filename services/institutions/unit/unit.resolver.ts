import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { PageArgs, paginate, type Page } from '../../core/pagination';
import { unitCodesOf, unitPathOf } from '../../core/access';
import { unitByCode, unitById } from '../loaders';
import { AdministrativeUnit } from './administrative-unit';
import { UnitListArgs } from './unit-args';
import { assertUnitCode } from '../../core/unit-code';
import { UnitConnection } from './unit-connection';
import { LIKE_ESCAPE, searchPattern } from '../../core/text-search';

/** The unit tree is public data (docs/architecture.md, rule 5): no token needed. */
@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => AdministrativeUnit, { nullable: true, description: 'A unit by its official code.' })
  @ServiceScope('public')
  async unit(@Arg('code') code: string, @Ctx() context: SubgraphContext): Promise<AdministrativeUnit> {
    const unit = await unitByCode(context).load(assertUnitCode(code));
    if (!unit) throw notFound(`No administrative unit has code "${code}"`);
    return unit;
  }

  @Query(() => UnitConnection, { nullable: true, description: 'Units, filtered by level, parent and name.' })
  @ServiceScope('public')
  async units(@Args() args: UnitListArgs, @Ctx() context: SubgraphContext): Promise<Page<AdministrativeUnit>> {
    const query = context.dataSource.getRepository(AdministrativeUnit).createQueryBuilder('unit');
    if (args.level) query.andWhere('unit.level = :level', { level: args.level });
    if (args.parentCode !== undefined && args.parentCode !== null) {
      const parent = await unitByCode(context).load(assertUnitCode(args.parentCode, 'parentCode'));
      if (!parent) throw notFound(`No administrative unit has code "${args.parentCode}"`);
      query.andWhere('unit.parentId = :parentId', { parentId: parent.id });
    }
    if (args.search) {
      query.andWhere(`unit.searchName LIKE :search ${LIKE_ESCAPE}`, { search: searchPattern(args.search) });
    }
    return paginate(query, 'unit.id', (unit) => unit.id, args);
  }

  @FieldResolver(() => String, { description: 'Materialized path of ids from the root, for example "VN/91/905/30898".' })
  path(@Root() unit: AdministrativeUnit): string {
    return unitPathOf(unit.unitPath);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(@Root() unit: AdministrativeUnit, @Ctx() context: SubgraphContext) {
    return unit.parentId ? unitById(context).load(unit.parentId) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Units above this one, the root first.' })
  async ancestors(@Root() unit: AdministrativeUnit, @Ctx() context: SubgraphContext): Promise<AdministrativeUnit[]> {
    const ids = unitCodesOf(unit.unitPath).slice(0, -1);
    const ancestors = await unitById(context).loadMany(ids);
    return ancestors.filter((row): row is AdministrativeUnit => row instanceof AdministrativeUnit);
  }

  @FieldResolver(() => UnitConnection, { description: 'Units directly below this one.' })
  children(@Root() unit: AdministrativeUnit, @Args() page: PageArgs, @Ctx() context: SubgraphContext) {
    const query = context.dataSource
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.parentId = :parentId', { parentId: unit.id });
    return paginate(query, 'unit.id', (child) => child.id, page);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit that took this one over.' })
  successor(@Root() unit: AdministrativeUnit, @Ctx() context: SubgraphContext) {
    return unit.successorId ? unitById(context).load(unit.successorId) : null;
  }
}
