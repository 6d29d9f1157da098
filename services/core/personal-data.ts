import type { SubgraphContext } from './context';
import { assertMayReadPersonalData } from './scope';
import { assertServiceScope, type ServiceScope } from './service-scopes';

/**
 * The gate every personal-data field goes through: rule 3 (role, within scope), the service
 * scope for a client, and a note for the audit log, which the request's response waits for.
 */
export function readPersonalData(
  context: SubgraphContext,
  field: string,
  row: { id: string; unitPath: string },
  serviceScope: ServiceScope,
  what: string,
) {
  const who = assertMayReadPersonalData(context.principal, row.unitPath, what);
  assertServiceScope(who, serviceScope, what);
  context.audit.personalDataRead(field, row.id, row.unitPath);
}
