import type { SubgraphContext } from '../context';
import { forbidden } from '../errors';
import type { Principal, Role } from '../principal';
import { assertCovers, hasRole } from './principal-scope';
import { assertServiceScope, type ServiceScope } from './service-scopes';
import type { StoredPath, UnitPath } from './unit-path';

const PERSONAL_DATA_ROLES: Role[] = ['OFFICER', 'INSPECTOR', 'ADMIN'];

/** `docs/architecture.md` rule 3: personal data needs OFFICER, INSPECTOR or ADMIN, within scope. */
export function assertMayReadPersonalData(principal: Principal | undefined, rowPath: UnitPath | StoredPath, what: string): Principal {
  const who = assertCovers(principal, rowPath, what);
  if (!hasRole(who, ...PERSONAL_DATA_ROLES)) {
    throw forbidden(`${what} is personal data: it needs the OFFICER, INSPECTOR or ADMIN role`);
  }
  return who;
}

/**
 * The gate every personal-data field goes through: `docs/architecture.md` rule 3 (role,
 * within scope), the service scope for a client, and a note for the audit log, which the
 * request's response waits for.
 * `row.unitPath` is the row's stored path; the audit log records it as stored.
 */
export function readPersonalData(
  context: SubgraphContext,
  field: string,
  row: { id: string; unitPath: StoredPath },
  serviceScope: ServiceScope,
  what: string,
) {
  const who = assertMayReadPersonalData(context.principal, row.unitPath, what);
  assertServiceScope(who, serviceScope, what);
  context.audit.personalDataRead(field, row.id, row.unitPath);
}
