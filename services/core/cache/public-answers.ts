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
 * The subgraph's `Cache-Control` header, the one home of its caching policy: `max-age=N, public`
 * on an anonymous query's answer without errors, for its subgraph's lifetime; `no-store` on
 * everything else (a principal's answer, a mutation, an answer with errors).
 *
 * It replaces Apollo's cache-control plugin in the subgraphs (subgraph-server.ts turns that one
 * off): the hub sets no per-field hints (`@cacheControl`), and that plugin's per-field hook ran
 * for every field of every answer: a few per cent of a signature verification's CPU at the
 * documents subgraph (its CPU profile under `npm run bench -- --only verify-document --profile`).
 */
export function publicAnswerPlugin(subgraph: string): ApolloServerPlugin<SubgraphContext> {
  const maxAge = PUBLIC_ANSWER_SECONDS[subgraph] ?? 0;
  const publicHeader = `max-age=${maxAge}, public`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          const body = response.body;
          const isPublic =
            maxAge > 0 && operation?.operation === 'query' && !contextValue.principal && body.kind === 'single' && !body.singleResult.errors;
          response.http.headers.set('cache-control', isPublic ? publicHeader : 'no-store');
        },
      };
    },
  };
}
