import type express from 'express';
import type { GraphQLError } from 'graphql';

/**
 * A GraphQL error answered by an Express step before Apollo runs, shaped as Apollo shapes
 * them: `{ errors: [{ message, extensions: { code, ... } }] }`, with the status and headers
 * that `extensions.http` asks for.
 */
export function sendGraphQLError(response: express.Response, error: GraphQLError) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } } & Record<string, unknown>;
  for (const [name, value] of http?.headers ?? []) response.set(name, value);
  response.status(http?.status ?? 400).json({ errors: [{ message: error.message, extensions }] });
}
