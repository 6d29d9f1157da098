import { LocalDate } from '../../core/input';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { Procedure } from './procedure';
import { publishProcedure, withdrawProcedure } from './procedure-mutations';
import { PublishProcedureInput } from './publish-procedure.input';

/** Catalogue writes: OFFICER or ADMIN of the province (ADMIN: also from above it). */
@Resolver(() => Procedure)
export class ProcedureMutationsResolver {
  @Mutation(() => Procedure, { description: 'Publishes a procedure in a province\'s catalogue.' })
  @ServiceScope('closed')
  publishProcedure(@Arg('input', () => PublishProcedureInput, { description: 'The procedure to publish in the catalogue.' }) input: PublishProcedureInput, @Ctx() context: SubgraphContext): Promise<Procedure> {
    return publishProcedure(context, input);
  }

  @Mutation(() => Procedure, { description: 'Withdraws a procedure; it stays in the catalogue\'s history.' })
  @ServiceScope('closed')
  withdrawProcedure(
    @Arg('id', () => ID, { description: 'Id of the procedure.' }) id: string,
    @Ctx() context: SubgraphContext,
    @Arg('on', () => LocalDate, { nullable: true, description: 'Default today.' }) on?: string,
  ): Promise<Procedure> {
    return withdrawProcedure(context, id, on ?? undefined);
  }
}
