import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { batchOf, requirePrincipal, unitFieldLoader } from '../../core/access';
import { paginateBatch } from '../../core/page-batch';
import type { UnitRecord } from '../../core/institutions/records';
import { FindingConnection } from '../finding/finding-connection';
import { FindingListArgs } from '../finding/finding-args';
import { whereVisible } from '../inspection/inspection-visibility';
import { Finding } from '../finding/finding';
import { whereFindingState } from '../finding/finding-filters';
import { ReformScore } from '../score/reform-score';
import { reformScores } from '../score/score-query';
import { assertYear } from '../validation';
import { inspectionCoverageByKey } from '../coverage/coverage-query';
import { InspectionCoverage } from '../coverage/inspection-coverage';

/** AdministrativeUnit is owned by institutions; this subgraph only adds fields to it. */
export const UnitRef = foreignEntity('AdministrativeUnit');
export type UnitRef = EntityReference;

/**
 * What this subgraph adds to AdministrativeUnit. Aggregates refuse a unit outside the scope
 * (rule 2) and count the unit's territory, its lineage's included for a unit of the reform
 * (rule 13). A reform score is the scored unit's own: no merger sums indices.
 */
@Resolver(() => UnitRef)
export class UnitInspectionsResolver {
  @FieldResolver(() => InspectionCoverage, {
    nullable: true,
    description: "Reform inspection coverage of a year's plans made by this unit or units below it; FORBIDDEN outside your scope.",
  })
  async inspectionCoverage(@Root() unit: UnitRef, @Arg('year', () => Int, { description: 'Calendar year of the inspection plans counted, for example 2025.' }) year: number, @Ctx() context: SubgraphContext) {
    assertYear(year);
    const coverage = async (units: readonly UnitRecord[]) => {
      const byKey = await inspectionCoverageByKey(context, batchOf(units), year);
      return units.map((record) => byKey.get(record.id)!);
    };
    return unitFieldLoader(context, 'inspectionCoverage', year, coverage, { covers: 'Inspection coverage' }).load(unit.id);
  }

  @FieldResolver(() => ReformScore, { nullable: true, description: 'PAR INDEX, SIPAS and civil-service rating for a year; null if none recorded; FORBIDDEN outside your scope.' })
  async reformScore(@Root() unit: UnitRef, @Arg('year', () => Int, { description: 'Calendar year of the scores, for example 2025.' }) year: number, @Ctx() context: SubgraphContext) {
    assertYear(year);
    const scores = (units: readonly UnitRecord[]) => reformScores(context, units.map((record) => record.id), year);
    return unitFieldLoader(context, 'reformScore', year, scores, { covers: 'Reform score' }).load(unit.id);
  }

  @FieldResolver(() => FindingConnection, {
    nullable: true,
    description: 'Findings of inspections of agencies of this unit and the units below it, that you may see (state OVERDUE: the overdue ones).',
  })
  findings(@Root() unit: UnitRef, @Args() args: FindingListArgs, @Ctx() context: SubgraphContext): Promise<Page<Finding> | null> {
    const principal = requirePrincipal(context.principal);
    const findings = () => {
      const query = context.dataSource.getRepository(Finding).createQueryBuilder('finding');
      whereVisible(query, 'finding', principal);
      return whereFindingState(query, 'finding', args.state);
    };
    const pages = async (units: readonly UnitRecord[]) => {
      const byUnit = await paginateBatch(context, `unit-findings:${JSON.stringify(args)}`, findings, 'finding.id', (row) => row.id, args, {
        column: 'finding.targetPath',
        territories: batchOf(units).byKey,
      });
      return units.map((record) => byUnit.get(record.id)!);
    };
    return unitFieldLoader(context, 'findings', { ...args }, pages).load(unit.id);
  }
}
