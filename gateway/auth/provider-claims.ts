import type { JWTPayload } from 'jose';
import { ROLES, type Role } from '../../services/core/principal';
import { TokenRejected } from './token-verifier';

/**
 * Where an outside identity provider puts the unit and the roles, and what its role names mean
 * to the hub (README, "Identity providers"). Paths are dotted (`realm_access.roles`,
 * `resource_access.gov-hub.roles`); several roles paths are read together.
 */
export interface ProviderClaimMapping {
  /** Dotted path of the claim holding the unit's official code (`HUB_IDP_UNIT_CLAIM`, default `unit`). */
  unitClaim: string;
  /** Dotted paths of the claims holding role names (`HUB_IDP_ROLES_CLAIM`, comma-separated, default `roles`). */
  rolesClaims: string[];
  /** Provider role name -> hub role (`HUB_IDP_ROLE_MAP`); absent: the hub's own names map to themselves. */
  roleMap: Record<string, Role>;
}

export const DEFAULT_CLAIM_MAPPING: ProviderClaimMapping = {
  unitClaim: 'unit',
  rolesClaims: ['roles'],
  roleMap: Object.fromEntries(ROLES.map((role) => [role, role])),
};

/**
 * Parses `HUB_IDP_ROLE_MAP`: `hub-admin=ADMIN,can-bo=OFFICER`. A provider role may map to one
 * hub role; a hub role may be named by several provider roles. Throws on a hub role that does not exist.
 */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim() as Role;
    if (at <= 0 || !ROLES.includes(role)) {
      throw new Error(`HUB_IDP_ROLE_MAP: "${entry}" must be providerRole=${ROLES.join('|')}`);
    }
    map[name] = role;
  }
  return map;
}

/** The value at a dotted path of the payload, or undefined. */
function valueAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A verified provider token -> the hub's own claims (`unit`, `roles`, `kind: USER`, no scopes).
 * Role names the map does not know are ignored; a token left with no hub role is refused
 * (HTTP 401), as is one with no unit. A provider's token is always a person's (rule 7: service
 * tokens come only from the hub's token endpoint).
 */
export function mapProviderClaims(payload: JWTPayload, mapping: ProviderClaimMapping): JWTPayload {
  let unit = valueAt(payload, mapping.unitClaim);
  // Keycloak's user-attribute mappers may emit a one-valued list.
  if (Array.isArray(unit) && unit.length === 1) unit = unit[0];
  if (typeof unit === 'number') unit = String(unit);
  if (typeof unit !== 'string' || unit === '') throw new TokenRejected(`The token names no unit in its "${mapping.unitClaim}" claim`);
  const names = mapping.rolesClaims.flatMap((path) => {
    const value = valueAt(payload, path);
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : typeof value === 'string' ? [value] : [];
  });
  const roles = [...new Set(names.flatMap((name) => (Object.hasOwn(mapping.roleMap, name) ? [mapping.roleMap[name]] : [])))];
  if (roles.length === 0) {
    throw new TokenRejected(
      `The token's roles (${mapping.rolesClaims.join(', ')}) hold none that map to a hub role (${ROLES.join(', ')}); ` +
        `the roles the hub knows are ${Object.keys(mapping.roleMap).join(', ')}`,
    );
  }
  const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
  return { ...payload, name, unit, roles, kind: 'USER', scopes: [] };
}
