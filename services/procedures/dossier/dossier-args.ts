import { LocalDate } from '../../core/input';
import { ArgsType, Field, ID } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { DossierChannel } from './dossier-channel';
import { DossierStatus } from './dossier-status';

@ArgsType()
export class DossierFilterArgs extends SyncPageArgs {
  @Field(() => DossierStatus, { nullable: true, description: 'Only dossiers in this status; every status when omitted.' })
  status?: DossierStatus;

  @Field(() => DossierChannel, { nullable: true, description: 'Only dossiers received through this channel; all channels when omitted.' })
  channel?: DossierChannel;

  @Field(() => ID, { nullable: true, description: 'Only dossiers of this procedure (its id); all procedures when omitted.' })
  procedureId?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Received on or after this day.' })
  receivedFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Received on or before this day.' })
  receivedTo?: string;
}

@ArgsType()
export class DossierListArgs extends DossierFilterArgs {
  @Field(() => String, { nullable: true, description: 'Only this unit and the units below it (within your scope).' })
  unitCode?: string;
}
