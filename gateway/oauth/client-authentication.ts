import { timingSafeEqual } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { ReplayGuard } from '../../services/core/principal';
import { StateUnavailable } from '../../services/core/shared-state';
import type { ClientRecord } from '../../services/core/service-client-record';
import { sha256 } from '../../services/core/sha256';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_ASSERTION_SECONDS = 300;

/** An OAuth error of RFC 6749 §5.2. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type' | 'unauthorized_client',
    message: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
  ) {
    super(message);
  }
}

export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

const assertionReplays = () => new ReplayGuard('client-assertion');

/**
 * private_key_jwt (RFC 7523 §3): a JWT the client signed with its private key, naming itself as
 * issuer and subject and the token endpoint as audience, short-lived and used once.
 */
export async function verifyClientAssertion(assertion: string, client: ClientRecord, audiences: string[]): Promise<void> {
  if (!client.publicKeyPem) throw new OAuthError('invalid_client', 'This client authenticates with its secret, not with an assertion');
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(assertion).alg;
  } catch {
    throw new OAuthError('invalid_client', 'client_assertion is not a JWT');
  }
  if (algorithm !== 'RS256' && algorithm !== 'ES256') throw new OAuthError('invalid_client', 'client_assertion must be signed with RS256 or ES256');
  try {
    const key = await importSPKI(client.publicKeyPem, algorithm);
    const { payload } = await jwtVerify(assertion, key, { algorithms: [algorithm], issuer: client.id, subject: client.id, audience: audiences });
    if (!payload.exp || !payload.jti) throw new Error('the assertion needs exp and jti');
    if (payload.exp - Date.now() / 1000 > MAX_ASSERTION_SECONDS) throw new Error(`the assertion may live ${MAX_ASSERTION_SECONDS} s at most`);
    if (!(await assertionReplays().accept(`${client.id}:${payload.jti}`, payload.exp))) throw new Error('the assertion was used before');
  } catch (error) {
    // A replay guard that cannot answer is not the client's fault: the token endpoint answers 503.
    if (error instanceof OAuthError || error instanceof StateUnavailable) throw error;
    throw new OAuthError('invalid_client', `client_assertion rejected: ${(error as Error).message}`);
  }
}
