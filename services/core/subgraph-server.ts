import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { internalCallTimeoutMs } from './config';
import { newContext, type SubgraphContext } from './context';
import { deadlineFrom } from './deadline';
import { badRequest, serviceUnavailable, unauthenticated } from './errors';
import { formatError } from './format-error';
import { PRINCIPAL_HEADER, ReplayGuard, verifyForwarded, type ClientOperation, type Principal } from './principal';
import { auditPlugin } from './audit/audit-plugin';
import { inputRulesPlugin } from './input/input-plugin';
import { sqliteWriteLockPlugin } from './sqlite-write-lock';
import { jsonBody, unexpectedErrors } from './json-body';
import type { AuditSink } from './audit/audit-sink';
import type { InstitutionsClient } from './institutions/institutions-client';
import { sharedState, StateUnavailable } from './shared-state';
import { liveHandler, NotReady, readyHandler, type ReadinessCheck } from './probes';
import { APOLLO_SIGNALS, drainPlugin } from './shutdown';
import { testHookPlugins } from './test-hooks';
import { traceStatements, watchDatabase } from './observability/database-telemetry';
import { observeRequests } from './observability/http-scope';
import { metricsHandler } from './observability/metrics';
import { metricsPlugin } from './observability/metrics-plugin';
import { publicAnswerPlugin } from './cache/public-answers';

/** The largest body a subgraph reads: the gateway's queries, entity representations included. */
const SUBGRAPH_BODY_BYTES = 1_000_000;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SubgraphOptions {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  institutions: InstitutionsClient;
  port: number;
  host?: string;
  /** Where mutations and personal-data reads are recorded. */
  audit: AuditSink;
  /** Routes beside /graphql for other hub processes (`/internal/...`), if the subgraph has any. */
  internalRoutes?: express.Router;
  /** Throws when the subgraph cannot work (a secret, its keys): `/health` and `/ready` are then 503. */
  ready?: () => Promise<void>;
  /** Other processes it needs to serve (the institutions subgraph), checked by `/ready`. */
  dependencies?: ReadinessCheck[];
}

async function forwardedFrom(
  header: string | string[] | undefined,
  query: unknown,
  replays: ReplayGuard,
): Promise<{ principal?: Principal; operation?: ClientOperation }> {
  if (header === undefined) return {};
  try {
    return await verifyForwarded(Array.isArray(header) ? header[0] : header, typeof query === 'string' ? query : '', replays);
  } catch (error) {
    // The replay guard cannot tell a replay from a first use: refused, but as the outage it is.
    if (error instanceof StateUnavailable) {
      console.error(`${error.message} (replay guard)`);
      throw serviceUnavailable('The forwarded principal cannot be checked right now; try again shortly');
    }
    // A subgraph trusts no bare or forged identity: a bad forwarded principal is refused outright.
    throw unauthenticated('The forwarded principal is invalid or expired', { status: 401 });
  }
}

/**
 * Serves `app` on `server` (made beforehand, so Apollo's drain plugin can watch it, or made
 * here). `close()` stops accepting and waits for the connections to end.
 */
export function listen(app: express.Express, port: number, host = '127.0.0.1', server: Server = createServer()): Promise<RunningServer> {
  server.on('request', app);
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        // Already closed by the drain plugin when Apollo stopped first: nothing left to wait for.
        close: () => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done())),
      });
    });
  });
}

/**
 * Serves one subgraph: `POST /graphql`, `GET /health` (its database answers and it is `ready`),
 * and the orchestrators' probes `GET /live` and `GET /ready` (core/probes.ts). `close()` lets
 * the requests in flight finish (within HUB_SHUTDOWN_GRACE_MS) before it resolves.
 */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningServer> {
  const httpServer = createServer();
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    formatError,
    ...APOLLO_SIGNALS,
    // The input rules first: their refusal is decided before the audit plugin reads the arguments.
    plugins: [
      metricsPlugin(options.name),
      inputRulesPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // The Cache-Control header is publicAnswerPlugin's alone (no per-field hints, no per-field hook).
      ApolloServerPluginCacheControlDisabled(),
      auditPlugin(options.name, options.audit),
      sqliteWriteLockPlugin(options.dataSource),
      publicAnswerPlugin(options.name),
      drainPlugin(httpServer),
      ...testHookPlugins(options.name),
    ],
  });
  await apollo.start();

  await sharedState().ready();
  const replays = new ReplayGuard('principal');
  traceStatements(options.dataSource, options.name);
  watchDatabase(options.dataSource, options.name);
  const app = express();
  // Request id, server span and the request's log line come first (services/core/observability/).
  app.use(observeRequests(options.name));
  app.get('/metrics', metricsHandler());
  let stopping = false;
  const readiness: ReadinessCheck[] = [
    {
      name: 'database',
      check: async () => void (await options.dataSource.query('SELECT 1')),
    },
    {
      name: 'service',
      check: async () => {
        try {
          await options.ready?.();
        } catch (error) {
          // Its own words: a secret's name or the CA key's state, never a value.
          throw new NotReady(error instanceof Error ? error.message : String(error));
        }
      },
    },
    ...(options.dependencies ?? []),
  ];
  app.get('/live', liveHandler(options.name));
  app.get('/ready', readyHandler(options.name, () => readiness, () => stopping));
  app.get('/health', async (_request, response) => {
    try {
      await options.dataSource.query('SELECT 1');
      await options.ready?.();
      response.json({ status: 'ok', service: options.name });
    } catch (error) {
      response.status(503).json({ status: 'down', service: options.name, error: String(error) });
    }
  });
  if (options.internalRoutes) app.use('/internal', options.internalRoutes);
  app.use(
    '/graphql',
    ...jsonBody(SUBGRAPH_BODY_BYTES, (max) => badRequest(`The request body is larger than ${max} bytes`, { status: 413 })),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { principal, operation } = await forwardedFrom(req.headers[PRINCIPAL_HEADER], req.body?.query, replays);
        // The gateway's budget for this request, capped by this process's own (HUB_INTERNAL_TIMEOUT_MS).
        return newContext(options.dataSource, options.institutions, principal, operation, deadlineFrom(req.headers, internalCallTimeoutMs()));
      },
    }),
  );
  app.use(unexpectedErrors);
  const running = await listen(app, options.port, options.host, httpServer);
  return {
    ...running,
    close: async () => {
      stopping = true;
      // The drain plugin closes the listener and waits for the requests in flight.
      await apollo.stop();
      await running.close();
    },
  };
}
