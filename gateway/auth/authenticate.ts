import type { IncomingHttpHeaders } from 'node:http';
import { serviceUnavailable, unauthenticated as unauthenticatedError } from '../../services/core/errors';
import { PRINCIPAL_KINDS, ROLES, type Principal, type PrincipalKind, type Role } from '../../services/core/principal';
import { TokenRejected } from './token-verifier';
import type { UnitLookups } from '../../services/core/institutions/unit-directory';
import type { JWTPayload } from 'jose';
import type { ClientRecord } from '../../services/core/service-client-record';
import { effectiveScopes } from '../../services/core/access/service-scopes';
import { treeDay, vietnamDayOf } from '../../services/core/time';
import { unitCodeOf } from '../../services/core/access/unit-path';
import type { ClientDirectory } from '../oauth/client-directory';
import { CLIENT_TOKEN_ISSUER } from '../oauth/client-tokens';

/** A bad token ends the request at the door: HTTP 401. */
const unauthenticated = (message: string) => unauthenticatedError(message, { status: 401 });

/** Reads the hub's token claims (`sub`, `name`, `unit`, `roles`, `kind`, `scopes`), strictly. */
function claimsOf(payload: JWTPayload) {
  if (!payload.sub) throw unauthenticated('The token has no subject (sub)');
  if (typeof payload.unit !== 'string' || payload.unit === '') throw unauthenticated('The token names no unit');
  const roles = payload.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => ROLES.includes(role as Role))) {
    throw unauthenticated(`The token's roles must be a non-empty subset of ${ROLES.join(', ')}`);
  }
  const kind = (payload.kind ?? 'USER') as PrincipalKind;
  if (!PRINCIPAL_KINDS.includes(kind)) throw unauthenticated(`The token's kind must be USER or SERVICE`);
  const scopes = payload.scopes ?? [];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    throw unauthenticated('The token\'s scopes must be a list of strings');
  }
  return {
    subject: payload.sub,
    name: typeof payload.name === 'string' ? payload.name : payload.sub,
    unitCode: payload.unit,
    roles: [...new Set(roles as Role[])],
    kind,
    scopes: scopes as string[],
  };
}

export interface Authenticated {
  principal?: Principal;
  /** The registered client behind a SERVICE principal: its safelist governs what it may run. */
  client?: ClientRecord;
}

const unavailable = (what: string) => serviceUnavailable(`${what} is unavailable; try again shortly`);

/**
 * A SERVICE principal exists only through the client-credentials grant, and only while its
 * client is active (looked up through a short cache, so revocation reaches live tokens).
 */
async function activeClientOf(payload: JWTPayload, scopes: string[], clients: ClientDirectory): Promise<{ client: ClientRecord; scopes: string[] }> {
  if (payload.iss !== CLIENT_TOKEN_ISSUER) throw unauthenticated('Service clients get their tokens from POST /oauth/token');
  const client = await clients.current(payload.sub!).catch(() => {
    throw unavailable('The client registry');
  });
  if (!client) throw unauthenticated(`Client ${payload.sub} is not registered`);
  if (client.status !== 'ACTIVE') throw unauthenticated(`Client ${payload.sub} is revoked`);
  const granted = effectiveScopes(client.scopes);
  return { client, scopes: scopes.filter((scope) => granted.has(scope as never)) };
}

/**
 * Bearer token -> Principal, or none for a request without one (public data only).
 * A token that is present but bad is refused here, before any query planning.
 */
export async function authenticate(
  headers: IncomingHttpHeaders,
  verify: (token: string) => Promise<JWTPayload>,
  units: UnitLookups,
  clients: ClientDirectory,
): Promise<Authenticated> {
  const header = headers.authorization;
  if (header === undefined || header === '') return {};
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  let payload: JWTPayload;
  try {
    payload = await verify(match[1]);
  } catch (error) {
    if (error instanceof TokenRejected) throw unauthenticated(error.message);
    throw error;
  }
  const claims = claimsOf(payload);
  if (payload.iss === CLIENT_TOKEN_ISSUER && claims.kind !== 'SERVICE') throw unauthenticated('A client token must be of kind SERVICE');
  const service = claims.kind === 'SERVICE' ? await activeClientOf(payload, claims.scopes, clients) : undefined;
  // A person's token names a unit code: the unit holding it today. A client acts for the very
  // unit it was registered with (its stored path), even when that unit's code now names another.
  const lookup = service ? units.findById(unitCodeOf(service.client.unitPath)) : units.find(claims.unitCode);
  const unit = await lookup.catch(() => {
    throw unavailable('The unit directory');
  });
  if (!unit) throw unauthenticated(`The token's unit "${claims.unitCode}" does not exist`);
  // validTo is the unit's last day in Vietnam: its tokens hold until 24:00 of that day at UTC+7 (rule 13).
  if (unit.validTo && unit.validTo < treeDay()) {
    const successors = unit.successors.map((successor) => `${successor.code} (${successor.name})`).join(', ');
    throw unauthenticated(
      `The token's unit "${claims.unitCode}" (${unit.name}) ceased to exist after ${unit.validTo}${successors ? `; its territory went into ${successors}` : ''}`,
    );
  }
  // A token issued before its unit came into force named the code's previous holder (a code can
  // name two units in turn: 91 was Kiên Giang, then the merged An Giang): it names no unit now.
  if (unit.validFrom && typeof payload.iat === 'number' && vietnamDayOf(payload.iat * 1000) < unit.validFrom) {
    throw unauthenticated(`The token was issued before unit "${claims.unitCode}" (${unit.name}) came into force on ${unit.validFrom}: sign in again`);
  }
  return {
    principal: { ...claims, scopes: service?.scopes ?? claims.scopes, unitPath: unit.path, territory: unit.territory },
    client: service?.client,
  };
}
