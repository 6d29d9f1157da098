import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { env } from '../config';
import { KNOWN_CODES } from '../errors';

/**
 * The process's Prometheus metrics: one registry, every metric the hub exports defined here
 * (README, "Observability"). Every hub metric has a `service` label (`gateway` or the subgraph's
 * name), so one process running several parts (the tests) still tells them apart.
 *
 * Label values are bounded: operation names through `operationLabel`, codes through
 * `codeLabel`, subgraphs and services from the registry.
 */
export const registry = new Registry();

let processMetrics = false;
/**
 * Adds Node's own metrics (`process_*`, `nodejs_*`: CPU, memory, event-loop lag, GC), once. Called
 * by the process entries only: their collectors live as long as the process (a GC observer),
 * which a test file's module instance must not.
 */
export function collectProcessMetrics() {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}

/** Seconds: from a few milliseconds (a cached lookup) to a minute (the request deadline). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const graphqlRequests = new Counter({
  name: 'hub_graphql_requests_total',
  help: 'GraphQL operations served, by service, operation name and outcome (ok: no error; partial: data and errors; error: no data)',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'hub_graphql_request_duration_seconds',
  help: 'Time to answer one GraphQL operation, by service, operation name and outcome',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'hub_graphql_errors_total',
  help: 'Errors in GraphQL answers, by service and extensions.code (refusals before execution included)',
  labelNames: ['service', 'code'] as const,
  registers: [registry],
});

export const subgraphCallDuration = new Histogram({
  name: 'hub_subgraph_call_duration_seconds',
  help: "The gateway's calls to a subgraph, by subgraph and outcome (ok; errors: the subgraph answered with GraphQL errors; unavailable: down, too slow or no GraphQL)",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const sharedSubgraphCalls = new Counter({
  name: 'hub_subgraph_calls_shared_total',
  help: "The gateway's subgraph requests answered by an identical call already in flight (gateway/cache/in-flight.ts), by subgraph",
  labelNames: ['subgraph'] as const,
  registers: [registry],
});

export const auditAppendDuration = new Histogram({
  name: 'hub_audit_append_duration_seconds',
  help: 'Appending one group of entries to the audit chain (institutions), by outcome (ok, error)',
  labelNames: ['outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const auditAppendedEntries = new Counter({
  name: 'hub_audit_appended_entries_total',
  help: 'Entries appended to the audit chain (institutions)',
  registers: [registry],
});

/** Seconds, from a microsecond (a synchronous check) to a second (a hook waiting on a slow call). */
const STEP_BUCKETS = [0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01, 0.1, 1];

export const gatewayPluginDuration = new Histogram({
  name: 'hub_gateway_plugin_duration_seconds',
  help: "Time one request spends in one of the gateway's Apollo plugins (stage apollo: its hooks summed) or Express steps (stage express), by plugin (gateway/plugins/plugin-timing.ts)",
  labelNames: ['plugin', 'stage'] as const,
  buckets: STEP_BUCKETS,
  registers: [registry],
});

export const rateLimitRefusals = new Counter({
  name: 'hub_rate_limit_refusals_total',
  help: "Requests the gateway's rate limit refused, by who was limited (anonymous, USER, SERVICE)",
  labelNames: ['category'] as const,
  registers: [registry],
});

/** Sets `hub_database_pool_connections` at each scrape (database-telemetry.ts reads the pools). */
let readPools: (gauge: Gauge<'service' | 'state'>) => void = () => undefined;
export const onPoolScrape = (read: typeof readPools) => void (readPools = read);

export const databasePool: Gauge<'service' | 'state'> = new Gauge({
  name: 'hub_database_pool_connections',
  help: 'MariaDB/MySQL connection pool of a subgraph, by state (total, idle, waiting: requests queued for a connection, limit). SQLite has no pool: see hub_database_info',
  labelNames: ['service', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    readPools(this);
  },
});

export const databaseInfo = new Gauge({
  name: 'hub_database_info',
  help: 'Always 1: the database driver of a subgraph (mysql: pooled, see hub_database_pool_connections; better-sqlite3: one connection, no pool)',
  labelNames: ['service', 'driver', 'pooled'] as const,
  registers: [registry],
});

/** Distinct operation names kept as labels per process; later new names count as `other`. */
export const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * An operation name as a label: `anonymous` without one, `other` for a name that is not a
 * GraphQL name of at most 64 characters or once MAX_OPERATION_LABELS names are taken. The
 * gateway's names for its subgraph fetches (`Name__procedures__0`) are the client's `Name`.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const client = name.replace(/__[_0-9A-Za-z]+__\d+$/, '');
  if (!GRAPHQL_NAME.test(client)) return 'other';
  if (seenOperations.has(client)) return client;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(client);
  return client;
}

/** A code as a label: one of the hub's and Apollo's codes, INTERNAL_SERVER_ERROR, or `OTHER`. */
export const codeLabel = (code: unknown): string =>
  typeof code === 'string' && (KNOWN_CODES.has(code) || code === 'INTERNAL_SERVER_ERROR') ? code : code === undefined ? 'INTERNAL_SERVER_ERROR' : 'OTHER';

/** Compared in constant time (over their digests, so lengths do not show either). */
const sameText = (given: string, expected: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

/**
 * `GET /metrics`: the registry in Prometheus text format. With `HUB_METRICS_TOKEN` set it asks
 * for `Authorization: Bearer <that token>` (a scraper outside the hub's network), else it is open
 * to whoever reaches the port.
 */
export function metricsHandler(): RequestHandler {
  return async (request, response, next) => {
    try {
      const token = env('HUB_METRICS_TOKEN');
      if (token && !sameText(request.headers.authorization ?? '', `Bearer ${token}`)) {
        response.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('metrics need the bearer token of HUB_METRICS_TOKEN\n');
        return;
      }
      response.type(registry.contentType).send(await registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}
