import type { ApolloServerPlugin } from '@apollo/server';
import { badRequest } from '../../services/core/errors';

/**
 * A document whose operation cannot be picked (several operations and no `operationName`, or an
 * `operationName` it does not contain) is the client's mistake: HTTP 400 `BAD_REQUEST`, said
 * before planning. Apollo Server leaves it to the executor, and Apollo Gateway's executor
 * answers it as an internal error (HTTP 500).
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (operation) return;
          const named = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
          throw badRequest(
            request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : named > 1
                ? 'Must provide operation name if query contains multiple operations.'
                : 'Must provide an operation.',
          );
        },
      };
    },
  };
}
