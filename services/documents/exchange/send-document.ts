import { randomUUID } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { assertAgencyInForce, storedPath } from '../../core/access';
import { vietnamDayOf } from '../../core/time';
import type { UnitLevel } from '../../core/unit-level';
import { assertMayWrite, DOCUMENT_WRITERS } from '../document/write-access';
import { documentById } from '../document/document-access';
import { DocumentSignature } from '../signature/document-signature';
import { isUniqueViolation } from '../../core/write-conflicts';
import { DocumentTransfer } from './document-transfer';
import type { SendDocumentInput } from './transfer-args';
import { TransferStatus } from './transfer-status';
import { recordEvent } from '../../core/events/outbox';
import { entityListResult, idempotent, type TransactionalWrite } from '../../core/idempotency';

const MAX_RECIPIENTS = 100;

/**
 * Sends a signed document to each recipient: one transfer per recipient, ARRIVED at once
 * (the hub delivers within itself), all in one transaction; a recipient that already has the
 * document is a CONFLICT and nothing is written. Idempotent on `input.clientKey`
 * (`core/idempotency`): a retry answers the transfers the first request made.
 */
export function sendDocument(context: SubgraphContext, input: SendDocumentInput): Promise<DocumentTransfer[]> {
  return idempotent(context, { mutation: 'sendDocument', clientKey: input.clientKey, input, result: entityListResult(DocumentTransfer) }, (write) =>
    send(context, input, write),
  );
}

async function send(context: SubgraphContext, input: SendDocumentInput, write: TransactionalWrite<DocumentTransfer[]>): Promise<DocumentTransfer[]> {
  const document = await documentById(context).load(input.documentId);
  if (!document) throw notFound(`No document has id "${input.documentId}"`);
  assertMayWrite(context.principal, document.unitPath, DOCUMENT_WRITERS, `Document ${document.numberAndSymbol}`, 'documents:exchange');
  const recipientIds = input.recipientAgencyIds;
  if (recipientIds.length === 0 || recipientIds.length > MAX_RECIPIENTS) {
    throw badInput(`Name 1 to ${MAX_RECIPIENTS} recipient agencies`, 'recipientAgencyIds');
  }
  if (new Set(recipientIds).size !== recipientIds.length) throw badInput('A recipient agency is named twice', 'recipientAgencyIds');
  if (recipientIds.includes(document.agencyId)) throw badInput('An agency does not send a document to itself', 'recipientAgencyIds');
  const [sender, recipients] = await Promise.all([
    context.institutions.agencies.require(document.agencyId, { as: 'hub' }),
    context.institutions.agencies.findMany(recipientIds, { as: 'hub' }),
  ]);
  const unknown = recipientIds.filter((_id, index) => !recipients[index]);
  if (unknown.length) throw badInput(`No agency has id ${unknown.map((id) => `"${id}"`).join(', ')}`, 'recipientAgencyIds');
  // Both sides of a new transfer are units in force (rule 13): a document of a dissolved unit
  // is not sent, and nothing is sent to one; the message names where its territory went.
  assertAgencyInForce(sender, 'documentId');
  for (const recipient of recipients) assertAgencyInForce(recipient!, 'recipientAgencyIds');
  const signatures = await context.dataSource.getRepository(DocumentSignature).countBy({ documentId: document.id });
  if (signatures === 0) throw conflict(`Document ${document.numberAndSymbol} is not signed: sign it before sending`);
  const now = new Date();
  const sentAt = now.toISOString();
  const transfers: DocumentTransfer[] = recipients.map((recipient) => ({
    id: randomUUID(),
    documentId: document.id,
    senderAgencyId: sender.id,
    senderName: sender.name,
    senderUnitPath: storedPath(sender.unit.path),
    senderLevel: sender.unit.level as UnitLevel,
    recipientAgencyId: recipient!.id,
    recipientName: recipient!.name,
    recipientUnitPath: storedPath(recipient!.unit.path),
    recipientLevel: recipient!.unit.level as UnitLevel,
    status: TransferStatus.ARRIVED,
    sentAt,
    sentDay: vietnamDayOf(now),
    arrivedAt: sentAt,
    refusedAt: null,
    acceptedAt: null,
    assignedAt: null,
    inProgressAt: null,
    doneAt: null,
    note: null,
    updatedAt: sentAt,
  }));
  try {
    return await write(async (manager) => {
      await manager.insert(DocumentTransfer, transfers);
      // Sent, on the sending side; arrived, on each recipient's side (hub-event.ts).
      await recordEvent(manager, [
        { subgraph: 'documents', type: 'document.sent', record: { type: 'Document', id: document.id }, units: [document.unitPath], state: TransferStatus.ARRIVED },
        ...transfers.map((transfer) => ({
          subgraph: 'documents' as const,
          type: 'document.arrived' as const,
          record: { type: 'Document' as const, id: document.id },
          units: [transfer.recipientUnitPath],
          state: transfer.status,
        })),
      ]);
      return transfers;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Document ${document.numberAndSymbol} was already sent to one of these agencies`);
    throw error;
  }
}
