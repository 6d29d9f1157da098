import type { ApolloServerPlugin } from '@apollo/server';
import { badInput, badRequest } from '../../services/core/errors';

/**
 * A document whose operation cannot be picked (several operations and no `operationName`, or an
 * `operationName` it does not contain) is the client's mistake: HTTP 400 `BAD_REQUEST`, said
 * before planning. Apollo Server leaves it to the executor, and Apollo Gateway's executor
 * answers it as an internal error (HTTP 500).
 *
 * So is a `variables` key the operation does not declare (HTTP 400 `BAD_USER_INPUT`): a
 * misspelt optional variable would otherwise be dropped in silence and the operation would run
 * without it, and keys such as `__proto__` have no business in the hub. Hasura refuses them so.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const named = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
            throw badRequest(
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : named > 1
                  ? 'Must provide operation name if query contains multiple operations.'
                  : 'Must provide an operation.',
            );
          }
          // The graph has no subscriptions; Apollo Gateway's executor answers one with HTTP 500.
          if (operation.operation === 'subscription') throw badRequest('The hub offers no subscriptions: send a query or a mutation.');
          const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
          const odd = Object.keys(request.variables ?? {}).filter((name) => !declared.has(name));
          if (odd.length > 0) {
            const names = odd.slice(0, 5).map((name) => JSON.stringify(name.slice(0, 40))).join(', ');
            throw badInput(`variables holds ${odd.length === 1 ? 'a key' : 'keys'} the operation does not declare: ${names}`, 'variables', { status: 400 });
          }
        },
      };
    },
  };
}
