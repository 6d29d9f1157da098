import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { startTracing, stopTracing } from '../../services/core/observability/tracing';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * Traces exported by configuration alone: a tiny OTLP/HTTP collector on 127.0.0.1, named to each
 * subgraph process (the built programs) by the standard `OTEL_EXPORTER_OTLP_ENDPOINT`. The gateway
 * runs in this process with an in-memory exporter (the OTLP exporter loads its HTTP client with a
 * dynamic import, which jest's module system does not run). The one trace of a federated request
 * is put together from what five processes recorded, linked only by the `traceparent` headers
 * between them.
 */
const TIMEOUT_MS = 900_000;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
  service: string;
}

interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: Omit<OtlpSpan, 'service'>[] }[];
  }[];
}

describe('traces sent to an OTLP endpoint (SQLite, a process per subgraph)', () => {
  const received: OtlpSpan[] = [];
  let collector: Server;
  let hub: ProcessHub;
  const gatewaySpans = new InMemorySpanExporter();

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        let raw = Buffer.concat(chunks);
        if (request.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
        const body = JSON.parse(raw.toString('utf8')) as OtlpBody;
        for (const resource of body.resourceSpans ?? []) {
          const service = resource.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
          for (const scope of resource.scopeSpans ?? []) for (const span of scope.spans ?? []) received.push({ ...span, service });
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    startTracing({ serviceName: 'hub-gateway', exporter: gatewaySpans });
    hub = await startProcessHub('sqlite', 'observability-otlp', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' } });
  }, TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await stopTracing();
    await new Promise((done) => collector?.close(done));
  });

  it(
    'receives one trace of a federated request from the gateway and from each subgraph, with their SQL',
    async () => {
      const token = await mintDevToken({ unit: '91', roles: ['OFFICER'] });
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'otlp-trace-request' },
        body: JSON.stringify({
          query: `query OtlpTrace { unit(code: "91") { name dossierStats(from: "2024-01-01", to: "2024-12-31") { received } certificateStats { total } inspectionCoverage(year: 2024) { planned } } }`,
        }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      // The subgraphs send theirs every 100 ms; the gateway's end once its answer has gone out.
      const fromGateway = (): OtlpSpan[] =>
        gatewaySpans.getFinishedSpans().map((span) => ({
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          parentSpanId: span.parentSpanContext?.spanId,
          name: span.name,
          attributes: Object.entries(span.attributes).map(([key, value]) => ({ key, value: { stringValue: String(value) } })),
          service: 'hub-gateway',
        }));

      const subgraphs = ['institutions', 'procedures', 'documents', 'inspections'];
      const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((candidate) => candidate.key === key)?.value.stringValue;
      let root: OtlpSpan | undefined;
      let inTrace: OtlpSpan[] = [];
      const complete = () => {
        const spans = [...fromGateway(), ...received];
        root = spans.find((span) => span.name === 'gateway POST /graphql' && attribute(span, 'hub.request_id') === 'otlp-trace-request');
        inTrace = root ? spans.filter((span) => span.traceId === root!.traceId) : [];
        return subgraphs.every((subgraph) => inTrace.some((span) => span.service === `hub-${subgraph}` && attribute(span, 'db.query.text')));
      };
      for (let attempt = 0; attempt < 600 && !complete(); attempt += 1) await new Promise((done) => setTimeout(done, 100));

      expect(root?.service).toBe('hub-gateway');
      const byId = new Map(inTrace.map((span) => [span.spanId, span]));
      const ancestors = (span: OtlpSpan) => {
        const chain: OtlpSpan[] = [];
        for (let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; parent; parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined) chain.push(parent);
        return chain;
      };
      for (const subgraph of subgraphs) {
        const call = inTrace.find((span) => span.service === 'hub-gateway' && span.name === `subgraph ${subgraph}`);
        expect({ subgraph, call: call !== undefined }).toEqual({ subgraph, call: true });
        const server = inTrace.find((span) => span.service === `hub-${subgraph}` && span.name === `${subgraph} POST /graphql` && ancestors(span).includes(call!));
        expect({ subgraph, server: server !== undefined }).toEqual({ subgraph, server: true });
        const sql = inTrace.filter((span) => span.service === `hub-${subgraph}` && attribute(span, 'db.query.text') && ancestors(span).includes(server!));
        expect({ subgraph, sql: sql.length > 0 }).toEqual({ subgraph, sql: true });
      }
      expect(JSON.stringify(received)).not.toContain(token);
    },
    TIMEOUT_MS,
  );
});
