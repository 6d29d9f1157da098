import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTime } from '../../core/input';
import { DossierChannel } from './dossier-channel';

@InputType({ description: 'A dossier received at a desk or pushed by an integration (tiếp nhận hồ sơ).' })
export class ReceiveDossierInput {
  @Field({ description: 'Idempotency key chosen by the client, required here: 1 to 128 printable ASCII characters (a UUID). A retry with the same key and input returns the same dossier; the same key with other input is a CONFLICT. Kept at least 24 hours, per principal.' })
  clientKey!: string;

  @Field(() => ID, { description: 'Id of the procedure the dossier applies for; it must be published.' })
  procedureId!: string;

  @Field({ description: 'Code of the receiving unit: your own unit (ADMIN: also a unit below it).' })
  unitCode!: string;

  @Field(() => ID, { description: 'Receiving agency (one-stop desk or service center) of that unit.' })
  agencyId!: string;

  @Field(() => DossierChannel, { description: 'How the dossier is received: in person, by post or online.' })
  channel!: DossierChannel;

  @Field(() => DateTime, { nullable: true, description: 'When it was received; default now. Not in the future.' })
  receivedAt?: Date;

  @Field(() => DateTime, { nullable: true, description: "When it is due; default the procedure's processing time in working days after receipt. After receivedAt." })
  dueAt?: Date;

  @Field(() => Int, { description: 'Components submitted, 1 to 100.' })
  componentCount!: number;

  @Field(() => Int, { nullable: true, description: 'Components digitized at reception, 0 to componentCount (default 0).' })
  digitizedComponents?: number;

  @Field({ nullable: true, description: 'Whether the fee was paid online; false when omitted.' })
  paidOnline?: boolean;

  @Field({ nullable: true, description: 'The applicant asked for the result by post.' })
  resultByPost?: boolean;

  @Field({ description: 'Personal data.' })
  applicantName!: string;

  @Field({ description: 'Identity card number, 9 or 12 digits. Personal data.' })
  applicantIdNumber!: string;
}
