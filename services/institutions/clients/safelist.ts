import { Kind, parse, type DocumentNode } from 'graphql';
import { badInput } from '../../core/errors';

export const MAX_DOCUMENT_LENGTH = 20_000;

/** A document a client may run: valid GraphQL, one named query or mutation, fragments allowed. */
export function assertSafelistable(document: string): { operationName: string } {
  if (document.length === 0 || document.length > MAX_DOCUMENT_LENGTH) {
    throw badInput(`document must have 1 to ${MAX_DOCUMENT_LENGTH} characters`, 'document');
  }
  let parsed: DocumentNode;
  try {
    parsed = parse(document);
  } catch (error) {
    throw badInput(`document is not valid GraphQL: ${(error as Error).message}`, 'document');
  }
  const operations = parsed.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw badInput(`document must hold exactly one operation, found ${operations.length}`, 'document');
  const [operation] = operations;
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw badInput('document must hold an operation', 'document');
  if (operation.operation === 'subscription') throw badInput('subscriptions cannot be safelisted', 'document');
  if (!operation.name) throw badInput('the operation must be named: the name identifies it in the audit log', 'document');
  return { operationName: operation.name.value };
}
