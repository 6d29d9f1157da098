import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { internalCallTimeoutMs } from './config';
import { newContext, type SubgraphContext } from './context';
import { deadlineFrom } from './deadline';
import { badRequest, unauthenticated } from './errors';
import { formatError } from './format-error';
import { PRINCIPAL_HEADER, ReplayGuard, verifyForwarded, type ClientOperation, type Principal } from './principal';
import { auditPlugin } from './audit/audit-plugin';
import { inputRulesPlugin } from './input/input-plugin';
import { sqliteWriteLockPlugin } from './sqlite-write-lock';
import { jsonBody, unexpectedErrors } from './json-body';
import type { AuditSink } from './audit/audit-sink';
import type { InstitutionsClient } from './institutions/institutions-client';
import { traceStatements, watchDatabase } from './observability/database-telemetry';
import { observeRequests } from './observability/http-scope';
import { metricsHandler } from './observability/metrics';
import { metricsPlugin } from './observability/metrics-plugin';

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
  /** Throws when the subgraph cannot work (a secret, its keys): `/health` is then 503. */
  ready?: () => Promise<void>;
}

async function forwardedFrom(
  header: string | string[] | undefined,
  query: unknown,
  replays: ReplayGuard,
): Promise<{ principal?: Principal; operation?: ClientOperation }> {
  if (header === undefined) return {};
  try {
    return await verifyForwarded(Array.isArray(header) ? header[0] : header, typeof query === 'string' ? query : '', replays);
  } catch {
    // A subgraph trusts no bare or forged identity: a bad forwarded principal is refused outright.
    throw unauthenticated('The forwarded principal is invalid or expired', { status: 401 });
  }
}

export function listen(app: express.Express, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.keepAliveTimeout = 65_000;
  });
}

/** Serves one subgraph: `POST /graphql`, `GET /health` (its database answers and it is `ready`) and `GET /metrics`. */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningServer> {
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    formatError,
    // The input rules first: their refusal is decided before the audit plugin reads the arguments.
    plugins: [inputRulesPlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), auditPlugin(options.name, options.audit), sqliteWriteLockPlugin(options.dataSource), metricsPlugin(options.name)],
  });
  await apollo.start();

  const replays = new ReplayGuard();
  traceStatements(options.dataSource, options.name);
  watchDatabase(options.dataSource, options.name);
  const app = express();
  // Request id, server span and the request's log line come first (services/core/observability/).
  app.use(observeRequests(options.name));
  app.get('/metrics', metricsHandler());
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
  const running = await listen(app, options.port, options.host);
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}
