import { GraphQLError } from 'graphql';

/** The error codes every subgraph and the gateway answer with (DESIGN.md, Conventions). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_LIMIT';

export function hubError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const unauthenticated = (message = 'A valid bearer token is required for this field') =>
  hubError('UNAUTHENTICATED', message);

export const forbidden = (message: string) => hubError('FORBIDDEN', message);

export const badInput = (message: string, argument?: string) =>
  hubError('BAD_USER_INPUT', message, argument ? { argument } : {});

export const notFound = (message: string) => hubError('NOT_FOUND', message);

export const conflict = (message: string) => hubError('CONFLICT', message);
