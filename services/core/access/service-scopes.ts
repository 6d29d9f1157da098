import { forbidden } from '../errors';
import type { Principal, Role } from '../principal';

/**
 * What a service client (another agency's system) may be granted. A client also acts only in
 * its unit's scope and runs only its safelisted operations; scopes say which parts of the graph
 * those operations may touch (checked at the gateway, and again by the subgraphs that write).
 */
export const SERVICE_SCOPES = {
  'institutions:read': 'Agencies and officials, contact details included',
  'dossiers:read': 'Dossiers with their applicants',
  'dossiers:write': 'Receive dossiers and move them through their lifecycle (implies dossiers:read)',
  'documents:read': 'Documents, transfers and certificates',
  'documents:exchange': 'Register, sign, send and receive documents (implies documents:read)',
  'inspections:read': 'Inspection plans, inspections and findings',
  'indicators:read': 'Statistics, the service index, reform scores and coverage',
} as const;

export type ServiceScope = keyof typeof SERVICE_SCOPES;
export const SCOPE_NAMES = Object.keys(SERVICE_SCOPES) as ServiceScope[];

/** A write scope grants the matching read. */
const IMPLIED: Partial<Record<ServiceScope, ServiceScope>> = {
  'dossiers:write': 'dossiers:read',
  'documents:exchange': 'documents:read',
};

export const isServiceScope = (scope: string): scope is ServiceScope => (SCOPE_NAMES as string[]).includes(scope);

/** The scopes a client holds, implied ones included. */
export function effectiveScopes(granted: readonly string[]): Set<ServiceScope> {
  const scopes = new Set<ServiceScope>();
  for (const scope of granted) {
    if (!isServiceScope(scope)) continue;
    scopes.add(scope);
    const implied = IMPLIED[scope];
    if (implied) scopes.add(implied);
  }
  return scopes;
}

/**
 * The roles a service principal acts with inside its scope: a client that reads personal data or
 * writes needs what an OFFICER may do; one that only reads indicators is a VIEWER.
 */
export function serviceRoles(scopes: readonly string[]): Role[] {
  return scopes.some((scope) => scope !== 'indicators:read') ? ['OFFICER'] : ['VIEWER'];
}

/** For a service principal, refuses unless it holds `scope`; people are governed by their roles alone. */
export function assertServiceScope(principal: Principal, scope: ServiceScope, what: string) {
  if (principal.kind !== 'SERVICE') return;
  if (!effectiveScopes(principal.scopes).has(scope)) throw forbidden(`${what} needs the service scope ${scope}`);
}

/**
 * Writes by a service client need the scope that covers them; a write with no scope (the
 * catalogue, certificates, inspections, the hub's own administration) is for people only.
 */
export function assertServiceMayWrite(principal: Principal, scope: ServiceScope | undefined, what: string) {
  if (principal.kind !== 'SERVICE') return;
  if (!scope) throw forbidden(`${what} is not open to service clients`);
  assertServiceScope(principal, scope, what);
}

/**
 * The scope that lets a client read each record type an event can be about
 * (services/core/events/hub-event.ts): a webhook delivers an event only to a client that could
 * read its record through the graph (README, "Webhooks").
 */
export const RECORD_READ_SCOPES: Readonly<Record<string, ServiceScope>> = {
  Dossier: 'dossiers:read',
  Document: 'documents:read',
  Inspection: 'inspections:read',
  Finding: 'inspections:read',
};

/** True when scopes granted to a client let it read records of `recordType`; false for a type no scope names. */
export function scopesMayRead(granted: readonly string[], recordType: string): boolean {
  const needed = RECORD_READ_SCOPES[recordType];
  return needed !== undefined && effectiveScopes(granted).has(needed);
}
