import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { sharedState } from '../../services/core/shared-state';
import { treeDay } from '../../services/core/time/tree-day';
import { vietnamDayOf } from '../../services/core/time/vietnam-day';
import type { GatewayContext } from '../principal-forwarding';
import type { CacheGeneration } from './cache-generation';

/**
 * The cache of whole public answers (README, "Caching and deduplication"): an anonymous
 * query whose every subgraph answer was marked public (`services/core/cache/public-answers.ts`:
 * an anonymous subgraph request reaches public data only) is kept for the shortest of their
 * lifetimes, in the shared state (Redis with `REDIS_URL`, so every gateway shares it; else in
 * process). A request with a principal neither reads nor writes it. An answer with any error
 * (a refusal, a part unavailable) is never kept: the response-cache plugin writes only answers
 * with data and no errors, and a subgraph answer the gateway made itself has no hint.
 *
 * The key is the operation (text, name, variables) with the generation (dropped on every write),
 * the tree day (`asOf` defaults to it, `HUB_AS_OF`) and today in Vietnam (the day "today" and
 * "in force" are read on): after midnight no answer of yesterday is served.
 */
export function publicAnswerCache(generation: CacheGeneration): ApolloServerPlugin<GatewayContext> {
  const anonymous = async ({ contextValue }: { contextValue: GatewayContext }) => !contextValue.principal;
  return responseCachePlugin<GatewayContext>({
    // Undefined in process: the plugin uses Apollo's own bounded in-memory cache.
    cache: sharedState().keyValueCache('answers'),
    extraCacheKeyData: async () => ({ generation: generation.value, treeDay: treeDay(), day: vietnamDayOf(Date.now()) }),
    shouldReadFromCache: anonymous,
    shouldWriteToCache: anonymous,
  });
}

/**
 * Starts a new cache generation once a mutation has run (whatever its outcome: a write may
 * have happened), before its answer leaves, so the writer's next read sees its write.
 */
export function invalidateOnWrites(generation: CacheGeneration): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let wrote = false;
      return {
        async executionDidStart(requestContext) {
          wrote = requestContext.operation.operation === 'mutation';
        },
        async willSendResponse() {
          if (wrote) await generation.bump();
        },
      };
    },
  };
}

/**
 * The gateway tells clients `no-store`: its own cache drops public answers on every write, a
 * browser's or a proxy's copy would not be dropped.
 */
export function noStoreHeader(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
