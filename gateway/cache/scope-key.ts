import type { Principal } from '../../services/core/principal';

/**
 * Everything a subgraph's answer may depend on about who asks (docs/architecture.md, rules 1,
 * 3, 7, 13): two requests share an answer only when these are equal. Anonymous requests share
 * `anonymous`; a principal shares only with the very same identity: subject, kind, unit and
 * its path, roles, service scopes and territory (order does not matter, the sets do).
 */
export function principalScopeKey(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  return JSON.stringify([
    principal.subject,
    principal.kind,
    principal.unitCode,
    principal.unitPath,
    [...principal.roles].sort(),
    [...principal.scopes].sort(),
    [...(principal.territory ?? [principal.unitPath])].sort(),
  ]);
}
