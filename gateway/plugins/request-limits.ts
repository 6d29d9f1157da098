import type { ErrorRequestHandler, RequestHandler } from 'express';
import { queryLimit } from '../../services/core/errors';
import { jsonBody, sendError } from '../../services/core/json-body';

export interface RequestLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Most operations in one batched HTTP request. */
  maxBatch: number;
}

/** Body parsing with a size limit, and a cap on operations per batch, answered as GraphQL errors. */
export function requestLimits(limits: RequestLimits): (RequestHandler | ErrorRequestHandler)[] {
  const tooLarge = (max: number) => queryLimit('bodySize', `The request body is larger than the limit of ${max} bytes`, { max }, { status: 413 });
  const batchLimit: RequestHandler = (request, response, next) => {
    if (Array.isArray(request.body) && request.body.length > limits.maxBatch) {
      return sendError(response, queryLimit('batch', `The batch holds ${request.body.length} operations; the limit is ${limits.maxBatch}`, {
        max: limits.maxBatch,
        found: request.body.length,
      }));
    }
    next();
  };
  return [...jsonBody(limits.maxBodyBytes, tooLarge), batchLimit];
}
