import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import type { Dossier } from '../dossier/dossier';
import { DossierFilterArgs } from '../dossier/dossier-args';
import { DossierConnection } from '../dossier/dossier-connection';
import { dossiersOfAgency } from '../dossier/dossier-list';

/** Agency is owned by institutions; this subgraph adds the dossiers an agency received. */
export const AgencyRef = foreignEntity('Agency');
export type AgencyRef = EntityReference;

@Resolver(() => AgencyRef)
export class AgencyDossiersResolver {
  @FieldResolver(() => DossierConnection, { nullable: true, description: 'Dossiers this agency received, within your scope (filtered, never refused).' })
  async dossiers(@Root() agency: AgencyRef, @Args() args: DossierFilterArgs, @Ctx() context: SubgraphContext): Promise<Page<Dossier>> {
    return (await dossiersOfAgency(context, { ...args }).load(agency.id))!;
  }
}
