import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { readPersonalData } from '../../core/access';
import { Agency } from '../agency/agency';
import { agencyFactsById, officialById } from '../loaders';
import { Official, OfficialContact } from './official';

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true, description: 'An official in your scope.' })
  @ServiceScope('institutions:read')
  async official(@Arg('id', () => ID, { description: 'Id of the official.' }) id: string, @Ctx() context: SubgraphContext): Promise<Official> {
    const official = await officialById(context).load(id);
    if (!official) throw notFound(`No official has id "${id}"`);
    return official;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the official works in: a public fact, whatever your scope.' })
  agency(@Root() official: Official, @Ctx() context: SubgraphContext) {
    return agencyFactsById(context).load(official.agencyId);
  }

  @FieldResolver(() => OfficialContact, {
    nullable: true,
    description: 'Phone and e-mail: personal data, for OFFICER, INSPECTOR or ADMIN within scope.',
  })
  contact(@Root() official: Official, @Ctx() context: SubgraphContext): OfficialContact {
    readPersonalData(context, 'Official.contact', official, 'institutions:read', `Contact details of official ${official.id}`);
    return { phone: official.phone, email: official.email };
  }
}
