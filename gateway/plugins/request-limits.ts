import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { badRequest, queryLimit } from '../../services/core/errors';
import { sendGraphQLError } from '../http-errors';

export interface RequestLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Most operations in one batched HTTP request. */
  maxBatch: number;
}

/** Body parsing with a size limit, and a cap on operations per batch, answered as GraphQL errors. */
export function requestLimits(limits: RequestLimits): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
    if (error?.type === 'entity.too.large') {
      return sendGraphQLError(response, queryLimit('bodySize', `The request body is larger than the limit of ${limits.maxBodyBytes} bytes`, { max: limits.maxBodyBytes }, { status: 413 }));
    }
    if (error?.type === 'entity.parse.failed') {
      return sendGraphQLError(response, badRequest('The request body is not valid JSON'));
    }
    next(error);
  };
  const batchLimit: RequestHandler = (request, response, next) => {
    if (Array.isArray(request.body) && request.body.length > limits.maxBatch) {
      return sendGraphQLError(response, queryLimit('batch', `The batch holds ${request.body.length} operations; the limit is ${limits.maxBatch}`, {
        max: limits.maxBatch,
        found: request.body.length,
      }));
    }
    next();
  };
  return [express.json({ limit: limits.maxBodyBytes }), bodyErrors, batchLimit];
}
