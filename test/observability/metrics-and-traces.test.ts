import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { MAX_OPERATION_LABELS, operationLabel } from '../../services/core/observability/metrics';
import { startTracing, stopTracing } from '../../services/core/observability/tracing';
import { startGateway } from '../../gateway/gateway-server';
import type { RunningServer } from '../../services/core/subgraph-server';
import { DATABASES } from '../support/databases';
import { startTestHub, testGatewayConfig, type TestHub } from '../support/hub';

/**
 * Prometheus `/metrics` after real requests through the gateway, and the trace of one federated
 * request (an in-memory exporter: the gateway and the four subgraphs run in this process, each
 * on its own HTTP port, so `traceparent` crosses real HTTP between them).
 */

/** `name{labels} value` lines of a Prometheus text answer, as a lookup by name and label text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const metricsOf = async (baseUrl: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${baseUrl}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

// Once for the file, before any server starts: Apollo Gateway keeps the tracer it got first.
const exporter = new InMemorySpanExporter();
beforeAll(() => startTracing({ serviceName: 'hub-test', exporter }));
afterAll(() => stopTracing());

describe.each(DATABASES)('metrics and traces on %s', (kind) => {
  let hub: TestHub;
  let limited: RunningServer;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'observability');
    // A second gateway in front of the same subgraphs, with a limit of 2 anonymous requests a minute.
    const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]));
    limited = await startGateway(testGatewayConfig(urls, { rateLimits: { anonymousPerMinute: 2, userPerMinute: 0, servicePerMinute: 0 } }));
  });
  afterAll(async () => {
    await limited?.close();
    await hub?.close();
  });

  it('counts requests by operation and outcome, and errors by code, in Prometheus text on the gateway', async () => {
    const viewer = await hub.token('905', ['VIEWER']);
    for (let index = 0; index < 3; index += 1) {
      const result = await hub.query(`query ObsProvinces_${kind} { units(level: PROVINCE) { totalCount } }`);
      expect(result.errors).toBeUndefined();
    }
    // A field the caller may not see: a partial answer with FORBIDDEN.
    const hidden = await hub.query(`query ObsContact_${kind} { official(id: "905.ubnd.cb1") { name contact { phone } } }`, {}, viewer);
    expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A bad token: refused before Apollo, 401.
    const refused = await post(hub.gatewayUrl, { query: `query ObsRefused_${kind} { units(level: PROVINCE) { totalCount } }`, operationName: `ObsRefused_${kind}` }, { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    // A field that does not exist.
    const invalid = await hub.query(`query ObsInvalid_${kind} { noSuchField }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const metrics = await metricsOf(hub.gatewayUrl);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('# TYPE hub_graphql_requests_total counter');
    expect(sample(metrics.text, 'hub_graphql_requests_total', { service: 'gateway', operation: `ObsProvinces_${kind}`, outcome: 'ok' })).toBe(3);
    expect(sample(metrics.text, 'hub_graphql_requests_total', { service: 'gateway', operation: `ObsContact_${kind}`, outcome: 'partial' })).toBe(1);
    expect(sample(metrics.text, 'hub_graphql_requests_total', { service: 'gateway', operation: `ObsRefused_${kind}`, outcome: 'error' })).toBe(1);
    expect(sample(metrics.text, 'hub_graphql_errors_total', { service: 'gateway', code: 'FORBIDDEN' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.text, 'hub_graphql_errors_total', { service: 'gateway', code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.text, 'hub_graphql_errors_total', { service: 'gateway', code: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.text, 'hub_graphql_request_duration_seconds_count', { service: 'gateway', operation: `ObsProvinces_${kind}`, outcome: 'ok' })).toBe(3);
    // The three anonymous ObsProvinces are one public answer: the first is a subgraph call, the
    // others come from the gateway's cache (README, "Caching and deduplication").
    expect(sample(metrics.text, 'hub_subgraph_call_duration_seconds_count', { subgraph: 'institutions', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it("serves each subgraph's /metrics: its requests, its database and (institutions) its audit appends", async () => {
    const officer = await hub.token('91', ['OFFICER']);
    // A personal-data read is audited: institutions appends to its chain.
    const read = await hub.query(`query ObsOfficial_${kind} { official(id: "91.ubnd.cb1") { contact { phone } } }`, {}, officer);
    expect(read.errors).toBeUndefined();
    const institutions = await metricsOf(hub.subgraphs.institutions.url);
    expect(institutions.status).toBe(200);
    expect(sample(institutions.text, 'hub_graphql_requests_total', { service: 'institutions', operation: `ObsOfficial_${kind}`, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(institutions.text, 'hub_audit_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(institutions.text).toMatch(/^hub_audit_appended_entries_total [1-9]/m);
    const driver = kind === 'sqlite' ? 'better-sqlite3' : 'mysql';
    expect(sample(institutions.text, 'hub_database_info', { service: 'institutions', driver, pooled: String(kind !== 'sqlite') })).toBe(1);
    if (kind === 'sqlite') {
      expect(institutions.text).not.toMatch(/^hub_database_pool_connections\{/m);
    } else {
      expect(sample(institutions.text, 'hub_database_pool_connections', { service: 'institutions', state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(institutions.text, 'hub_database_pool_connections', { service: 'institutions', state: 'limit' })).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts rate-limit refusals', async () => {
    const before = sample((await metricsOf(limited.url)).text, 'hub_rate_limit_refusals_total', { category: 'anonymous' }) ?? 0;
    const answers = [];
    for (let index = 0; index < 4; index += 1) answers.push((await post(limited.url, { query: '{ units(level: PROVINCE) { totalCount } }' })).status);
    expect(answers).toEqual([200, 200, 429, 429]);
    const metrics = await metricsOf(limited.url);
    expect(sample(metrics.text, 'hub_rate_limit_refusals_total', { category: 'anonymous' })).toBe(before + 2);
    expect(sample(metrics.text, 'hub_graphql_errors_total', { service: 'gateway', code: 'RATE_LIMITED' })).toBeGreaterThanOrEqual(2);
  });

  it('asks for the bearer token of HUB_METRICS_TOKEN when it is set', async () => {
    process.env.HUB_METRICS_TOKEN = 'obs-metrics-token-for-the-test';
    try {
      expect((await metricsOf(hub.gatewayUrl)).status).toBe(401);
      expect((await metricsOf(hub.gatewayUrl, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await metricsOf(hub.gatewayUrl, { authorization: 'Bearer obs-metrics-token-for-the-test' })).status).toBe(200);
    } finally {
      delete process.env.HUB_METRICS_TOKEN;
    }
  });

  it('keeps a well-formed x-request-id and answers a new one for a malformed or missing one', async () => {
    const query = { query: '{ units(level: PROVINCE) { totalCount } }' };
    const kept = await post(hub.gatewayUrl, query, { 'x-request-id': 'obs-request-0001' });
    expect(kept.headers.get('x-request-id')).toBe('obs-request-0001');
    const malformed = await post(hub.gatewayUrl, query, { 'x-request-id': 'bad id with spaces <script>' });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await post(hub.gatewayUrl, query);
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.headers.get('x-request-id')).not.toBe(malformed.headers.get('x-request-id'));
  });

  it('traces one federated request: the gateway, each subgraph call, each subgraph and its SQL, in one trace', async () => {
    exporter.reset();
    const officer = await hub.token('91', ['OFFICER']);
    const response = await post(
      hub.gatewayUrl,
      {
        query: `query ObsTrace {
          unit(code: "91") {
            name
            dossierStats(from: "2024-01-01", to: "2024-12-31") { received }
            certificateStats { total }
            inspectionCoverage(year: 2024) { planned }
          }
        }`,
      },
      { authorization: `Bearer ${officer}`, 'x-request-id': 'obs-trace-request' },
    );
    const body = (await response.json()) as { data?: { unit?: { name?: string } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.unit?.name).toBe('Kiên Giang');

    // The server span ends when the answer has gone out: wait for it.
    let spans: ReadableSpan[] = [];
    let root: ReadableSpan | undefined;
    for (let attempt = 0; attempt < 200 && !root; attempt += 1) {
      spans = exporter.getFinishedSpans();
      root = spans.find((span) => span.name === 'gateway POST /graphql' && span.attributes['hub.request_id'] === 'obs-trace-request');
      if (!root) await new Promise((done) => setTimeout(done, 50));
    }
    expect(root).toBeDefined();
    expect(root!.kind).toBe(SpanKind.SERVER);
    const traceId = root!.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const chain: ReadableSpan[] = [];
      for (let parent = span.parentSpanContext && byId.get(span.parentSpanContext.spanId); parent; parent = parent.parentSpanContext && byId.get(parent.parentSpanContext.spanId)) chain.push(parent);
      return chain;
    };

    for (const subgraph of ['institutions', 'procedures', 'documents', 'inspections']) {
      // The gateway's call to it...
      const call = inTrace.find((span) => span.name === `subgraph ${subgraph}`);
      expect({ subgraph, call: call?.kind }).toEqual({ subgraph, call: SpanKind.CLIENT });
      expect(ancestors(call!)).toContain(root);
      // ...arrives with its traceparent: the subgraph's server span continues it (a remote parent)...
      const server = inTrace.find((span) => span.name === `${subgraph} POST /graphql` && ancestors(span).includes(call!));
      expect({ subgraph, server: server?.kind, remote: server?.parentSpanContext?.isRemote }).toEqual({ subgraph, server: SpanKind.SERVER, remote: true });
      // ...with the request id the gateway passed on...
      expect(server!.attributes['hub.request_id']).toBe('obs-trace-request');
      // ...and its SQL statements below it.
      const sql = inTrace.filter((span) => span.attributes['db.query.text'] !== undefined && span.attributes['hub.service'] === subgraph && ancestors(span).includes(server!));
      expect({ subgraph, statements: sql.length > 0 }).toEqual({ subgraph, statements: true });
      for (const statement of sql) {
        expect(statement.kind).toBe(SpanKind.CLIENT);
        expect(statement.attributes['db.system.name']).toBe(kind === 'sqlite' ? 'sqlite' : 'mysql');
      }
    }
    // No span holds a value of the request: statements keep their placeholders, never parameters.
    const recorded = JSON.stringify(inTrace.map((span) => span.attributes));
    expect(recorded).not.toContain(officer);
  });
});

describe('operation names as metric labels', () => {
  it('are bounded: anonymous without a name, other past the cap or for a name that is no GraphQL name', () => {
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('Dossiers__procedures__0')).toBe('Dossiers');
    expect(operationLabel('not a name')).toBe('other');
    expect(operationLabel('x'.repeat(65))).toBe('other');
    const labels = new Set<string>();
    for (let index = 0; index < MAX_OPERATION_LABELS + 50; index += 1) labels.add(operationLabel(`Generated${index}`));
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
    expect(labels.has('other')).toBe(true);
  });
});
