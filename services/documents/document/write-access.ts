import { assertMayWriteIn, type ServiceScope, type StoredPath, type UnitPath } from '../../core/access';
import type { Principal, Role } from '../../core/principal';

/**
 * Roles of this subgraph (`docs/architecture.md`, rule 4: writes happen in the principal's own
 * unit, ADMIN also below it, and need a role that allows them; core/access decides):
 * - OFFICER or ADMIN: register, sign and send documents of the unit's agencies; move a
 *   transfer received by the unit's agencies through its statuses.
 * - ADMIN: issue and revoke certificates (the unit's CA registration officer).
 * - any role within scope: read.
 */
export const DOCUMENT_WRITERS: Role[] = ['OFFICER', 'ADMIN'];
export const CERTIFICATE_ADMINS: Role[] = ['ADMIN'];

/** A service client needs `serviceScope`; writes without one (certificates) are for people. */
export const assertMayWrite = (
  principal: Principal | undefined,
  unit: UnitPath | StoredPath,
  roles: Role[],
  what: string,
  serviceScope?: ServiceScope,
): Principal => assertMayWriteIn(principal, unit, what, { roles, serviceScope });
