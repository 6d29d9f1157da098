import { Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import type { Dossier } from '../dossier/dossier';
import { DossierFilterArgs } from '../dossier/dossier-args';
import { DossierConnection } from '../dossier/dossier-connection';
import { listDossiers } from '../dossier/dossier-list';

/** Agency is owned by institutions; this subgraph adds the dossiers an agency received. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => AgencyRef)
export class AgencyDossiersResolver {
  @FieldResolver(() => DossierConnection, { description: 'Dossiers this agency received, within your scope (filtered, never refused).' })
  dossiers(@Root() agency: AgencyRef, @Args() args: DossierFilterArgs, @Ctx() context: SubgraphContext): Promise<Page<Dossier>> {
    return listDossiers(context, { ...args, agencyId: agency.id });
  }
}
