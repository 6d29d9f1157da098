import cors from 'cors';
import type { RequestHandler } from 'express';
import { env } from '../services/core/config';

/**
 * Cross-origin calls to `/graphql` from the front ends in `HUB_CORS_ORIGINS` (comma-separated
 * exact origins, `scheme://host[:port]`; none by default). Their preflight (`OPTIONS`) answers
 * 204 with the Access-Control-Allow-* headers; any other origin gets no Access-Control-* header
 * at all, so browsers keep it out. Tokens travel in the Authorization header, never cookies:
 * credentials are not allowed. Apollo's CSRF prevention stays on for every request (a simple
 * request, one a browser sends without a preflight, is still refused), so CORS only widens who
 * may read answers, never what may be sent without a preflight.
 */

/** Request headers a front end may send: the ones the gateway reads, plus W3C trace context. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name', 'Idempotency-Key', 'traceparent', 'tracestate'];
/** How long a browser may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/** `HUB_CORS_ORIGINS` as a list; throws naming the entry that is not an exact origin (`*`, a path, a trailing slash). */
export function corsOriginsFromEnv(raw = env('HUB_CORS_ORIGINS')): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let origin: string | undefined;
      try {
        origin = new URL(entry).origin;
      } catch {
        origin = undefined;
      }
      if (origin !== entry || !/^https?:$/.test(new URL(entry).protocol)) {
        throw new Error(`HUB_CORS_ORIGINS: "${entry}" is not an exact origin (http(s)://host[:port], no path, no wildcard)`);
      }
      return origin;
    });
}

/**
 * An `OPTIONS` request the CORS step did not answer (no origin, or one not allowed): 204 with
 * the methods, and no Access-Control-* header, rather than a GraphQL error from further on.
 */
const otherOptions: RequestHandler = (request, response, next) => {
  if (request.method !== 'OPTIONS') return next();
  response.set('Allow', 'GET, POST, OPTIONS').status(204).end();
};

/** The CORS steps of `/graphql` for `origins` (with none, only the plain `OPTIONS` answer). */
export function corsMiddleware(origins: string[]): RequestHandler[] {
  if (origins.length === 0) return [otherOptions];
  const allowed = new Set(origins);
  const allowedOrigins = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE,
    optionsSuccessStatus: 204,
  });
  return [allowedOrigins, otherOptions];
}
