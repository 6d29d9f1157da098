import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { queryLimit, type LimitName } from '../../services/core/errors';

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

/** graphql-armor's found count is in its message ("…limit of 6 exceeded, found 7."). */
const foundIn = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);

const reportAs = (limit: LimitName, max: number, what: string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const found = foundIn(error);
      context?.reportError(queryLimit(limit, `The operation has ${what} ${found}; the limit is ${max}`, { max, found }));
    },
  ],
});

/**
 * Validation rules the gateway runs before planning: depth, aliases and directives bombs are
 * refused with QUERY_LIMIT naming the limit (graphql-armor does the counting).
 */
export function shapeLimitRules(limits: ShapeLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('depth', limits.maxDepth, 'a depth of') }),
    // Every alias counts: graphql-armor lets `__typename` aliases through by default, and 4,000 of them cost seconds of CPU.
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reportAs('aliases', limits.maxAliases, 'aliases:') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('directives', limits.maxDirectives, 'directives:') }),
  ] as ValidationRule[];
}
