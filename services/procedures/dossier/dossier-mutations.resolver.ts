import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { DateTime } from '../../core/input';
import { Dossier } from './dossier';
import { issueApologyLetter, transitionDossier } from './dossier-lifecycle';
import { DossierStatus } from './dossier-status';
import { receiveDossier } from './receive-dossier';
import { ReceiveDossierInput } from './receive-dossier.input';

/** Writes for one-stop desks and integrations: OFFICER or ADMIN, in the principal's own unit (ADMIN: also below). */
@Resolver(() => Dossier)
export class DossierMutationsResolver {
  @Mutation(() => Dossier, { description: 'Receives a dossier. Idempotent on input.clientKey: a retry returns the same dossier.' })
  @ServiceScope('dossiers:write')
  receiveDossier(@Arg('input', () => ReceiveDossierInput, { description: 'The dossier to receive: procedure, applicant and channel.' }) input: ReceiveDossierInput, @Ctx() context: SubgraphContext): Promise<Dossier> {
    return receiveDossier(context, input);
  }

  @Mutation(() => Dossier, {
    description:
      'Moves a dossier along its lifecycle; an illegal move is a CONFLICT. Leaving SUPPLEMENT_REQUESTED moves the due time later by the wait.',
  })
  @ServiceScope('dossiers:write')
  transitionDossier(
    @Arg('id', () => ID, { description: 'Id of the dossier.' }) id: string,
    @Arg('to', () => DossierStatus, { description: 'The status to move the dossier to.' }) to: DossierStatus,
    @Ctx() context: SubgraphContext,
    @Arg('at', () => DateTime, { nullable: true, description: 'When it happened; default now. Not in the future, not before the dossier\'s last event (else BAD_USER_INPUT).' }) at?: Date,
  ): Promise<Dossier> {
    return transitionDossier(context, id, to, at ?? undefined);
  }

  @Mutation(() => Dossier, { description: 'Issues the apology letter of a late dossier, with the new return time promised.' })
  @ServiceScope('dossiers:write')
  issueApologyLetter(
    @Arg('id', () => ID, { description: 'Id of the late dossier.' }) id: string,
    @Arg('newReturnAt', () => DateTime, { description: 'The new return time promised: after the letter is issued (else BAD_USER_INPUT).' }) newReturnAt: Date,
    @Ctx() context: SubgraphContext,
    @Arg('at', () => DateTime, { nullable: true, description: 'When it was issued; default now. Not in the future, not before the dossier\'s last event (else BAD_USER_INPUT).' }) at?: Date,
  ): Promise<Dossier> {
    return issueApologyLetter(context, id, newReturnAt, at ?? undefined);
  }
}
