import type { ApolloServerPlugin } from '@apollo/server';
import { codeLabel, graphqlDuration, graphqlErrors, graphqlRequests, operationLabel } from './metrics';
import { requestScope } from './request-scope';

/**
 * Counts each GraphQL operation Apollo answers (gateway or subgraph `service`): requests and
 * latency by operation name and outcome, errors by `extensions.code` as the client gets them
 * (after formatError). It also gives the request's log line its operation names and codes.
 * Refusals before Apollo are counted by `observeRequests` (http-scope.ts).
 */
export function metricsPlugin<TContext extends object>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const scope = requestScope();
      if (scope) scope.executed += 1;
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(operationName);
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = (result.errors ?? []).map((error) => codeLabel(error.extensions?.code));
          const outcome = codes.length === 0 ? 'ok' : result.data ? 'partial' : 'error';
          graphqlRequests.inc({ service, operation, outcome });
          graphqlDuration.observe({ service, operation, outcome }, (performance.now() - started) / 1000);
          for (const code of codes) graphqlErrors.inc({ service, code });
          scope?.operations.push(operation);
          scope?.codes.push(...codes);
        },
      };
    },
  };
}
