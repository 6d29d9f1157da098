import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { limitError } from './limit-error';

export interface RequestLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Most operations in one batched HTTP request. */
  maxBatch: number;
}

const send = (response: express.Response, status: number, error: { message: string; extensions?: Record<string, unknown> }) =>
  response.status(status).json({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }] });

/** Body parsing with a size limit, and a cap on operations per batch, answered as GraphQL errors. */
export function requestLimits(limits: RequestLimits): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
    if (error?.type === 'entity.too.large') {
      return send(response, 413, limitError('bodySize', `The request body is larger than the limit of ${limits.maxBodyBytes} bytes`, { max: limits.maxBodyBytes }));
    }
    if (error?.type === 'entity.parse.failed') {
      return send(response, 400, { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    }
    next(error);
  };
  const batchLimit: RequestHandler = (request, response, next) => {
    if (Array.isArray(request.body) && request.body.length > limits.maxBatch) {
      return send(response, 400, limitError('batch', `The batch holds ${request.body.length} operations; the limit is ${limits.maxBatch}`, {
        max: limits.maxBatch,
        found: request.body.length,
      }));
    }
    next();
  };
  return [express.json({ limit: limits.maxBodyBytes }), bodyErrors, batchLimit];
}
