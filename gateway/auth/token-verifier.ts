import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import type { GatewayConfig } from '../config';

export class TokenRejected extends Error {}

type Verify = (token: string) => Promise<JWTPayload>;

/**
 * Verifies bearer tokens: the hub's own (HS256: development tokens, and the service clients'
 * tokens from POST /oauth/token, each issuer with its own key) and an outside identity
 * provider's (RS256/ES256, PEM key or JWKS). The algorithm in the header only
 * picks which verifier runs; each verifier pins its own algorithms, so `alg: none` or an
 * HS256 token signed with a provider's public key never passes. Issuer, audience, expiry and
 * not-before are checked by jose.
 */
export function createTokenVerifier(config: Pick<GatewayConfig, 'audience' | 'devTokens' | 'identityProvider' | 'clientTokens'>): Verify {
  const verifiers = new Map<string, Verify>();
  // The hub's own HS256 issuers; the (unverified) issuer claim only picks the key to verify with.
  const hubKeys = new Map<string, Uint8Array>();
  if (config.devTokens) hubKeys.set(config.devTokens.issuer, new TextEncoder().encode(config.devTokens.secret));
  hubKeys.set(config.clientTokens.issuer, config.clientTokens.key);
  verifiers.set('HS256', async (token) => {
    const issuer = decodeJwt(token).iss;
    const key = issuer ? hubKeys.get(issuer) : undefined;
    if (!key) throw new Error(`HS256 tokens are accepted from ${[...hubKeys.keys()].join(' and ')} only`);
    return (await jwtVerify(token, key, { algorithms: ['HS256'], issuer, audience: config.audience })).payload;
  });
  const provider = config.identityProvider;
  if (provider) {
    const remote = provider.jwksUrl ? createRemoteJWKSet(new URL(provider.jwksUrl)) : undefined;
    const keys = new Map<string, Promise<KeyLike>>();
    for (const algorithm of provider.algorithms) {
      verifiers.set(algorithm, async (token) => {
        const options = { algorithms: [algorithm], issuer: provider.issuer, audience: config.audience };
        if (remote) return (await jwtVerify(token, remote, options)).payload;
        if (!keys.has(algorithm)) keys.set(algorithm, importSPKI(provider.publicKeyPem!, algorithm));
        return (await jwtVerify(token, await keys.get(algorithm)!, options)).payload;
      });
    }
  }
  return async (token) => {
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
      throw new TokenRejected(`The bearer token was rejected: ${(error as Error).message}`);
    }
  };
}
