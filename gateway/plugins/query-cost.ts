import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, isListType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { badInput, queryLimit } from '../../services/core/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/core/pagination';
import { OperationMemo } from '../../services/core/cache/operation-memo';

/**
 * Estimated cost from list sizes: every field costs 1, and what is selected under a
 * connection counts once per item it may return (`first`, or the default page size); under
 * a plain list, ten times.
 * `children(first: 100) { … agencies(first: 100) { … } }` costs about 10,000 times its leaves.
 */
export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  // A connection's `edges` are the items its `first` already counted; other lists count as 10.
  const isPlainList = field.name !== 'edges' && isListType(getNullableType(field.type));
  // Past MAX_PAGE_SIZE the resolver refuses the argument itself, with BAD_USER_INPUT.
  const size = isConnection ? Math.min(Number(args.first ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE) : isPlainList ? 10 : 1;
  return 1 + childComplexity * (Number.isFinite(size) && size > 0 ? size : DEFAULT_PAGE_SIZE);
};

/** Refuses, before planning, an operation whose estimated cost is over `maxCost`. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  // The same operation with the same variables costs the same: estimated once (operation-memo.ts).
  const costs = new OperationMemo<number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = costs.get(schema, document, request.operationName, request.variables, () =>
              getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: request.operationName ?? undefined,
                estimators: [listSizeEstimator],
              }),
            );
          } catch (error) {
            // The estimator coerces the variables before execution does: a missing or mistyped
            // variable is the client's input, HTTP 400, never a server error.
            throw badInput(error instanceof Error ? error.message : String(error), undefined, { status: 400 });
          }
          if (cost > maxCost) {
            throw queryLimit('cost', `The operation's estimated cost is ${cost}; the limit is ${maxCost}. Ask for smaller pages (first) or fewer nested lists`, {
              max: maxCost,
              found: cost,
            });
          }
        },
      };
    },
  };
}
