import { Args, Ctx, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { PageArgs, type Page } from '../../core/pagination';
import { pageOfList } from '../../core/row-page';
import { Document } from '../document/document';
import { documentById } from '../document/document-access';
import type { DocumentTransfer } from './document-transfer';
import { DocumentTransferConnection } from './transfer-connection';

/**
 * What `sendDocument` answers. A payload object, as Relay and most GraphQL clients expect of a
 * mutation: fields can be added later without breaking a client, and the transfers are a
 * connection like every other list of records.
 */
@ObjectType({
  description:
    'What sendDocument did: the document sent and one transfer per recipient (a payload object, so fields can be added without breaking clients).',
})
export class SendDocumentPayload {
  documentId!: string;

  /** The transfers made (or, for a retry with the same clientKey, those the first request made), in the order the recipients were named. */
  made!: DocumentTransfer[];
}

@Resolver(() => SendDocumentPayload)
export class SendDocumentPayloadResolver {
  @FieldResolver(() => Document, { nullable: true, description: 'The document sent.' })
  document(@Root() payload: SendDocumentPayload, @Ctx() context: SubgraphContext) {
    return documentById(context).load(payload.documentId);
  }

  @FieldResolver(() => DocumentTransferConnection, {
    description: 'The transfers made, one per recipient, in the order of `recipientAgencyIds` (the cursor is the position in it); at most 100.',
  })
  transfers(@Root() payload: SendDocumentPayload, @Args() args: PageArgs): Page<DocumentTransfer> {
    return pageOfList(payload.made, args);
  }
}
