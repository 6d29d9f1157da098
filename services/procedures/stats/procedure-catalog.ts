import { LocalDate } from '../../core/input';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import type { UnitRecord } from '../../core/institutions/records';
import { UnitLevel } from '../../core/unit-level';
import { whereInCatalogue, whereInForce } from '../procedure/catalogue-scope';
import { OnlineService } from '../procedure/online-service';
import { Procedure } from '../procedure/procedure';
import { cutPercent } from '../../core/percent';

@ObjectType({ description: 'Procedures of one level of government.' })
export class CatalogLevelCount {
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Field(() => Int)
  count!: number;

  @Field(() => Int, { description: 'Distinct fields (lĩnh vực) these procedures belong to.' })
  fields!: number;
}

@ObjectType({ description: 'Procedures offering one kind of online service.' })
export class OnlineServiceCount {
  @Field(() => OnlineService)
  service!: OnlineService;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / total, percent cut to two decimals.' })
  rate!: number | null;
}

@ObjectType({ description: 'Procedures at one old online level (mức độ).' })
export class LegacyLevelCount {
  @Field(() => Int)
  legacyLevel!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / total, percent cut to two decimals.' })
  rate!: number | null;
}

@ObjectType({ description: 'Procedures published by one deciding document.' })
export class DecisionCount {
  @Field()
  decisionNumber!: string;

  @Field(() => LocalDate)
  publishedOn!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The catalogue of procedures in force for a unit\'s province on a day (reporting contract).' })
export class ProcedureCatalog {
  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [CatalogLevelCount])
  byLevel!: CatalogLevelCount[];

  @Field(() => [OnlineServiceCount], { description: 'NONE, PARTIAL "một phần", FULL "toàn trình".' })
  byOnlineService!: OnlineServiceCount[];

  @Field(() => [LegacyLevelCount], { description: 'The older levels 1-4 kept beside the online service.' })
  byLegacyLevel!: LegacyLevelCount[];

  @Field(() => Int, { description: 'Distinct fields.' })
  fields!: number;

  @Field(() => Int, { description: 'Offered online at least at level 2 (forms and information online).' })
  offeredOnline!: number;

  @Field(() => Float, { nullable: true })
  offeredOnlineRate!: number | null;

  @Field(() => Int, { description: 'Integrated with the National Public Service Portal.' })
  nationalPortal!: number;

  @Field(() => Float, { nullable: true })
  nationalPortalRate!: number | null;

  @Field(() => Int, { description: 'Handled at the provincial Public Administration Service Center.' })
  atServiceCenter!: number;

  @Field(() => [DecisionCount], { description: 'Deciding documents that published procedures in force, newest first.' })
  decisions!: DecisionCount[];
}

/**
 * Two statements: one GROUP BY over the catalogue's attributes (a few dozen groups, rolled up
 * here), one for the distinct fields per level; plus one for the deciding documents.
 */
export async function procedureCatalog(
  context: SubgraphContext,
  unit: UnitRecord,
  asOf: string,
  levels: UnitLevel[] | undefined,
  published: { from?: string; to?: string } = {},
): Promise<ProcedureCatalog> {
  const base = () => {
    const query = context.dataSource.getRepository(Procedure).createQueryBuilder('p');
    whereInCatalogue(query, 'p', unit, asOf);
    whereInForce(query, 'p', asOf);
    if (levels && levels.length) query.andWhere('p.level IN (:...levels)', { levels });
    if (published.from) query.andWhere('p.publishedOn >= :publishedFrom', { publishedFrom: published.from });
    if (published.to) query.andWhere('p.publishedOn <= :publishedTo', { publishedTo: published.to });
    return query;
  };
  const [groups, fieldPairs, decisions] = await Promise.all([
    base()
      .select('p.level', 'level')
      .addSelect('p.onlineService', 'onlineService')
      .addSelect('p.legacyLevel', 'legacyLevel')
      .addSelect('SUM(CASE WHEN p.nationalPortal = 1 THEN 1 ELSE 0 END)', 'nationalPortal')
      .addSelect('SUM(CASE WHEN p.atServiceCenter = 1 THEN 1 ELSE 0 END)', 'atServiceCenter')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.level')
      .addGroupBy('p.onlineService')
      .addGroupBy('p.legacyLevel')
      .getRawMany(),
    base().select('p.level', 'level').addSelect('p.fieldCode', 'fieldCode').distinct(true).getRawMany(),
    base()
      .select('p.decisionNumber', 'decisionNumber')
      .addSelect('MIN(p.publishedOn)', 'publishedOn')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.decisionNumber')
      .orderBy('MIN(p.publishedOn)', 'DESC')
      .addOrderBy('p.decisionNumber', 'ASC')
      .getRawMany(),
  ]);
  const sum = (filter: (group: Record<string, unknown>) => boolean, column = 'count') =>
    groups.filter(filter).reduce((total, group) => total + toNumber(group[column]), 0);
  const total = sum(() => true);
  const levelsPresent = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE].filter((level) => !levels || !levels.length || levels.includes(level));
  const offeredOnline = sum((group) => toNumber(group.legacyLevel) >= 2);
  const nationalPortal = sum(() => true, 'nationalPortal');
  return {
    asOf,
    total,
    byLevel: levelsPresent.map((level) => ({
      level,
      count: sum((group) => group.level === level),
      fields: fieldPairs.filter((pair) => pair.level === level).length,
    })),
    byOnlineService: [OnlineService.NONE, OnlineService.PARTIAL, OnlineService.FULL].map((service) => {
      const count = sum((group) => group.onlineService === service);
      return { service, count, rate: cutPercent(count, total) };
    }),
    byLegacyLevel: [1, 2, 3, 4].map((legacyLevel) => {
      const count = sum((group) => toNumber(group.legacyLevel) === legacyLevel);
      return { legacyLevel, count, rate: cutPercent(count, total) };
    }),
    fields: new Set(fieldPairs.map((pair) => pair.fieldCode)).size,
    offeredOnline,
    offeredOnlineRate: cutPercent(offeredOnline, total),
    nationalPortal,
    nationalPortalRate: cutPercent(nationalPortal, total),
    atServiceCenter: sum(() => true, 'atServiceCenter'),
    decisions: decisions.map((row) => ({ decisionNumber: row.decisionNumber, publishedOn: row.publishedOn, count: toNumber(row.count) })),
  };
}
