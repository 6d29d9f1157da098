import type { ApolloServerPlugin } from '@apollo/server';
import { operationArgumentsError } from './operation-arguments';

/**
 * Refuses an operation with an argument that breaks the input rules before it runs: BAD_USER_INPUT,
 * HTTP 400, naming the argument, with the path of its field. The gateway runs it on the
 * composed schema before planning (so nothing reaches a subgraph) and every subgraph on its own
 * schema (so a subgraph reached directly answers the same).
 */
export function inputRulesPlugin(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = operationArgumentsError(schema, document, operation, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
