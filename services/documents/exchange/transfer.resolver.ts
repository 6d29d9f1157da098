import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { conflict, notFound, badInput } from '../../core/errors';
import { assertMayWrite, DOCUMENT_WRITERS } from '../document/write-access';
import { Document } from '../document/document';
import { documentById } from '../document/document-access';
import { AgencyRef } from '../extends/Agency';
import { DocumentTransfer } from './document-transfer';
import { sendDocument } from './send-document';
import { SendDocumentPayload } from './send-document-payload';
import { SendDocumentInput, UpdateTransferStatusInput } from './transfer-args';
import { transferById } from './transfer-access';
import { NEXT_STATUSES, STATUS_CODES, STATUS_TIME_COLUMN, TransferStatus } from './transfer-status';
import { recordEvent } from '../../core/events/outbox';
import { nowTimestamp } from '../../core/time';
import type { HubEventType } from '../../core/events/hub-event';

/** The transfer moves partners are told of (hub-event.ts); the later steps are the recipient's own work. */
const EVENT_OF_MOVE: Partial<Record<TransferStatus, HubEventType>> = {
  [TransferStatus.ACCEPTED]: 'document.accepted',
  [TransferStatus.REFUSED]: 'document.refused',
};

@Resolver(() => DocumentTransfer)
export class TransferResolver {
  @Query(() => DocumentTransfer, { nullable: true, description: 'A transfer your unit sent or received.' })
  @ServiceScope('documents:read')
  async documentTransfer(@Arg('id', () => ID, { description: 'Id of the document transfer.' }) id: string, @Ctx() context: SubgraphContext): Promise<DocumentTransfer> {
    const transfer = await transferById(context).load(id);
    if (!transfer) throw notFound(`No transfer has id "${id}"`);
    return transfer;
  }

  @Mutation(() => SendDocumentPayload, {
    description:
      'Gửi văn bản: send a signed document to agencies at any level (OFFICER or ADMIN of the issuing unit). ' +
      'Answers a payload with the transfers made, a connection (`transfers { edges { node { … } } }`).',
  })
  @ServiceScope('documents:exchange')
  async sendDocument(@Arg('input', { description: 'The document to send and the receiving agencies.' }) input: SendDocumentInput, @Ctx() context: SubgraphContext): Promise<SendDocumentPayload> {
    return { documentId: input.documentId, made: await sendDocument(context, input) };
  }

  @Mutation(() => DocumentTransfer, {
    description: 'Move a received transfer on (OFFICER or ADMIN of the recipient\'s unit). An illegal move is a CONFLICT.',
  })
  @ServiceScope('documents:exchange')
  async updateTransferStatus(@Arg('input', { description: 'The transfer and its new status.' }) input: UpdateTransferStatusInput, @Ctx() context: SubgraphContext): Promise<DocumentTransfer> {
    const transfer = await transferById(context).load(input.transferId);
    if (!transfer) throw notFound(`No transfer has id "${input.transferId}"`);
    assertMayWrite(context.principal, transfer.recipientUnitPath, DOCUMENT_WRITERS, `The transfer to ${transfer.recipientName}`, 'documents:exchange');
    const note = input.note?.trim() || null;
    if (note && note.length > 500) throw badInput('The note has at most 500 characters', 'note');
    if (!NEXT_STATUSES[transfer.status].includes(input.status)) {
      const allowed = NEXT_STATUSES[transfer.status];
      throw conflict(
        `A transfer ${transfer.status} cannot move to ${input.status}` + (allowed.length ? `: it may move to ${allowed.join(' or ')}` : ': it is final'),
      );
    }
    const at = nowTimestamp();
    const changes = { status: input.status, [STATUS_TIME_COLUMN[input.status]]: at, note, updatedAt: at };
    // The WHERE on the old status makes a concurrent move lose cleanly instead of skipping a step.
    await context.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DocumentTransfer)
        .set(changes)
        .where('id = :id AND status = :from', { id: transfer.id, from: transfer.status })
        .execute();
      if (!result.affected) throw conflict('The transfer changed meanwhile: read it again');
      // Accepted and refused are told to the recipient's side, in this transaction (docs/architecture.md, "Events").
      const type = EVENT_OF_MOVE[input.status];
      if (type) {
        await recordEvent(manager, {
          subgraph: 'documents',
          type,
          record: { type: 'Document', id: transfer.documentId },
          units: [transfer.recipientUnitPath],
          state: input.status,
          previousState: transfer.status,
        });
      }
    });
    return { ...transfer, ...changes };
  }

  @FieldResolver(() => String, { description: 'The status code of the national exchange format, 01 to 06.' })
  statusCode(@Root() transfer: DocumentTransfer): string {
    return STATUS_CODES[transfer.status];
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document sent.' })
  document(@Root() transfer: DocumentTransfer, @Ctx() context: SubgraphContext) {
    return documentById(context).load(transfer.documentId);
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The sending agency.' })
  sender(@Root() transfer: DocumentTransfer): AgencyRef {
    return { id: transfer.senderAgencyId };
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The receiving agency.' })
  recipient(@Root() transfer: DocumentTransfer): AgencyRef {
    return { id: transfer.recipientAgencyId };
  }
}
