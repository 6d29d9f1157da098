import { SignJWT, jwtVerify } from 'jose';
import { internalSecret } from './config';

export const ROLES = ['VIEWER', 'OFFICER', 'INSPECTOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const PRINCIPAL_KINDS = ['USER', 'SERVICE'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/**
 * Who is asking, after the gateway verified the token and looked the unit up in the
 * institutions data. `unitPath` is the materialized path of the principal's unit
 * (for example `VN/91/905`); it never comes from a client claim.
 */
export interface Principal {
  subject: string;
  name: string;
  kind: PrincipalKind;
  roles: Role[];
  scopes: string[];
  unitCode: string;
  unitPath: string;
}

/** Header carrying the principal from the gateway to a subgraph, as a signed JWT. */
export const PRINCIPAL_HEADER = 'x-hub-principal';
const ISSUER = 'gov-hub-gateway';
const AUDIENCE = 'gov-hub-subgraphs';
/** Short-lived: one forwarded principal serves one gateway request. */
const LIFETIME_SECONDS = 60;

const key = () => new TextEncoder().encode(internalSecret());

export async function signPrincipal(principal: Principal): Promise<string> {
  return new SignJWT({
    name: principal.name,
    kind: principal.kind,
    roles: principal.roles,
    scopes: principal.scopes,
    unit: principal.unitCode,
    unitPath: principal.unitPath,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key());
}

/** Verifies a forwarded principal; throws on a bad signature, issuer, audience or expiry. */
export async function verifyPrincipal(token: string): Promise<Principal> {
  const { payload } = await jwtVerify(token, key(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
  const roles = (payload.roles as unknown[] | undefined) ?? [];
  if (!roles.every((role) => ROLES.includes(role as Role))) throw new Error('forwarded principal has an unknown role');
  if (typeof payload.unitPath !== 'string' || typeof payload.unit !== 'string' || !payload.sub) {
    throw new Error('forwarded principal lacks its unit');
  }
  return {
    subject: payload.sub,
    name: String(payload.name ?? payload.sub),
    kind: payload.kind === 'SERVICE' ? 'SERVICE' : 'USER',
    roles: roles as Role[],
    scopes: ((payload.scopes as unknown[] | undefined) ?? []).map(String),
    unitCode: payload.unit,
    unitPath: payload.unitPath,
  };
}
