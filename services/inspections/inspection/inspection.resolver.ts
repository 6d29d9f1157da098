import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { paginate, PageArgs, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { requirePrincipal } from '../../core/access';
import { FindingConnection } from '../finding/finding-connection';
import { InspectionConnection } from './inspection-connection';
import { InspectionListArgs } from './inspection-args';
import { pageOfList, pageOfRows } from '../../core/row-page';
import { TeamMemberConnection } from './team-connection';
import { AgencyRef } from '../extends/Agency';
import { OfficialRef } from '../extends/Official';
import { UnitRef } from '../extends/AdministrativeUnit';
import { whereVisible } from './inspection-visibility';
import type { Finding } from '../finding/finding';
import { findingsOfInspection, inspectionById, planById } from '../loaders';
import { InspectionPlan } from '../plan/inspection-plan';
import { assertYear } from '../validation';
import { Inspection } from './inspection';
import { CancelInspectionInput, ConcludeInspectionInput, ScheduleInspectionInput, StartInspectionInput } from './inspection-inputs';
import { cancelInspection, concludeInspection, scheduleInspection, startInspection } from './inspection-lifecycle';

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { nullable: true, description: 'An inspection your unit carries out or undergoes (or a unit below yours).' })
  @ServiceScope('inspections:read')
  async inspection(@Arg('id', () => ID, { description: 'Id of the inspection.' }) id: string, @Ctx() context: SubgraphContext): Promise<Inspection> {
    const inspection = await inspectionById(context).load(id);
    if (!inspection) throw notFound(`No inspection has id "${id}"`);
    return inspection;
  }

  @Query(() => InspectionConnection, { nullable: true, description: 'Inspections carried out or undergone by your unit and the units below it.' })
  @ServiceScope('inspections:read')
  inspections(@Args() args: InspectionListArgs, @Ctx() context: SubgraphContext): Promise<Page<Inspection>> {
    const principal = requirePrincipal(context.principal);
    const query = context.dataSource.getRepository(Inspection).createQueryBuilder('inspection');
    whereVisible(query, 'inspection', principal);
    if (args.year !== undefined && args.year !== null) query.andWhere('inspection.year = :year', { year: assertYear(args.year) });
    if (args.status) query.andWhere('inspection.status = :status', { status: args.status });
    return paginate(query, 'inspection.id', (row) => row.id, args);
  }

  @Mutation(() => Inspection, { description: 'Schedules the inspection of a target of a plan (INSPECTOR of the inspecting unit).' })
  @ServiceScope('closed')
  scheduleInspection(@Arg('input', { description: 'The inspection to schedule: plan, target agency, day and team.' }) input: ScheduleInspectionInput, @Ctx() context: SubgraphContext) {
    return scheduleInspection(context, input);
  }

  @Mutation(() => Inspection, { description: 'The team is on site: PLANNED -> IN_PROGRESS.' })
  @ServiceScope('closed')
  startInspection(@Arg('input', { description: 'The inspection to start and the day it began.' }) input: StartInspectionInput, @Ctx() context: SubgraphContext) {
    return startInspection(context, input);
  }

  @Mutation(() => Inspection, { description: 'Issues the conclusion with its findings: -> CONCLUDED, final (CONFLICT afterwards).' })
  @ServiceScope('closed')
  concludeInspection(@Arg('input', { description: 'The inspection to conclude, its conclusion and findings.' }) input: ConcludeInspectionInput, @Ctx() context: SubgraphContext) {
    return concludeInspection(context, input);
  }

  @Mutation(() => Inspection, { description: 'Cancels an inspection that has not concluded and has no findings.' })
  @ServiceScope('closed')
  cancelInspection(@Arg('input', { description: 'The inspection to cancel and why.' }) input: CancelInspectionInput, @Ctx() context: SubgraphContext) {
    return cancelInspection(context, input);
  }

  @FieldResolver(() => InspectionPlan, { nullable: true, description: 'The plan: visible to the inspecting side only (FORBIDDEN to the inspected side).' })
  plan(@Root() inspection: Inspection, @Ctx() context: SubgraphContext) {
    return planById(context).load(inspection.planId);
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The unit that carries the inspection out.' })
  inspectingUnit(@Root() inspection: Inspection): UnitRef {
    return { id: inspection.inspectingUnitId };
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The inspected agency.' })
  targetAgency(@Root() inspection: Inspection): AgencyRef {
    return { id: inspection.targetAgencyId };
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: "The inspected agency's unit." })
  targetUnit(@Root() inspection: Inspection): UnitRef {
    return { id: inspection.targetUnitId };
  }

  @FieldResolver(() => TeamMemberConnection, {
    description:
      'Đoàn kiểm tra: the officials of the team, the head first (the cursor is the position in the team; 1 to 20 members). ' +
      'Their public facts (name, position, agency) show whatever your scope (docs/architecture.md, rule 12); the officials of a whole page are looked up together.',
  })
  team(@Root() inspection: Inspection, @Args() page: PageArgs): Page<OfficialRef> {
    return pageOfList(inspection.teamOfficialIds.map((id) => ({ id })), page);
  }

  @FieldResolver(() => FindingConnection, { description: 'What the inspection found.' })
  async findings(@Root() inspection: Inspection, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Finding>> {
    const rows = (await findingsOfInspection(context).load(inspection.id)) ?? [];
    return pageOfRows(rows, (row) => row.id, page);
  }
}
