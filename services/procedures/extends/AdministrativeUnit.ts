import { LocalDate } from '../../core/input';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { batchOf, rowsByKey, territoryOf, unitFieldLoader } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { UnitLevel } from '../../core/unit-level';
import type { Dossier } from '../dossier/dossier';
import { DossierFilterArgs } from '../dossier/dossier-args';
import { DossierConnection } from '../dossier/dossier-connection';
import { listDossiersOfUnits } from '../dossier/dossier-list';
import { assertDate, periodOf, todayInVietnam } from '../../core/time';
import { countersFor, dossierAggregates } from '../stats/dossier-aggregates';
import { countsFrom } from '../stats/dossier-counts';
import { DossierStats } from '../stats/dossier-stats';
import { feedbackStatsByKey, FeedbackStats } from '../stats/feedback-stats';
import { procedureCatalogs, ProcedureCatalog } from '../stats/procedure-catalog';
import { requestedFields } from '../stats/requested-fields';
import { serviceDesksByKey, ServiceDesks } from '../stats/service-desks';
import { ServiceIndex } from '../stats/service-index';
import { unitServiceIndexes } from '../stats/unit-service-index';

/** AdministrativeUnit is owned by institutions; this subgraph adds the procedure and dossier statistics. */
export const UnitRef = foreignEntity('AdministrativeUnit');
export type UnitRef = EntityReference;

/**
 * The reporting contract on AdministrativeUnit (the aggregates are computed in `stats/`). The catalogue is public; every aggregate about
 * dossiers and feedback needs the unit within the principal's scope (rule 2: FORBIDDEN, never
 * a narrowed total), and counts the unit's territory from the institutions data (rule 13: a
 * post-reform unit with its lineage, a pre-reform unit its own subtree).
 */
@Resolver(() => UnitRef)
export class UnitStatisticsResolver {
  @FieldResolver(() => ServiceIndex, { nullable: true, description: 'Decision 766/QĐ-TTg index over the period, each group with its inputs.' })
  serviceIndex(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive; not before from.' }) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<ServiceIndex | null> {
    periodOf(from, to);
    return unitFieldLoader(context, 'serviceIndex', [from, to], (units) => unitServiceIndexes(context, units, from, to), { covers: 'The service index' }).load(unit.id);
  }

  @FieldResolver(() => ProcedureCatalog, { nullable: true, description: "Procedures in force on a day for the unit's province, and for a unit of the 2025 reform those its predecessors' provinces have not withdrawn (public data)." })
  async procedureCatalog(
    @Root() unit: UnitRef,
    @Ctx() context: SubgraphContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default today.' }) asOf?: string,
    @Arg('levels', () => [UnitLevel], { nullable: true, description: 'Only procedures of these levels of government.' }) levels?: UnitLevel[],
    @Arg('publishedFrom', () => LocalDate, { nullable: true, description: 'Only those published on or after this day.' }) publishedFrom?: string,
    @Arg('publishedTo', () => LocalDate, { nullable: true, description: 'Only those published on or before this day.' }) publishedTo?: string,
  ): Promise<ProcedureCatalog | null> {
    const day = asOf ? assertDate(asOf, 'asOf') : todayInVietnam();
    const published = {
      from: publishedFrom ? assertDate(publishedFrom, 'publishedFrom') : undefined,
      to: publishedTo ? assertDate(publishedTo, 'publishedTo') : undefined,
    };
    const catalogues = (units: readonly UnitRecord[]) => procedureCatalogs(context, units, day, levels ?? undefined, published);
    return unitFieldLoader(context, 'procedureCatalog', [day, levels, published], catalogues).load(unit.id);
  }

  @FieldResolver(() => DossierStats, { nullable: true, description: 'Dossiers of the unit, every unit below it and every dissolved unit whose territory went into it, whose processing overlaps the period.' })
  async dossierStats(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive; not before from.' }) to: string,
    @Ctx() context: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DossierStats | null> {
    const period = periodOf(from, to);
    const counters = countersFor(requestedFields(info));
    const stats = async (units: readonly UnitRecord[]) => {
      const batch = batchOf(units);
      const rows = rowsByKey(batch, await dossierAggregates(context, batch, period, undefined, counters));
      return units.map((record) => {
        const { batchKey: _key, ...row } = rows.get(record.id)?.[0] ?? {};
        return Object.assign(new DossierStats(), countsFrom(row), { from, to, territory: territoryOf(record), period });
      });
    };
    return unitFieldLoader(context, 'dossierStats', [from, to, [...counters].sort()], stats, { covers: 'Dossier statistics' }).load(unit.id);
  }

  @FieldResolver(() => FeedbackStats, { nullable: true, description: 'Feedback (phản ánh, kiến nghị) on procedures in the unit and below it.' })
  async feedbackStats(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive; not before from.' }) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<FeedbackStats | null> {
    const period = periodOf(from, to);
    const stats = async (units: readonly UnitRecord[]) => {
      const byKey = await feedbackStatsByKey(context, batchOf(units), period);
      return units.map((record) => byKey.get(record.id)!);
    };
    return unitFieldLoader(context, 'feedbackStats', [from, to], stats, { covers: 'Feedback statistics' }).load(unit.id);
  }

  @FieldResolver(() => ServiceDesks, { nullable: true, description: 'Desks of the unit and below it that served by post and online in the period.' })
  async serviceDesks(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive; not before from.' }) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<ServiceDesks | null> {
    const period = periodOf(from, to);
    const desks = async (units: readonly UnitRecord[]) => {
      const byKey = await serviceDesksByKey(context, batchOf(units), period);
      return units.map((record) => byKey.get(record.id)!);
    };
    return unitFieldLoader(context, 'serviceDesks', [from, to], desks, { covers: 'Service desk statistics' }).load(unit.id);
  }

  @FieldResolver(() => DossierConnection, { nullable: true, description: 'Dossiers of the unit, the units below it and the dissolved units whose territory went into it, within your scope (filtered, never refused).' })
  dossiers(@Root() unit: UnitRef, @Args() args: DossierFilterArgs, @Ctx() context: SubgraphContext): Promise<Page<Dossier> | null> {
    return unitFieldLoader(context, 'dossiers', args, (units) => listDossiersOfUnits(context, { ...args }, units)).load(unit.id);
  }
}
