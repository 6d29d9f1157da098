import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import { groupedByKeys } from '../../core/loaders';
import type { Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { requirePrincipal } from '../../core/access';
import { FindingConnection } from '../finding/finding-connection';
import { InspectionConnection } from '../inspection/inspection-connection';
import { FindingState, OpenFindingArgs } from '../finding/finding-args';
import { pageOfRows } from '../../core/row-page';
import { whereVisible } from '../inspection/inspection-visibility';
import { Finding } from '../finding/finding';
import { whereFindingState } from '../finding/finding-filters';
import { Inspection } from '../inspection/inspection';

/** Agency is owned by institutions; this subgraph adds its inspections and open findings. */
export const AgencyRef = foreignEntity('Agency');
export type AgencyRef = EntityReference;

/** Inspections of many agencies in one statement, with the visibility rule in its WHERE. */
const inspectionsOfAgency = (context: SubgraphContext) =>
  context.loaders.get<string, Inspection[]>('inspections:agency', async (agencyIds) => {
    const query = context.dataSource
      .getRepository(Inspection)
      .createQueryBuilder('inspection')
      .where('inspection.targetAgencyId IN (:...agencyIds)', { agencyIds: [...agencyIds] });
    const rows = await whereVisible(query, 'inspection', requirePrincipal(context.principal)).getMany();
    return groupedByKeys(agencyIds, rows, (row) => row.targetAgencyId);
  });

const openFindingsOfAgency = (context: SubgraphContext, overdueOnly: boolean) =>
  context.loaders.get<string, Finding[]>(`open-findings:agency:${overdueOnly}`, async (agencyIds) => {
    const query = context.dataSource
      .getRepository(Finding)
      .createQueryBuilder('finding')
      .where('finding.targetAgencyId IN (:...agencyIds)', { agencyIds: [...agencyIds] });
    whereVisible(query, 'finding', requirePrincipal(context.principal));
    whereFindingState(query, 'finding', overdueOnly ? FindingState.OVERDUE : FindingState.OPEN);
    return groupedByKeys(agencyIds, await query.getMany(), (row) => row.targetAgencyId);
  });

/** What this subgraph adds to Agency: lists, filtered to what the principal may see. */
@Resolver(() => AgencyRef)
export class AgencyInspectionsResolver {
  @FieldResolver(() => InspectionConnection, { nullable: true, description: 'Inspections of this agency that you may see.' })
  async inspections(@Root() agency: AgencyRef, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Inspection>> {
    requirePrincipal(context.principal);
    return pageOfRows((await inspectionsOfAgency(context).load(agency.id)) ?? [], (row) => row.id, page);
  }

  @FieldResolver(() => FindingConnection, { nullable: true, description: 'Findings of this agency not yet remedied, that you may see.' })
  async openFindings(@Root() agency: AgencyRef, @Args() args: OpenFindingArgs, @Ctx() context: SubgraphContext): Promise<Page<Finding>> {
    requirePrincipal(context.principal);
    return pageOfRows((await openFindingsOfAgency(context, args.overdueOnly).load(agency.id)) ?? [], (row) => row.id, args);
  }
}
