import { LocalDate } from '../../core/input';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import type { UnitRecord } from '../../core/institutions/records';
import { UnitLevel } from '../../core/unit-level';
import { cataloguePaths, whereInCatalogue, whereInForce } from '../procedure/catalogue-scope';
import { OnlineService } from '../procedure/online-service';
import { Procedure } from '../procedure/procedure';
import { cutPercent } from '../../core/percent';

@ObjectType({ description: 'Procedures of one level of government.' })
export class CatalogLevelCount {
  @Field(() => UnitLevel, { description: 'The level of government that handles these procedures.' })
  level!: UnitLevel;

  @Field(() => Int, { description: 'Procedures of this level in the catalogue.' })
  count!: number;

  @Field(() => Int, { description: 'Distinct fields (lĩnh vực) these procedures belong to.' })
  fields!: number;
}

@ObjectType({ description: 'Procedures offering one kind of online service.' })
export class OnlineServiceCount {
  @Field(() => OnlineService, { description: 'The kind of online service (dịch vụ công trực tuyến).' })
  service!: OnlineService;

  @Field(() => Int, { description: 'Procedures offering this kind of online service.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / total, percent cut to two decimals.' })
  rate!: number | null;
}

@ObjectType({ description: 'Procedures at one old online level (mức độ).' })
export class LegacyLevelCount {
  @Field(() => Int, { description: 'The old online service level, 1 to 4 (mức độ, before Decree 42/2022/NĐ-CP): 4 is today\'s FULL, 3 PARTIAL, 1 and 2 NONE.' })
  legacyLevel!: number;

  @Field(() => Int, { description: 'Procedures of this former level.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / total, percent cut to two decimals.' })
  rate!: number | null;
}

@ObjectType({ description: 'Procedures published by one deciding document.' })
export class DecisionCount {
  @Field({ description: 'Number of the publishing decision (quyết định công bố), for example 1234/QĐ-UBND.' })
  decisionNumber!: string;

  @Field(() => LocalDate, { description: 'Day the decision was published (LocalDate, YYYY-MM-DD, Vietnam time).' })
  publishedOn!: string;

  @Field(() => Int, { description: 'Procedures published by this decision.' })
  count!: number;
}

@ObjectType({ description: 'The catalogue of procedures in force for a unit\'s province on a day (reporting contract).' })
export class ProcedureCatalog {
  @Field(() => LocalDate, { description: 'The day the catalogue is taken at (YYYY-MM-DD, Vietnam time).' })
  asOf!: string;

  @Field(() => Int, { description: 'Procedures in force on asOf.' })
  total!: number;

  @Field(() => [CatalogLevelCount], { description: 'Procedures per level of government (a plain list: one entry per level).' })
  byLevel!: CatalogLevelCount[];

  @Field(() => [OnlineServiceCount], { description: 'NONE, PARTIAL "một phần", FULL "toàn trình" (a plain list: always these three).' })
  byOnlineService!: OnlineServiceCount[];

  @Field(() => [LegacyLevelCount], { description: 'The older levels 1-4 kept beside the online service (a plain list: always these four).' })
  byLegacyLevel!: LegacyLevelCount[];

  @Field(() => Int, { description: 'Distinct fields.' })
  fields!: number;

  @Field(() => Int, { description: 'Offered online at least at level 2 (forms and information online).' })
  offeredOnline!: number;

  @Field(() => Float, { nullable: true, description: 'Share offered online, percent cut to two decimals; null without procedures.' })
  offeredOnlineRate!: number | null;

  @Field(() => Int, { description: 'Integrated with the National Public Service Portal.' })
  nationalPortal!: number;

  @Field(() => Float, { nullable: true, description: 'Share on the National Public Service Portal, percent cut to two decimals; null without procedures.' })
  nationalPortalRate!: number | null;

  @Field(() => Int, { description: 'Handled at the provincial Public Administration Service Center.' })
  atServiceCenter!: number;

  /** Every deciding document of the catalogue, newest first: paged by `CatalogDecisionsResolver`. */
  decisionCounts!: DecisionCount[];
}

/**
 * The catalogues of many units in three statements, whatever their number (docs/architecture.md,
 * "Entity batches"): one GROUP BY over the catalogue's attributes per province path (a few dozen
 * groups each, rolled up here per unit over its provinces, `cataloguePaths`), one for the distinct
 * fields per level and province, one for the deciding documents per province. A procedure belongs
 * to one province path, so a unit's figures are the sums over its paths; the nation's, over all.
 */
