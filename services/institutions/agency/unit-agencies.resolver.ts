import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { AdministrativeUnit } from '../unit/administrative-unit';
import type { Agency } from './agency';
import { AgencyKindPageArgs } from './agency-args';
import { AgencyConnection } from './agency-connection';
import { listAgencies } from './agency-list';

@Resolver(() => AdministrativeUnit)
export class UnitAgenciesResolver {
  @FieldResolver(() => AgencyConnection, { nullable: true, description: 'Agencies of this unit; empty outside your scope.' })
  agencies(
    @Root() unit: AdministrativeUnit,
    @Args() args: AgencyKindPageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Page<Agency>> {
    return listAgencies(context, { unitId: unit.id, kind: args.kind }, args);
  }
}
