import { assertMayWriteIn, unitCodeOf, type ServiceScope, type StoredPath, type UnitPath } from '../../core/access';
import type { Principal } from '../../core/principal';

/**
 * `docs/architecture.md` rule 4 for this subgraph (core/access decides), for dossier and catalogue
 * writes alike: writes need the OFFICER or ADMIN role, in the principal's own unit (ADMIN: also
 * below it). A service client also needs `serviceScope`; writes without one are for people only.
 */
export const assertMayWrite = (principal: Principal | undefined, unit: UnitPath | StoredPath, what: string, serviceScope?: ServiceScope): Principal =>
  assertMayWriteIn(principal, unit, what, {
    roles: ['OFFICER', 'ADMIN'],
    serviceScope,
    wording: (refusal, who, path) => {
      if (refusal === 'ROLE') return `${what} needs the OFFICER or ADMIN role`;
      return who.roles.includes('ADMIN')
        ? `${what}: unit ${unitCodeOf(path)} is outside the scope of unit ${who.unitCode}`
        : `${what}: an OFFICER writes in its own unit ${who.unitCode} only, not in unit ${unitCodeOf(path)}`;
    },
  });
