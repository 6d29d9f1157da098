import type { ApolloServerPlugin } from '@apollo/server';
import { envInt, isProduction } from './config';

/**
 * Hooks the tests use to see what a process does while a request is in flight; none exists in
 * production (NODE_ENV=production), whatever the environment says.
 *
 * `HUB_TEST_SLOW_OPERATION_MS`: an operation whose name starts with `ShutdownTestSlow` (the
 * gateway's subgraph fetches keep the client's name as a prefix) is held that long before it
 * runs, and the process writes `holding ShutdownTestSlow` on stderr when it starts holding, so
 * a test knows the request is in flight (test/deployment/shutdown.test.ts).
 */
export const SLOW_OPERATION_PREFIX = 'ShutdownTestSlow';

export function testHookPlugins(service: string): ApolloServerPlugin<any>[] {
  const holdMs = isProduction() ? 0 : envInt('HUB_TEST_SLOW_OPERATION_MS', 0);
  if (holdMs <= 0) return [];
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operationName }) {
            if (!operationName?.startsWith(SLOW_OPERATION_PREFIX)) return;
            console.error(`${service}: holding ${SLOW_OPERATION_PREFIX} for ${holdMs} ms`);
            await new Promise((done) => setTimeout(done, holdMs));
          },
        };
      },
    },
  ];
}
