import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ClientRecord } from '../../services/core/service-client-record';
import { serviceRoles } from '../../services/core/access/service-scopes';

/** Issuer of the tokens the gateway's token endpoint hands out to service clients. */
export const CLIENT_TOKEN_ISSUER = 'gov-hub-oauth';

export interface ClientTokenConfig {
  issuer: string;
  key: Uint8Array;
  /** Lifetime of an access token; short, so rotation and revocation need no token list. */
  lifetimeSeconds: number;
}

/** An access token for a client: a SERVICE principal of its unit with (a subset of) its scopes. */
export async function mintClientToken(config: ClientTokenConfig, audience: string, client: ClientRecord, scopes: string[]): Promise<string> {
  return new SignJWT({ name: client.name, unit: client.unitCode, kind: 'SERVICE', roles: serviceRoles(scopes), scopes, client_id: client.id })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setJti(randomUUID())
    .setSubject(client.id)
    .setIssuer(config.issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${config.lifetimeSeconds}s`)
    .sign(config.key);
}
