import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { TransferStatus } from './transfer-status';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'Gửi văn bản: send a signed document of your unit to one or more agencies, at any level.' })
export class SendDocumentInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'Id of the document to send.' })
  documentId!: string;

  @Field(() => [ID], { description: 'Recipient agencies, 1 to 100, each once.' })
  recipientAgencyIds!: string[];
}

@InputType({ description: 'Move a transfer your unit received to its next status.' })
export class UpdateTransferStatusInput {
  @Field(() => ID, { description: 'Id of the transfer.' })
  transferId!: string;

  @Field(() => TransferStatus, { description: 'The new status; only moves the exchange allows (Decree 30/2020/NĐ-CP).' })
  status!: TransferStatus;

  @Field(() => String, { nullable: true, description: 'Reason of a refusal, who was assigned, etc. (up to 500 characters).' })
  note?: string;
}

@ArgsType()
export class TransferPageArgs extends SyncPageArgs {
  @Field(() => TransferStatus, { nullable: true, description: 'Only transfers in this status; every status when omitted.' })
  status?: TransferStatus;
}
