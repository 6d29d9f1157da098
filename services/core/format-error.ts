import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isProduction } from './config';
import { KNOWN_CODES } from './errors';
import { isConnectionLost } from './write-conflicts';
import { logger } from './observability/logger';

/** Variable coercion errors, which the gateway's executor raises without a code: the client's input is at fault. */
const BAD_VARIABLE = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

const isRequestRefusal = (error: unknown) => {
  const status = (error as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * Errors the hub raised on purpose keep their code and message. Anything else (a driver
 * error, a bug) becomes INTERNAL_SERVER_ERROR, with its text hidden in production so no SQL
 * or stack reaches a client; it is logged with its stack (observability/logger.ts) either way.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; a query limit keeps its own code.
  const code = formatted.extensions?.limit ? 'QUERY_LIMIT' : BAD_VARIABLE.test(formatted.message) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  const original = unwrapResolverError(error);
  if (isRequestRefusal(original)) {
    // Apollo's own refusals of a request (an automatic persisted query whose hash does not match
    // its text, or of an unknown version) carry an HTTP 4xx and no code: the client's mistake.
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (isConnectionLost(original)) {
    // The database went away under the request: a fault to retry, not a bug; no driver text is shown.
    return {
      message: 'The database connection was lost; try again shortly (a write may retry with the same key)',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  // The stack goes to the log in production too: there it is the only trace of the fault.
  const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  logger().error({ err: cause, path: formatted.path?.join('.') }, 'unexpected error in a GraphQL operation');
  return {
    message: isProduction() ? 'Internal server error' : formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * With introspection off the schema is not published, so validation messages must not name
 * fields the client did not ask for: graphql-js's "Did you mean …?" hints are cut.
 */
export const withoutSchemaHints =
  (format: typeof formatError) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: result.message.replace(/ Did you mean .*\?$/, '') };
  };
