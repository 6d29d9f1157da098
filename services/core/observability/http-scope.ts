import { randomUUID } from 'node:crypto';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, RequestHandler } from 'express';
import { logger } from './logger';
import { codeLabel, graphqlErrors, graphqlRequests, operationLabel } from './metrics';
import { requestScope, withRequestScope, type RequestScope } from './request-scope';
import { ensureTracing, tracer } from './tracing';

/** The request id header: taken from the caller when well-formed, always answered, passed to subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's request id is kept when it is 1 to 128 letters, digits, `.`, `_`, `:` or `-` (a UUID, a proxy's id). */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Polled by orchestrators and scrapers: their lines are `debug`, not one `info` line every few seconds. */
const POLLED = new Set(['/health', '/live', '/ready', '/metrics']);

/** The request id to send with a call made while serving a request, so the called process logs the same id. */
export function forwardedRequestId(): Record<string, string> {
  const scope = requestScope();
  return scope ? { [REQUEST_ID_HEADER]: scope.requestId } : {};
}

/**
 * Notes the code of an error answered outside Apollo (a refusal by a gateway step: 401, 429,
 * the safelist, a body that does not parse) for the request's log line and metrics.
 */
export function noteRefusal(code: unknown) {
  requestScope()?.codes.push(codeLabel(code));
}

/**
 * A step that reads the request body (a body parser) calls `next` from the request stream's
 * events, outside the request's scope: the steps after it run in the scope again.
 */
export function inRequestScope(handler: RequestHandler): RequestHandler {
  return (request, response, next) => {
    const active = context.active();
    handler(request, response, ((error?: unknown) => context.with(active, () => next(error))) as NextFunction);
  };
}

/**
 * The first Express step of every hub process (gateway and subgraphs). For each request it
 *  - takes the caller's `x-request-id` when well-formed, else makes one, and answers it;
 *  - opens the server span, continuing the caller's W3C `traceparent`;
 *  - carries both (the request scope) to everything the request runs, so each log line has them;
 *  - writes one log line when the answer is sent: method, path (never the query string, where a
 *    GET request carries its variables), operation names, status, duration in ms and outcome
 *    (`ok`, or the first error code); never a header, a variable or a body;
 *  - counts a GraphQL request refused before Apollo (its codes) in the request metrics.
 */
export function observeRequests(service: string): RequestHandler {
  ensureTracing(service);
  return (request, response, next) => {
    const started = performance.now();
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const scope: RequestScope = { service, requestId, operations: [], codes: [], executed: 0 };
    const path = request.path;
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer().startSpan(
      `${service} ${request.method} ${path}`,
      { kind: SpanKind.SERVER, attributes: { 'hub.service': service, 'http.request.method': request.method, 'url.path': path, 'hub.request_id': requestId } },
      parent,
    );
    const active = withRequestScope(trace.setSpan(parent, span), scope);
    // The steps after a body parser continue from the request stream's events: each body
    // parser is wrapped in `inRequestScope`, rather than the request and the response bound
    // with context.bind (it patched eight methods of each, per request: about 50 µs of the
    // gateway's CPU a request in the peers' bench profile).
    response.once('close', () => {
      const status = response.statusCode;
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      if (path === '/graphql' && scope.executed === 0 && scope.codes.length > 0) {
        const name = (request.body as { operationName?: unknown } | undefined)?.operationName;
        graphqlRequests.inc({ service, operation: operationLabel(typeof name === 'string' ? name : null), outcome: 'error' });
        for (const code of scope.codes) graphqlErrors.inc({ service, code });
      }
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const line = {
        method: request.method,
        path,
        ...(scope.operations.length ? { operation: scope.operations.join(',') } : {}),
        status,
        durationMs,
        outcome: scope.codes[0] ?? (status >= 400 ? `HTTP_${status}` : 'ok'),
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      context.with(active, () => {
        if (POLLED.has(path) && status < 400) logger().debug(line, 'request');
        else if (status >= 500) logger().warn(line, 'request');
        else logger().info(line, 'request');
      });
    });
    context.with(active, next);
  };
}
