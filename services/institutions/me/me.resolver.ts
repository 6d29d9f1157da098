import { Ctx, Query, Resolver } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { requirePrincipal, unitCodeOf } from '../../core/access';
import { unitById } from '../loaders';
import { Me } from './me';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { nullable: true, description: 'Who you are and which unit your scope starts at.' })
  @ServiceScope('public')
  async me(@Ctx() context: SubgraphContext): Promise<Me> {
    const principal = requirePrincipal(context.principal);
    const unit = await unitById(context).load(unitCodeOf(principal.unitPath));
    if (!unit) throw notFound(`Your unit ${principal.unitCode} no longer exists`);
    return { ...principal, unit };
  }
}
