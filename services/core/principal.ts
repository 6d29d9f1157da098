import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { internalKey } from './secrets';
import type { UnitPath } from './access/unit-path';
import { sha256 } from './sha256';
import { sharedState, type SharedState } from './shared-state';

export const ROLES = ['VIEWER', 'OFFICER', 'INSPECTOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const PRINCIPAL_KINDS = ['USER', 'SERVICE'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/**
 * Who is asking, after the gateway verified the token and looked the unit up in the
 * institutions data. `unitPath` is the materialized path of the principal's unit, in the
 * canonical form of core/access (`VN/91/905`); it never comes from a client claim.
 */
export interface Principal {
  subject: string;
  name: string;
  kind: PrincipalKind;
  roles: Role[];
  scopes: string[];
  unitCode: string;
  unitPath: UnitPath;
  /**
   * The paths its unit scope covers (docs/architecture.md, rule 13): its unit's and those of
   * every dissolved unit whose territory went into it, at any depth of lineage (for the merged
   * Quảng Ngãi: `VN/51@2025`, `VN/51`, `VN/62`). Resolved from the institutions data by the
   * gateway and signed with the principal; absent: its unit's path alone.
   */
  territory?: UnitPath[];
}

/** Header carrying the principal from the gateway to a subgraph, as a signed JWT. */
export const PRINCIPAL_HEADER = 'x-hub-principal';
const ISSUER = 'gov-hub-gateway';
const AUDIENCE = 'gov-hub-subgraphs';
/** Short-lived, single-use and bound to one query: a captured header is worth nothing. */
const LIFETIME_SECONDS = 60;


/** SHA-256 of the query text a forwarded principal is valid for. */
export const queryHash = (query: string) => sha256(query, 'base64url');

/**
 * Remembers the ids of the signed calls accepted (forwarded principals, internal calls, client
 * assertions), until they expire, so none is accepted twice: by any replica when the shared
 * state is in Redis (`core/shared-state`). `kind` keeps the families of ids apart.
 */
export class ReplayGuard {
  constructor(
    private readonly kind: string,
    private readonly state: SharedState = sharedState(),
  ) {}

  /** False when this id was used before; throws `StateUnavailable` when the shared state is down (refuse). */
  accept(id: string, expiresAtSeconds: number): Promise<boolean> {
    return this.state.claimOnce(`${this.kind}:${id}`, expiresAtSeconds);
  }
}

/** The client's operation a subgraph request serves, for the audit log: its name and SHA-256 (hex). */
export interface ClientOperation {
  name: string | null;
  hash: string;
}

export const operationHash = (query: string) => sha256(query);

/** Signs the principal for one subgraph request: bound to its query, used once. */
export async function signPrincipal(principal: Principal, query: string, operation?: ClientOperation): Promise<string> {
  return new SignJWT({
    ...(operation ? { op: operation.name, oh: operation.hash } : {}),
    name: principal.name,
    kind: principal.kind,
    roles: principal.roles,
    scopes: principal.scopes,
    unit: principal.unitCode,
    unitPath: principal.unitPath,
    ...(principal.territory ? { territory: principal.territory } : {}),
    qh: queryHash(query),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(randomUUID())
    .setSubject(principal.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(internalKey());
}

/**
 * Verifies a forwarded principal; throws on a bad signature, issuer, audience or expiry, on a
 * query other than the one it was signed for, and on a second use.
 */
export async function verifyPrincipal(token: string, query: string, replays: ReplayGuard): Promise<Principal> {
  return (await verifyForwarded(token, query, replays)).principal;
}

/** The forwarded principal with the client operation it was signed for, if the gateway named one. */
export async function verifyForwarded(
  token: string,
  query: string,
  replays: ReplayGuard,
): Promise<{ principal: Principal; operation?: ClientOperation }> {
  const { payload } = await jwtVerify(token, internalKey(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
  if (payload.qh !== queryHash(query)) throw new Error('forwarded principal was signed for another query');
  if (!payload.jti || !payload.exp || !(await replays.accept(payload.jti, payload.exp))) throw new Error('forwarded principal was used before');
  const roles = (payload.roles as unknown[] | undefined) ?? [];
  if (!roles.every((role) => ROLES.includes(role as Role))) throw new Error('forwarded principal has an unknown role');
  if (typeof payload.unitPath !== 'string' || typeof payload.unit !== 'string' || !payload.sub) {
    throw new Error('forwarded principal lacks its unit');
  }
  const territory = payload.territory;
  if (territory !== undefined && !(Array.isArray(territory) && territory.every((path) => typeof path === 'string'))) {
    throw new Error('forwarded principal has a malformed territory');
  }
  const principal: Principal = {
    ...(territory ? { territory: territory as string[] } : {}),
    subject: payload.sub,
    name: String(payload.name ?? payload.sub),
    kind: payload.kind === 'SERVICE' ? 'SERVICE' : 'USER',
    roles: roles as Role[],
    scopes: ((payload.scopes as unknown[] | undefined) ?? []).map(String),
    unitCode: payload.unit,
    unitPath: payload.unitPath,
  };
  const operation = typeof payload.oh === 'string' ? { name: typeof payload.op === 'string' ? payload.op : null, hash: payload.oh } : undefined;
  return { principal, operation };
}
