import { GraphQLError } from 'graphql';

/** The names of the limits a refused request can break; `extensions.limit` carries one. */
export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'batch' | 'bodySize' | 'introspection';

/** A request refused by a query limit: code QUERY_LIMIT, naming the limit, its maximum and what was found. */
export function limitError(limit: LimitName, message: string, details: { max?: number | string; found?: number } = {}) {
  return new GraphQLError(message, { extensions: { code: 'QUERY_LIMIT', limit, ...details, http: { status: 400 } } });
}
