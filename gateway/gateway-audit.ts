import { actorOf } from '../services/core/audit/audit-record';
import type { AuditSink } from '../services/core/audit/audit-sink';
import type { GatewayContext } from './principal-forwarding';
import { logger } from '../services/core/observability/logger';

/** How the safelist and the scope check report a refused operation. */
export type RefusalRecorder = (context: GatewayContext, detail: string, operationName: string | null, hash: string | null) => Promise<void>;

/**
 * Records an operation the gateway refused a service client (not safelisted, or beyond its
 * scopes). The refusal stands even when the log cannot take it: nothing runs either way.
 */
export async function auditRefusal(sink: AuditSink, context: GatewayContext, detail: string, operationName: string | null, operationHash: string | null) {
  try {
    await sink.append([
      {
        source: 'gateway',
        action: 'operation',
        outcome: 'REFUSED',
        errorCode: 'FORBIDDEN',
        detail,
        operationName,
        operationHash,
        actor: actorOf(context.principal),
        targets: context.client ? [`ServiceClient:${context.client.id}`] : [],
        targetUnitPath: null,
      },
    ]);
  } catch (error) {
    logger().error({ err: error }, 'a refusal could not be written to the audit log');
  }
}
