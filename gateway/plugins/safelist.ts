import type { GraphQLError } from 'graphql';
import { badRequest, forbidden } from '../../services/core/errors';
import { operationHash } from '../../services/core/principal';
import type { RefusalRecorder } from '../gateway-audit';
import type { GatewayContext } from '../principal-forwarding';

interface OperationBody {
  query?: unknown;
  operationName?: unknown;
  /** The GraphQL-over-HTTP persisted-documents form (GraphQL Code Generator's client preset): `<hash>` or `sha256:<hash>`. */
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** The hash a client sent instead of the text: `extensions.persistedQuery.sha256Hash` (APQ) or `documentId`. */
function sentHash(operation: OperationBody): string | null {
  const persisted = operation.extensions?.persistedQuery?.sha256Hash;
  if (typeof persisted === 'string') return persisted.toLowerCase();
  if (typeof operation.documentId === 'string') return operation.documentId.replace(/^sha256:/i, '').toLowerCase();
  return null;
}

const refusal = (message: string, hash: string | null) => forbidden(message, { operationHash: hash }, { status: 403 });

/**
 * A service client runs only the operations registered for it. It sends either the registered
 * text or only its SHA-256, in `extensions.persistedQuery.sha256Hash` (the APQ shape) or as
 * `documentId` (the persisted-documents shape of a client preset build, whose manifest
 * `safelistManifest` registered), and the gateway puts the registered text in: one path for
 * both. People's requests pass untouched.
 *
 * Checks one operation (one entry of a batch): null when it may run, with `body.query` set to
 * the registered text; the audited `FORBIDDEN` refusal (HTTP 403, `operationHash`) otherwise.
 */
export function safelistCheck(refused: RefusalRecorder) {
  return async (context: GatewayContext, method: string, body: unknown): Promise<GraphQLError | null> => {
    const client = context.client;
    if (context.principal?.kind !== 'SERVICE' || !client) return null;
    if (method !== 'POST') return badRequest('Service clients POST their operations', { status: 405 });
    const operation = (body ?? {}) as OperationBody;
    const sent = typeof operation.query === 'string' ? operation.query : undefined;
    const hash = sent !== undefined ? operationHash(sent) : sentHash(operation);
    const registered = hash ? client.safelist.find((entry) => entry.hash === hash) : undefined;
    if (!registered) {
      const name = typeof operation.operationName === 'string' ? operation.operationName : null;
      const detail = hash
        ? `Operation ${hash} is not safelisted for client ${client.id}`
        : 'Send a safelisted operation: its text, or its SHA-256 in extensions.persistedQuery.sha256Hash or documentId';
      await refused(context, detail, name, hash);
      return refusal(detail, hash);
    }
    operation.query = registered.document;
    // The text is the registered one; Apollo's own persisted-query cache has no part in it.
    if (operation.extensions) delete operation.extensions.persistedQuery;
    delete operation.documentId;
    return null;
  };
}
