import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { internalCallTimeoutMs } from './config';
import { internalKey } from './secrets';
import { signalFor, type Deadline } from './deadline';
import { ReplayGuard } from './principal';
import { sha256 } from './sha256';
import { forwardedRequestId } from './observability/http-scope';

/**
 * Server-to-server calls inside the hub that are not GraphQL (a subgraph appending to the audit
 * log, the gateway asking for a service client). The caller signs a short JWT with the internal
 * key, bound to the endpoint (audience) and to the exact body it sends, usable once; the
 * callee verifies all three. Nothing outside the hub holds the internal key.
 */
export const INTERNAL_CALL_HEADER = 'x-hub-internal-call';
const LIFETIME_SECONDS = 30;

const bodyHash = (body: string) => sha256(body, 'base64url');

export async function signInternalCall(caller: string, endpoint: string, body: string): Promise<string> {
  return new SignJWT({ bh: bodyHash(body) })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(randomUUID())
    .setIssuer(caller)
    .setAudience(`gov-hub-internal:${endpoint}`)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(internalKey());
}

/** The caller's name, or a thrown error for a missing, forged, re-targeted, altered or replayed call. */
export async function verifyInternalCall(token: string | undefined, endpoint: string, body: string, replays: ReplayGuard): Promise<string> {
  if (!token) throw new Error('internal call without its signature');
  const { payload } = await jwtVerify(token, internalKey(), { algorithms: ['HS256'], audience: `gov-hub-internal:${endpoint}` });
  if (payload.bh !== bodyHash(body)) throw new Error('internal call signed for another body');
  if (!payload.jti || !payload.exp || !(await replays.accept(payload.jti, payload.exp))) throw new Error('internal call used before');
  if (!payload.iss) throw new Error('internal call names no caller');
  return payload.iss;
}

/**
 * POSTs a JSON body to an internal endpoint of another hub process, signed; returns the parsed
 * answer. Waits until `deadline` (that of the request it serves), at most `internalCallTimeoutMs()`.
 */
export async function callInternal<T>(baseUrl: string, endpoint: string, caller: string, payload: unknown, deadline?: Deadline): Promise<T> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${baseUrl}/internal/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwardedRequestId(), [INTERNAL_CALL_HEADER]: await signInternalCall(caller, endpoint, body) },
    body,
    signal: signalFor(deadline, internalCallTimeoutMs(), `internal call ${endpoint}`),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new InternalCallFailed(response.status, answer.error ?? `internal call ${endpoint} answered ${response.status}`);
  return answer;
}

export class InternalCallFailed extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** `http://host:port/graphql` -> `http://host:port`: internal endpoints sit beside /graphql. */
export const serviceBase = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '');
