import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { paginate, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { whereInScope, requirePrincipal } from '../../core/access';
import { agencyById, agencyFactsById, unitById } from '../loaders';
import { unitByCodeOn } from '../unit/unit-versions';
import { treeDay } from '../../core/time';
import { Official } from '../official/official';
import { OfficialConnection } from '../official/official-connection';
import { AdministrativeUnit } from '../unit/administrative-unit';
import { assertUnitCode } from '../../core/unit-code';
import { Agency } from './agency';
import { AgencyListArgs } from './agency-args';
import { AgencyConnection } from './agency-connection';
import { listAgencies } from './agency-list';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency in your scope.' })
  @ServiceScope('institutions:read')
  async agency(@Arg('id', () => ID, { description: 'Id of the agency.' }) id: string, @Ctx() context: SubgraphContext): Promise<Agency> {
    const agency = await agencyById(context).load(id);
    if (!agency) throw notFound(`No agency has id "${id}"`);
    return agency;
  }

  @Query(() => AgencyConnection, { nullable: true, description: 'Agencies in your scope.' })
  @ServiceScope('institutions:read')
  async agencies(@Args() args: AgencyListArgs, @Ctx() context: SubgraphContext): Promise<Page<Agency>> {
    requirePrincipal(context.principal);
    let unitId: string | undefined;
    if (args.unitCode !== undefined && args.unitCode !== null) {
      const unit = await unitByCodeOn(context, assertUnitCode(args.unitCode, 'unitCode'), treeDay());
      if (!unit) throw notFound(`No administrative unit has code "${args.unitCode}"`);
      unitId = unit.id;
    }
    return listAgencies(context, { unitId, kind: args.kind }, args);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The administrative unit the agency belongs to.' })
  unit(@Root() agency: Agency, @Ctx() context: SubgraphContext) {
    return unitById(context).load(agency.unitId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency this one belongs to: a public fact, whatever your scope.' })
  parent(@Root() agency: Agency, @Ctx() context: SubgraphContext) {
    return agency.parentId ? agencyFactsById(context).load(agency.parentId) : null;
  }

  @FieldResolver(() => OfficialConnection, { nullable: true, description: 'Officials of the agency.' })
  officials(@Root() agency: Agency, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Official>> {
    const query = context.dataSource
      .getRepository(Official)
      .createQueryBuilder('official')
      .where('official.agencyId = :agencyId', { agencyId: agency.id });
    whereInScope(query, 'official.unitPath', requirePrincipal(context.principal));
    return paginate(query, 'official.id', (official) => official.id, page);
  }
}