export async function procedureCatalogs(
  context: SubgraphContext,
  units: readonly UnitRecord[],
  asOf: string,
  levels: UnitLevel[] | undefined,
  published: { from?: string; to?: string } = {},
): Promise<ProcedureCatalog[]> {
  const pathsOf = units.map((unit) => cataloguePaths(unit, asOf));
  const base = () => {
    const query = context.dataSource.getRepository(Procedure).createQueryBuilder('p');
    const nation = units.find((unit, index) => pathsOf[index] === null);
    if (nation) whereInCatalogue(query, 'p', nation, asOf);
    else query.andWhere('p.unitPath IN (:...cataloguePaths)', { cataloguePaths: [...new Set(pathsOf.flatMap((paths) => paths ?? []))] });
    whereInForce(query, 'p', asOf);
    if (levels && levels.length) query.andWhere('p.level IN (:...levels)', { levels });
    if (published.from) query.andWhere('p.publishedOn >= :publishedFrom', { publishedFrom: published.from });
    if (published.to) query.andWhere('p.publishedOn <= :publishedTo', { publishedTo: published.to });
    return query;
  };
  if (units.length === 0) return [];
  const [allGroups, allFieldPairs, allDecisions] = await Promise.all([
    base()
      .select('p.unitPath', 'path')
      .addSelect('p.level', 'level')
      .addSelect('p.onlineService', 'onlineService')
      .addSelect('p.legacyLevel', 'legacyLevel')
      .addSelect('SUM(CASE WHEN p.nationalPortal = 1 THEN 1 ELSE 0 END)', 'nationalPortal')
      .addSelect('SUM(CASE WHEN p.atServiceCenter = 1 THEN 1 ELSE 0 END)', 'atServiceCenter')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.unitPath')
      .addGroupBy('p.level')
      .addGroupBy('p.onlineService')
      .addGroupBy('p.legacyLevel')
      .getRawMany(),
    base().select('p.unitPath', 'path').addSelect('p.level', 'level').addSelect('p.fieldCode', 'fieldCode').distinct(true).getRawMany(),
    base()
      .select('p.unitPath', 'path')
      .addSelect('p.decisionNumber', 'decisionNumber')
      .addSelect('MIN(p.publishedOn)', 'publishedOn')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.unitPath')
      .addGroupBy('p.decisionNumber')
      .getRawMany(),
  ]);
  return units.map((_unit, index) => {
    const paths = pathsOf[index];
    const mine = (row: Record<string, unknown>) => paths === null || paths.includes(String(row.path));
    const groups = allGroups.filter(mine);
    const fieldPairs = [...new Map(allFieldPairs.filter(mine).map((pair) => [`${pair.level}|${pair.fieldCode}`, pair])).values()];
    const byDecision = new Map<string, { decisionNumber: string; publishedOn: string; count: number }>();
    for (const row of allDecisions.filter(mine)) {
      const seen = byDecision.get(row.decisionNumber);
      if (!seen) byDecision.set(row.decisionNumber, { decisionNumber: row.decisionNumber, publishedOn: row.publishedOn, count: toNumber(row.count) });
      else {
        seen.count += toNumber(row.count);
        if (row.publishedOn < seen.publishedOn) seen.publishedOn = row.publishedOn;
      }
    }
    const decisions = [...byDecision.values()].sort(
      (a, b) => (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : a.decisionNumber < b.decisionNumber ? -1 : a.decisionNumber > b.decisionNumber ? 1 : 0),
    );
    return shapeCatalog(asOf, levels, groups, fieldPairs, decisions);
  });
}

/** One unit's catalogue: see `procedureCatalogs`. */
export async function procedureCatalog(
  context: SubgraphContext,
  unit: UnitRecord,
  asOf: string,
  levels: UnitLevel[] | undefined,
  published: { from?: string; to?: string } = {},
): Promise<ProcedureCatalog> {
  return (await procedureCatalogs(context, [unit], asOf, levels, published))[0];
}

function shapeCatalog(
  asOf: string,
  levels: UnitLevel[] | undefined,
  groups: Record<string, unknown>[],
  fieldPairs: Record<string, unknown>[],
  decisions: DecisionCount[],
): ProcedureCatalog {
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
    decisionCounts: decisions,
  };
}
