import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from '../context';

/**
 * How long a subgraph's answer to an anonymous query may be served again (seconds), by
 * subgraph (README, "Caching and deduplication"). An anonymous request reaches public data
 * only (docs/architecture.md, rule 5), so its answer is the same for every caller: the
 * subgraph says so with `Cache-Control: max-age=N, public`, which the gateway's data source
 * folds into the operation's cache policy. A request with a principal gets no hint
 * (`no-store`): its answer depends on who asks.
 *
 * Writes through the gateway drop cached answers at once (a generation in every key); the
 * lifetime bounds what only changes outside the graph (migrations, a direct database edit).
 */
export const PUBLIC_ANSWER_SECONDS: Readonly<Record<string, number>> = {
  // The unit tree and agencies: they change by reform and migrations, not by the graph's writes.
  institutions: 300,
  // The published catalogue: catalogue writes invalidate through the gateway; a minute bounds the rest.
  procedures: 60,
  // documents and inspections have nothing public: an anonymous query there is refused, never cached.
};

/**
 * Marks an anonymous query's answer public for its subgraph's lifetime. The cache-control
 * plugin (Apollo's, always on) turns the policy into the header and leaves any answer with
 * errors `no-store`; a mutation is never marked.
 */
export function publicAnswerPlugin(subgraph: string): ApolloServerPlugin<SubgraphContext> {
  const maxAge = PUBLIC_ANSWER_SECONDS[subgraph] ?? 0;
  return {
    async requestDidStart() {
      if (maxAge <= 0) return;
      return {
        async executionDidStart(requestContext) {
          if (requestContext.operation.operation !== 'query' || requestContext.contextValue.principal) return;
          return {
            // After every field's own hint (root fields default to 0): the whole answer is public.
            async executionDidEnd(error) {
              if (!error) requestContext.overallCachePolicy.replace({ maxAge, scope: 'PUBLIC' });
            },
          };
        },
      };
    },
  };
}
