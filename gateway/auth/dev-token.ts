import { SignJWT } from 'jose';
import { env } from '../../services/core/config';
import { devJwtSecret } from '../../services/core/secrets';
import { ROLES, type Role } from '../../services/core/principal';
import { DEFAULT_AUDIENCE, DEV_TOKEN_ISSUER } from '../config';

export interface DevTokenOptions {
  unit: string;
  roles: Role[];
  subject?: string;
  name?: string;
  kind?: 'USER' | 'SERVICE';
  scopes?: string[];
  /** Lifetime, for example "8h" or "15m". */
  expiresIn?: string;
}

/** A development token, signed with the hub's development secret (HS256). */
export async function mintDevToken(options: DevTokenOptions): Promise<string> {
  const secret = devJwtSecret();
  if (!secret) throw new Error('Development tokens are off: set HUB_DEV_JWT_SECRET');
  const unknown = options.roles.filter((role) => !ROLES.includes(role));
  if (unknown.length) throw new Error(`Unknown role(s) ${unknown.join(', ')}: use ${ROLES.join(', ')}`);
  const subject = options.subject ?? `dev-${options.unit}-${options.roles.join('-').toLowerCase()}`;
  return new SignJWT({
    name: options.name ?? `Development ${options.roles.join('/')} of unit ${options.unit}`,
    unit: options.unit,
    roles: options.roles,
    kind: options.kind ?? 'USER',
    scopes: options.scopes ?? [],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(DEV_TOKEN_ISSUER)
    .setAudience(env('HUB_JWT_AUDIENCE') ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
