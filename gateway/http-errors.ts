import type express from 'express';
import type { GraphQLError } from 'graphql';
import { responseOf } from '../services/core/errors';

/**
 * A GraphQL error answered by an Express step before Apollo runs, shaped as Apollo shapes
 * them: `{ errors: [{ message, extensions: { code, ... } }] }`, with the status and headers
 * that `extensions.http` asks for.
 */
export function sendGraphQLError(response: express.Response, error: GraphQLError) {
  const { status, headers, body } = responseOf(error);
  for (const [name, value] of headers ?? []) response.set(name, value);
  response.status(status).json({ errors: [body] });
}
