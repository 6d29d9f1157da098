import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { PageArgs, pageSize, paginate, type Page } from '../../core/pagination';
import { pageOfList } from '../../core/row-page';
import { unitCodesOf, unitPathOf } from '../../core/access';
import { treeDay } from '../../core/time';
import { unitById } from '../loaders';
import { AdministrativeUnit } from './administrative-unit';
import { ChildrenArgs, UnitArgs, UnitListArgs } from './unit-args';
import { assertUnitCode } from '../../core/unit-code';
import { UnitConnection } from './unit-connection';
import { LIKE_ESCAPE, searchPattern } from '../../core/text-search';
import { unitByCodeOn, whereInForce } from './unit-versions';

/** The unit tree is public data (docs/architecture.md, rule 5): no token needed. */
@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'A unit by its official code on a day (`asOf`, default today), or by its version id. NOT_FOUND when no unit had the code by then; BAD_USER_INPUT without exactly one of `code` and `id`.',
  })
  @ServiceScope('public')
  async unit(@Args() args: UnitArgs, @Ctx() context: SubgraphContext): Promise<AdministrativeUnit> {
    const hasCode = args.code !== undefined && args.code !== null;
    const hasId = args.id !== undefined && args.id !== null;
    if (hasCode === hasId) throw badInput('Give exactly one of code and id', hasCode ? 'id' : 'code');
    if (hasId) {
      const unit = await unitById(context).load(args.id!);
      if (!unit) throw notFound(`No administrative unit has id "${args.id}"`);
      return unit;
    }
    const unit = await unitByCodeOn(context, assertUnitCode(args.code!), args.asOf ?? treeDay());
    if (!unit) throw notFound(`No administrative unit had code "${args.code}" by ${args.asOf ?? treeDay()}`);
    return unit;
  }

  @Query(() => UnitConnection, { nullable: true, description: 'Units in force on a day (`asOf`, default today), filtered by level, parent and name.' })
  @ServiceScope('public')
  async units(@Args() args: UnitListArgs, @Ctx() context: SubgraphContext): Promise<Page<AdministrativeUnit>> {
    const day = args.asOf ?? treeDay();
    const query = context.dataSource.getRepository(AdministrativeUnit).createQueryBuilder('unit');
    whereInForce(query, 'unit', day);
    if (args.level) query.andWhere('unit.level = :level', { level: args.level });
    if (args.parentCode !== undefined && args.parentCode !== null) {
      const parent = await unitByCodeOn(context, assertUnitCode(args.parentCode, 'parentCode'), day);
      if (!parent) throw notFound(`No administrative unit had code "${args.parentCode}" by ${day}`);
      query.andWhere('unit.parentId = :parentId', { parentId: parent.id });
    }
    if (args.search) {
      query.andWhere(`unit.searchName LIKE :search ${LIKE_ESCAPE}`, { search: searchPattern(args.search) });
    }
    return paginate(query, 'unit.id', (unit) => unit.id, args);
  }

  @FieldResolver(() => String, { description: 'Materialized path of ids from the root, for example "VN/91/905/30898" or "VN/91@2025/31105@2025".' })
  path(@Root() unit: AdministrativeUnit): string {
    return unitPathOf(unit.unitPath);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit directly above; null for the nation, at the root.' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() context: SubgraphContext) {
    return unit.parentId ? unitById(context).load(unit.parentId) : null;
  }

  @FieldResolver(() => UnitConnection, {
    description:
      'Units above this one, the root first (at most three today; depth is data, never assumed). ' +
      'The cursor is the position from the root. The units of a whole page are read together, in one statement.',
  })
  async ancestors(@Root() unit: AdministrativeUnit, @Args() args: PageArgs, @Ctx() context: SubgraphContext): Promise<Page<AdministrativeUnit>> {
    pageSize(args.first);
    const ids = unitCodesOf(unit.unitPath).slice(0, -1);
    const ancestors = await unitById(context).loadMany(ids);
    return pageOfList(ancestors.filter((row): row is AdministrativeUnit => row instanceof AdministrativeUnit), args);
  }

  @FieldResolver(() => UnitConnection, { description: 'Units directly below this one, in force on `asOf`.' })
  children(@Root() unit: AdministrativeUnit, @Args() args: ChildrenArgs, @Ctx() context: SubgraphContext) {
    const today = treeDay();
    const day = args.asOf ?? (unit.validTo !== null && unit.validTo < today ? unit.validTo : today);
    const query = context.dataSource
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.parentId = :parentId', { parentId: unit.id });
    whereInForce(query, 'unit', day);
    return paginate(query, 'unit.id', (child) => child.id, args);
  }
}
