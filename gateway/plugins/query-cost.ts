import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { badInput, queryLimit } from '../../services/core/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/core/pagination';

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

/** Costs computed per schema and parsed document (Apollo keeps one parsed document per query text), by operation name and variables. */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
/** Variable sets kept per document; the oldest goes first (a query asked with ever new ids keeps its latest). */
const MAX_VARIABLE_SETS = 64;

/**
 * The estimated cost of an operation: a function of the schema, the document, the operation
 * name and the variables alone, so it is computed once for each and kept (a repeated query,
 * the common case, skips the walk). Throws what the estimator throws (bad variables).
 */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let byVariables = bySchema.get(document);
  if (!byVariables) bySchema.set(document, (byVariables = new Map()));
  const key = JSON.stringify([operationName ?? null, variables]);
  let cost = byVariables.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [listSizeEstimator] });
    if (byVariables.size >= MAX_VARIABLE_SETS) byVariables.delete(byVariables.keys().next().value!);
    byVariables.set(key, cost);
  }
  return cost;
}

/** Refuses, before planning, an operation whose estimated cost is over `maxCost`. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = costOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
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
