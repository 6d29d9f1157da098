import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { Inspection } from '../inspection/inspection';
import { findingById, inspectionById } from '../loaders';
import { AgencyRef } from '../extends/Agency';
import { Finding } from './finding';
import { isOverdue } from './finding-filters';
import { RecordFindingInput, RemedyFindingInput } from './finding-inputs';
import { recordFinding, remedyFinding } from './finding-writes';

@Resolver(() => Finding)
export class FindingResolver {
  @Query(() => Finding, { nullable: true, description: 'A finding of an inspection you may see.' })
  @ServiceScope('inspections:read')
  async finding(@Arg('id', () => ID, { description: 'Id of the finding.' }) id: string, @Ctx() context: SubgraphContext): Promise<Finding> {
    const finding = await findingById(context).load(id);
    if (!finding) throw notFound(`No finding has id "${id}"`);
    return finding;
  }

  @Mutation(() => Finding, { description: 'Records a finding on an inspection in progress (INSPECTOR of the inspecting unit).' })
  @ServiceScope('closed')
  recordFinding(@Arg('input', { description: 'The finding to record on an inspection in progress.' }) input: RecordFindingInput, @Ctx() context: SubgraphContext) {
    return recordFinding(context, input);
  }

  @Mutation(() => Finding, { description: "Reports a finding remedied (OFFICER of the inspected agency's unit); once only." })
  @ServiceScope('closed')
  remedyFinding(@Arg('input', { description: 'The finding to mark remedied.' }) input: RemedyFindingInput, @Ctx() context: SubgraphContext) {
    return remedyFinding(context, input);
  }

  @FieldResolver(() => Inspection, { description: 'The inspection that recorded the finding.' })
  inspection(@Root() finding: Finding, @Ctx() context: SubgraphContext) {
    return inspectionById(context).load(finding.inspectionId);
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The inspected agency, which must remedy the finding.' })
  targetAgency(@Root() finding: Finding): AgencyRef {
    return { id: finding.targetAgencyId };
  }

  @FieldResolver(() => Boolean, { description: 'Not remedied, and the due date has passed (Vietnam time).' })
  overdue(@Root() finding: Finding): boolean {
    return isOverdue(finding);
  }
}
