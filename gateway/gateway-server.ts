import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { createServer } from 'node:http';
import express from 'express';
import { formatError, withoutSchemaHints } from '../services/core/format-error';
import { unexpectedErrors } from '../services/core/json-body';
import { listen, type RunningServer } from '../services/core/subgraph-server';
import { authenticationMiddleware, hubContextOf } from './auth/authentication-middleware';
import { createTokenVerifier } from './auth/token-verifier';
import { UnitDirectory } from '../services/core/institutions/unit-directory';
import { cachingFromEnv, pluginTimingEveryFromEnv, type GatewayConfig } from './config';
import { gatewayReadiness, healthHandler } from './health';
import { corsMiddleware } from './cors';
import { liveHandler, readyHandler } from '../services/core/probes';
import { APOLLO_SIGNALS, drainPlugin } from '../services/core/shutdown';
import { testHookPlugins } from '../services/core/test-hooks';
import { playgroundRouter } from './playground';
import { argumentValuesPlugin } from './plugins/argument-values';
import { operationResolutionPlugin } from './plugins/operation-resolution';
import { entityKeyFields, keyAliasRule } from './plugins/key-aliases';
import { queryCostPlugin } from './plugins/query-cost';
import { RequestRateLimiter } from './plugins/rate-limit';
import { requestLimits } from './plugins/request-limits';
import { shapeLimitRules } from './plugins/shape-limits';
import { PrincipalForwardingDataSource, type GatewayContext } from './principal-forwarding';
import { HttpAuditSink } from '../services/core/audit/audit-sink';
import { auditRefusal, type RefusalRecorder } from './gateway-audit';
import { ClientDirectory } from './oauth/client-directory';
import { tokenEndpoint } from './oauth/token-endpoint';
import { safelistCheck } from './plugins/safelist';
import { TimingSample, timedCall, timedPlugins, timedStep } from './plugins/plugin-timing';
import { operationRunner, operationsEndpoint } from './operations-endpoint';
import { exportEndpoint, exportFormatCheck, readOnlyCheck } from './export/export-endpoint';
import { serviceScopePlugin } from './plugins/service-scopes';
import { readServiceScopeRules } from '../services/core/access/service-scope-rules';
import { sharedState } from '../services/core/shared-state';
import { observeRequests } from '../services/core/observability/http-scope';
import { metricsHandler } from '../services/core/observability/metrics';
import { metricsPlugin } from '../services/core/observability/metrics-plugin';
import { CacheGeneration } from './cache/cache-generation';
import { invalidateOnWrites, noStoreHeader, publicAnswerCache } from './cache/public-answers';
import { PublicAnswerMemo } from './cache/answer-memo';

/** The subgraphs a supergraph names, with the URL each is reached at (overrides applied). */
export function subgraphsOf(supergraphSdl: string, overrides: Record<string, string>) {
  const pattern = /(\w+)\s*@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\)/g;
  return [...supergraphSdl.matchAll(pattern)].map(([, , name, url]) => ({ name, url: overrides[name] ?? url }));
}

