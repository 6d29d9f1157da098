import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { OperationMemo } from '../cache/operation-memo';
import { operationArgumentsError } from './operation-arguments';

/**
 * Refuses an operation with an argument that breaks the input rules before it runs: BAD_USER_INPUT,
 * HTTP 400, naming the argument, with the path of its field. The gateway runs it on the
 * composed schema before planning (so nothing reaches a subgraph) and every subgraph on its own
 * schema (so a subgraph reached directly answers the same).
 */
export function inputRulesPlugin(): ApolloServerPlugin<any> {
  // An operation whose arguments held once holds again with the same variables; a refusal is
  // worked out each time (operation-memo.ts).
  const passed = new OperationMemo<GraphQLError | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = passed.get(
            schema,
            document,
            request.operationName,
            request.variables,
            () => operationArgumentsError(schema, document, operation, request.variables),
            (found) => found === null,
          );
          if (error) throw error;
        },
      };
    },
  };
}
