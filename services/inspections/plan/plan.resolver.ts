import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { whereInScope, requirePrincipal, resolveUnit } from '../../core/access';
import { notFound } from '../../core/errors';
import { paginate, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { InspectionPlanConnection, PlanTargetConnection } from './plan-connection';
import { PlanListArgs } from './plan-args';
import { pageOfRows } from '../../core/row-page';
import { UnitRef } from '../extends/AdministrativeUnit';
import { planById, targetsOfPlan } from '../loaders';
import { assertYear } from '../validation';
import { createPlan } from './create-plan';
import { InspectionPlan } from './inspection-plan';
import { CreateInspectionPlanInput } from './plan-inputs';
import type { PlanTargetRow } from './plan-target';

/** Plans belong to the inspecting unit: scoped on its path (rule 1). */
@Resolver(() => InspectionPlan)
export class PlanResolver {
  @Query(() => InspectionPlan, { nullable: true, description: 'An inspection plan of your unit or a unit below it.' })
  @ServiceScope('inspections:read')
  async inspectionPlan(@Arg('id', () => ID, { description: 'Id of the inspection plan.' }) id: string, @Ctx() context: SubgraphContext): Promise<InspectionPlan> {
    const plan = await planById(context).load(id);
    if (!plan) throw notFound(`No inspection plan has id "${id}"`);
    return plan;
  }

  @Query(() => InspectionPlanConnection, { nullable: true, description: 'Inspection plans of your unit and the units below it.' })
  @ServiceScope('inspections:read')
  async inspectionPlans(@Args() args: PlanListArgs, @Ctx() context: SubgraphContext): Promise<Page<InspectionPlan>> {
    const principal = requirePrincipal(context.principal);
    const query = whereInScope(context.dataSource.getRepository(InspectionPlan).createQueryBuilder('plan'), 'plan.unitPath', principal);
    if (args.year !== undefined && args.year !== null) query.andWhere('plan.year = :year', { year: assertYear(args.year) });
    if (args.unitCode !== undefined && args.unitCode !== null) {
      const unit = await resolveUnit(context, args.unitCode);
      query.andWhere('plan.unitId = :unitId', { unitId: unit.id });
    }
    return paginate(query, 'plan.id', (row) => row.id, args);
  }

  @Mutation(() => InspectionPlan, { description: "Creates a yearly inspection plan (INSPECTOR of the inspecting unit, or ADMIN above it)." })
  @ServiceScope('closed')
  createInspectionPlan(@Arg('input', { description: 'The plan to create: year, decision and targets.' }) input: CreateInspectionPlanInput, @Ctx() context: SubgraphContext) {
    return createPlan(context, input);
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The unit that plans and inspects.' })
  inspectingUnit(@Root() plan: InspectionPlan): UnitRef {
    return { id: plan.unitId };
  }

  @FieldResolver(() => PlanTargetConnection, { description: 'The agencies the plan means to inspect.' })
  async targets(@Root() plan: InspectionPlan, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<PlanTargetRow>> {
    const rows = ((await targetsOfPlan(context).load(plan.id)) ?? []).map((row) => ({ ...row, updatedAt: plan.updatedAt }));
    return pageOfRows(rows, (row) => row.targetAgencyId, page);
  }
}