export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  const subgraphs = subgraphsOf(config.supergraphSdl, config.subgraphUrls);
  // Refuses to start on a supergraph with a root field whose service scope is undecided.
  const scopeRules = readServiceScopeRules(config.supergraphSdl);
  const urlOf = (name: string) => subgraphs.find((subgraph) => subgraph.name === name)?.url;
  // Apollo Gateway sends usage metrics to Apollo's servers unless told not to: nothing leaves the hub unasked.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const caching = config.caching ?? cachingFromEnv();
  // Read before any request: every cache key and shared call's key carries it.
  await sharedState().ready();
  const generation = new CacheGeneration();
  await generation.start();
  // The public-answer cache's answers, served again before Apollo (gateway/cache/answer-memo.ts).
  const memo = caching.publicAnswers ? new PublicAnswerMemo(generation) : undefined;
  // Each timed plugin and step times one request in `every` (plugin-timing.ts).
  const timing = new TimingSample(config.pluginTimingEvery ?? pluginTimingEveryFromEnv());
  const sharing = { deduplicate: caching.deduplicate, generation: () => generation.value };
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => new PrincipalForwardingDataSource(urlOf(name) ?? url ?? '', name, config.deadlines, sharing),
  });
  const verify = createTokenVerifier(config);
  const institutionsUrl = () => {
    const url = urlOf('institutions');
    if (!url) throw new Error('The supergraph has no institutions subgraph');
    return url;
  };
  const units = new UnitDirectory(institutionsUrl);
  const clients = new ClientDirectory(institutionsUrl, config.clientCacheSeconds);
  const audit = new HttpAuditSink(institutionsUrl, 'gateway');
  const recordRefusal: RefusalRecorder = (context, detail, operationName, hash) => auditRefusal(audit, context, detail, operationName, hash);
  const readiness = gatewayReadiness(subgraphs, config.readySubgraphs);
  // Made before Apollo, so that its drain plugin sees every connection (core/shutdown.ts).
  const httpServer = createServer();

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: config.introspection ? formatError : withoutSchemaHints(formatError),
    // Automatic persisted queries: in Redis with several gateways, so a hash registered through
    // one is known to all; else Apollo's own in-process cache.
    cache: sharedState().keyValueCache('apq'),
    introspection: config.introspection,
    ...APOLLO_SIGNALS,
    validationRules: [...shapeLimitRules(config.limits), keyAliasRule(entityKeyFields(config.supergraphSdl))],
    // Each plugin's time per request goes to hub_gateway_plugin_duration_seconds (plugin-timing.ts).
    plugins: timedPlugins<GatewayContext>([
      ['landing-page', ApolloServerPluginLandingPageDisabled()],
      ['operation-resolution', operationResolutionPlugin()],
      ['argument-values', argumentValuesPlugin()],
      ['query-cost', queryCostPlugin(config.limits.maxCost)],
      ['service-scopes', serviceScopePlugin(recordRefusal, scopeRules)],
      ['drain', drainPlugin(httpServer)],
      ...testHookPlugins('gateway').map((plugin): [string, typeof plugin] => ['test-hooks', plugin]),
      ['metrics', metricsPlugin('gateway')],
      // Subgraphs' hints make the policy (principal-forwarding.ts); clients are told no-store.
      ['cache-control', ApolloServerPluginCacheControl({ calculateHttpHeaders: false })],
      ['no-store', noStoreHeader()],
      ['cache-invalidation', invalidateOnWrites(generation)],
      ...(caching.publicAnswers ? [['public-answer-cache', publicAnswerCache(generation)] as [string, ReturnType<typeof publicAnswerCache>]] : []),
      // After the cache: it notes the answers that cache serves or writes, for the memo.
      ...(memo ? [['public-answer-notes', memo.plugin()] as [string, ReturnType<PublicAnswerMemo['plugin']>]] : []),
    ], timing),
  });
  const rateLimiter = new RequestRateLimiter(config.rateLimits);
  rateLimiter.consume = timedCall('rate-limit', rateLimiter.consume.bind(rateLimiter), timing.fresh());
  await sharedState().ready();
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag: answers are no-store, and hashing each body cost about 5 µs a request (peers' bench profile).
  app.set('etag', false);
  // Request id, server span and the request's log line come first (services/core/observability/).
  app.use(observeRequests('gateway'));
  app.get('/metrics', metricsHandler());
  let stopping = false;
  app.get('/health', healthHandler(() => subgraphs));
  app.get('/live', liveHandler('gateway'));
  app.get('/ready', readyHandler('gateway', () => readiness, () => stopping));
  app.use(playgroundRouter());
  app.use(tokenEndpoint({ clients, units, tokens: config.clientTokens, audience: config.audience, rateLimiter }));
  // What every operation passes before it runs, for /graphql and /export alike.
  // Browsers' cross-origin calls (HUB_CORS_ORIGINS) and their preflight, before anything reads the body.
  const cors = corsMiddleware(config.corsOrigins ?? []);
  const beforeOperations = [
    // The request's deadline counts from its arrival; subgraph calls get what is left of it.
    (_request: express.Request, response: express.Response, next: express.NextFunction) => {
      response.locals.deadline = Date.now() + config.deadlines.requestMs;
      next();
    },
    ...timedStep('request-limits', requestLimits(config.limits), timing.fresh()),
    // Its time includes the rate limit's, which is also timed alone ('rate-limit').
    ...timedStep('authentication', [authenticationMiddleware(verify, units, clients, rateLimiter)], timing.fresh()),
  ];
  const contextOf = (response: express.Response) => ({ ...hubContextOf(response), deadline: response.locals.deadline as number });
  const safelist = timedCall('safelist', safelistCheck(recordRefusal), timing.fresh());
  app.use('/graphql', ...cors, ...beforeOperations, operationsEndpoint(operationRunner(apollo, safelist, contextOf, memo, timing.fresh())));
  // Reports as spreadsheets (gateway/export/): the same path, reads only.
  app.use('/export', ...cors, exportFormatCheck, ...beforeOperations, exportEndpoint(operationRunner(apollo, readOnlyCheck(safelist), contextOf)));
  app.use(unexpectedErrors);
  const running = await listen(app, config.port, config.host, httpServer);
  return {
    ...running,
    // The requests in flight finish first (HUB_SHUTDOWN_GRACE_MS): the drain plugin closes the listener and waits.
    close: async () => {
      stopping = true;
      await apollo.stop();
      await running.close();
      clients.close();
      generation.close();
    },
  };
}
