import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Compact JWS with HS256 (RFC 7515/7519) for the hub's own per-request tokens (forwarded
 * principals): signed and verified by node:crypto's HMAC with a key object made once per
 * secret. `jose` did the same with several times the CPU per token (a key object and a
 * TextEncoder per call, generic header and claim handling), paid on every subgraph call at the
 * gateway and at the subgraph (bench `verify-document`, CPU profiles). Only what these tokens
 * use is accepted: the header `{"alg":"HS256"}` exactly, `iss`, `aud` and `exp` checked, `nbf`
 * and `iat` checked when present, as `jwtVerify` with `algorithms: ['HS256']` does.
 */

/** The one protected header these tokens carry, encoded once. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

let cached: { secret: string; key: KeyObject } | undefined;
const keyFor = (secret: string): KeyObject => {
  if (cached?.secret !== secret) cached = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return cached.key;
};

const mac = (input: string, secret: string) => createHmac('sha256', keyFor(secret)).update(input).digest();

/** Claims of a token: the registered ones read here, and whatever else the caller put in. */
export interface Hs256Claims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** Signs `claims` (JSON) with `secret` (UTF-8 bytes, as jose's `new TextEncoder().encode(secret)`). */
export function signHs256(claims: Hs256Claims, secret: string): string {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}`;
  return `${input}.${mac(input, secret).toString('base64url')}`;
}

/** Why a token was refused (the message never holds the token). */
export class Hs256Refused extends Error {}

/**
 * The claims of a token signed with `secret` for `issuer` and `audience` that has not expired;
 * throws `Hs256Refused` on a malformed token, another header, a bad signature, another issuer or
 * audience, an expiry passed (or missing), a `nbf` to come. Times in seconds, no tolerance.
 */
export function verifyHs256(token: string, secret: string, expected: { issuer: string; audience: string }, nowSeconds = Math.floor(Date.now() / 1000)): Hs256Claims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Hs256Refused('not a compact JWS');
  const [header, body, signature] = parts;
  if (header !== HEADER) throw new Hs256Refused('unexpected protected header');
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(`${header}.${body}`, secret);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw new Hs256Refused('signature verification failed');
  let claims: Hs256Claims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Hs256Claims;
  } catch {
    throw new Hs256Refused('the claims are not JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Hs256Refused('the claims are not an object');
  if (claims.iss !== expected.issuer) throw new Hs256Refused('unexpected "iss" claim value');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) throw new Hs256Refused('unexpected "aud" claim value');
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) throw new Hs256Refused('"exp" claim timestamp check failed');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) throw new Hs256Refused('"nbf" claim timestamp check failed');
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw new Hs256Refused('"iat" claim must be a number');
  return claims;
}
