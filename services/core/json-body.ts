import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import { isProduction } from './config';
import { badRequest, responseOf } from './errors';
import { inRequestScope, noteRefusal } from './observability/http-scope';
import { logger } from './observability/logger';

/** Answers an error as a GraphQL response, `{ errors: [{ message, extensions }] }`, with its HTTP status. */
export function sendError(response: express.Response, error: GraphQLError) {
  const { status, headers, body } = responseOf(error);
  noteRefusal(body.extensions?.code);
  for (const [name, value] of headers ?? []) response.set(name, value);
  response.status(status).json({ errors: [body] });
}

/**
 * What body-parser refuses, as a coded error instead of Express's HTML page with a stack:
 * an unsupported charset or Content-Encoding is HTTP 415, a body that does not decode or
 * parse 400, each `BAD_REQUEST`; a body over the limit answers `tooLarge(limit)`.
 */
function bodyRefusal(error: { type?: string; status?: number; charset?: string; encoding?: string }, limit: number, tooLarge: (limit: number) => GraphQLError) {
  switch (error.type) {
    case 'entity.too.large':
      return tooLarge(limit);
    case 'entity.parse.failed':
      return badRequest('The request body is not valid JSON');
    case 'charset.unsupported':
      return badRequest(`The request body's charset "${error.charset ?? ''}" is not supported: send UTF-8`, { status: 415 });
    case 'encoding.unsupported':
      return badRequest(`The Content-Encoding "${error.encoding ?? ''}" is not supported: send identity, gzip or deflate`, { status: 415 });
    default:
      return error.status && error.status >= 400 && error.status < 500 ? badRequest('The request body could not be read', { status: error.status }) : undefined;
  }
}

/** A JSON body of at most `limit` bytes; whatever body-parser refuses is answered as a coded error. */
export function jsonBody(limit: number, tooLarge: (limit: number) => GraphQLError): (RequestHandler | ErrorRequestHandler)[] {
  const refused: ErrorRequestHandler = (error, _request, response, next) => {
    const answer = bodyRefusal(error ?? {}, limit, tooLarge);
    return answer ? sendError(response, answer) : next(error);
  };
  return [inRequestScope(express.json({ limit })), refused];
}

/**
 * The last Express step: a request error no other step answered (a form body of the token
 * endpoint that does not decode) is `BAD_REQUEST` with its 4xx status; anything else is
 * INTERNAL_SERVER_ERROR (HTTP 500). Both as JSON, never Express's HTML page with file paths;
 * the stack goes to the process's log only (one JSON line, `err.stack`).
 */
export const unexpectedErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  const refusal = bodyRefusal(error ?? {}, 0, () => badRequest('The request body is too large', { status: 413 }));
  if (refusal && !response.headersSent) return sendError(response, refusal);
  // With its stack, in production too, where the client sees only "Internal server error".
  logger().error({ err: error }, 'unexpected error');
  if (response.headersSent) return response.end();
  const message = isProduction() ? 'Internal server error' : 'Internal server error (see the log)';
  response.status(500).json({ errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
};
