import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, importSPKI, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { serviceUnavailable } from '../../services/core/errors';
import type { GatewayConfig } from '../config';
import { DEFAULT_CLAIM_MAPPING, mapProviderClaims } from './provider-claims';

export class TokenRejected extends Error {}

/** The provider's key set could not be fetched: the hub's fault or the provider's, not the caller's (HTTP 503). */
class KeySetUnavailable extends Error {}

/** Errors of the key lookup that are about the token (its `kid`, its algorithm), not about reaching the key set. */
const TOKEN_KEY_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported, errors.JOSEAlgNotAllowed];

/**
 * A JWKS key getter whose failures to reach the provider are told apart from a bad token: a
 * refused connection, a timeout, a non-200 answer or a malformed set is KeySetUnavailable.
 */
function remoteKeySet(url: string) {
  const remote = createRemoteJWKSet(new URL(url));
  return async (...args: Parameters<typeof remote>) => {
    try {
      return await remote(...args);
    } catch (error) {
      if (TOKEN_KEY_ERRORS.some((kind) => error instanceof kind)) throw error;
      throw new KeySetUnavailable();
    }
  };
}

/**
 * The provider's token is meant for the hub when its `aud` names the hub's audience, or, as
 * Keycloak issues access tokens without an audience mapper, when its `azp` (the client it was
 * issued to) is the hub's audience.
 */
function checkProviderAudience(payload: JWTPayload, audience: string) {
  const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
  if (!audiences.includes(audience) && payload.azp !== audience) {
    throw new TokenRejected(`The bearer token was rejected: its "aud" (or "azp") claim does not name ${audience}`);
  }
}

type Verify = (token: string) => Promise<JWTPayload>;

/**
 * Verifies bearer tokens: the hub's own (HS256: development tokens, and the service clients'
 * tokens from POST /oauth/token, each issuer with its own key) and an outside identity
 * provider's (RS256/ES256, PEM key or JWKS). The algorithm in the header only
 * picks which verifier runs; each verifier pins its own algorithms, so `alg: none` or an
 * HS256 token signed with a provider's public key never passes. Issuer, audience, expiry and
 * not-before are checked by jose (a provider's audience may be its `azp`); a provider's claims
 * are mapped to the hub's (provider-claims.ts). A JWKS that cannot be fetched is HTTP 503
 * `SERVICE_UNAVAILABLE`, never 401: the token may be good.
 */
export function createTokenVerifier(config: Pick<GatewayConfig, 'audience' | 'devTokens' | 'identityProvider' | 'clientTokens'>): Verify {
  const verifiers = new Map<string, Verify>();
  // The hub's own HS256 issuers; the (unverified) issuer claim only picks the key to verify with.
  // Key objects made once: jose would import raw bytes again for every request's token.
  const hubKeys = new Map<string, KeyObject>();
  if (config.devTokens) hubKeys.set(config.devTokens.issuer, createSecretKey(Buffer.from(config.devTokens.secret, 'utf8')));
  hubKeys.set(config.clientTokens.issuer, createSecretKey(config.clientTokens.key));
  verifiers.set('HS256', async (token) => {
    const issuer = decodeJwt(token).iss;
    const key = issuer ? hubKeys.get(issuer) : undefined;
    if (!key) throw new Error(`HS256 tokens are accepted from ${[...hubKeys.keys()].join(' and ')} only`);
    return (await jwtVerify(token, key, { algorithms: ['HS256'], issuer, audience: config.audience })).payload;
  });
  const provider = config.identityProvider;
  if (provider) {
    const remote = provider.jwksUrl ? remoteKeySet(provider.jwksUrl) : undefined;
    const keys = new Map<string, Promise<KeyLike>>();
    const mapping = provider.claims ?? DEFAULT_CLAIM_MAPPING;
    for (const algorithm of provider.algorithms) {
      verifiers.set(algorithm, async (token) => {
        const options = { algorithms: [algorithm], issuer: provider.issuer };
        let payload: JWTPayload;
        if (remote) payload = (await jwtVerify(token, remote, options)).payload;
        else {
          if (!keys.has(algorithm)) keys.set(algorithm, importSPKI(provider.publicKeyPem!, algorithm));
          payload = (await jwtVerify(token, await keys.get(algorithm)!, options)).payload;
        }
        checkProviderAudience(payload, config.audience);
        return mapProviderClaims(payload, mapping);
      });
    }
  }
  const verified = new VerifiedTokens();
  return async (token) => {
    const kept = verified.get(token);
    if (kept) return kept;
    const payload = await verifyOnce(token);
    verified.keep(token, payload);
    return payload;
  };

  async function verifyOnce(token: string): Promise<JWTPayload> {
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new TokenRejected('The bearer token is not a JWT');
    }
    const verify = algorithm ? verifiers.get(algorithm) : undefined;
    if (!verify) throw new TokenRejected(`Tokens signed with "${algorithm ?? 'none'}" are not accepted`);
    try {
      return await verify(token);
    } catch (error) {
      if (error instanceof KeySetUnavailable) throw serviceUnavailable("The identity provider's signing keys (JWKS) are unavailable; try again shortly");
      if (error instanceof TokenRejected) throw error;
      throw new TokenRejected(`The bearer token was rejected: ${(error as Error).message}`);
    }
  }
}

/** How many verified tokens are kept, and for how long at most (seconds). */
const KEPT_TOKENS = 10_000;
const KEPT_SECONDS = 60;

/**
 * Tokens that passed verification, by their whole text (signature included), each kept until
 * its `exp` or for KEPT_SECONDS, whichever comes first: a client sends the same token with every
 * request for its lifetime, and verifying it again (decoding, HMAC or RSA, claims) was about 5%
 * of the gateway's CPU a request (bench verify-document, Node 24 profile). Envoy's JWT filter
 * keeps verified tokens the same way (`jwt_cache_config`). A token that differs in any byte is
 * verified afresh; an expired one is verified afresh and refused. What verification does not
 * decide is still checked on every request (authenticate.ts: the unit, a service client's
 * status). KEPT_SECONDS bounds how long a key removed from a provider's JWKS is still honoured
 * for a token already seen (jose keeps a fetched JWKS for 10 minutes in any case).
 */
class VerifiedTokens {
  private readonly tokens = new LRUCache<string, JWTPayload>({ max: KEPT_TOKENS });

  get(token: string): JWTPayload | undefined {
    return this.tokens.get(token);
  }

  keep(token: string, payload: JWTPayload) {
    const now = Date.now();
    const ttl = Math.min(KEPT_SECONDS * 1000, typeof payload.exp === 'number' ? payload.exp * 1000 - now : Infinity);
    if (ttl > 0) this.tokens.set(token, Object.freeze(payload), { ttl });
  }
}
