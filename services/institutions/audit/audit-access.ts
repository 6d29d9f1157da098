import type { SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { hasRole, isNational, requirePrincipal, scopedLoader, whereAnyInScope } from '../../core/access';
import { forbidden } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { AuditEntry } from './audit-entry';

/** The audit log is for ADMIN and INSPECTOR officials (issue 6); service clients never read it. */
export function assertMayReadAudit(principal: Principal | undefined): Principal {
  const who = requirePrincipal(principal);
  if (who.kind !== 'USER' || !hasRole(who, 'ADMIN', 'INSPECTOR')) throw forbidden('The audit log needs the ADMIN or INSPECTOR role');
  return who;
}

/**
 * An entry is visible from the actor's side and from the side of the unit it concerned: a
 * province's auditors see what their units did and what was done, or tried, to them. The
 * nation sees every entry, anonymous attempts included.
 */
export function whereAuditVisible(query: SelectQueryBuilder<AuditEntry>, alias: string, principal: Principal) {
  return isNational(principal) ? query : whereAnyInScope(query, [`${alias}.actorUnitPath`, `${alias}.targetUnitPath`], principal);
}

export const auditEntryById = (context: SubgraphContext) =>
  scopedLoader(context, { entity: AuditEntry, label: 'AuditEntry', inScope: (query, principal) => whereAuditVisible(query, 'row', principal) });
