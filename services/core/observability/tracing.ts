import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { OTLPTraceExporter as OtlpExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { env } from '../config';

/**
 * OpenTelemetry traces (the Node SDK). Each process registers one tracer provider with the W3C
 * trace-context propagator: a request's `traceparent` goes with every call the hub makes with
 * `fetch` (the undici instrumentation: the gateway's subgraph calls, institutions lookups,
 * `/internal/*` calls), each process opens a server span for what it serves (`http-scope.ts`), and
 * each SQL statement is a span under it (`sql-spans.ts`). Apollo Gateway adds its own spans
 * (`gateway.request`, `gateway.plan`, `gateway.fetch`…).
 *
 * Export goes where the standard variables say: `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), OTLP over HTTP with JSON; `OTEL_TRACES_EXPORTER=none`
 * turns it off. Without an endpoint nothing is exported and nothing is recorded (spans are not
 * sampled), but trace ids are still made and carried, so log lines of one request share a
 * `traceId` across processes.
 */
export const TRACER_NAME = 'gov-federation-hub';
export const tracer = (): Tracer => trace.getTracer(TRACER_NAME);

export interface TracingOptions {
  /** `service.name` of the spans: `hub-gateway`, `hub-procedures`… */
  serviceName: string;
  /** Where spans go instead of the configured OTLP endpoint (tests: an in-memory exporter). */
  exporter?: SpanExporter;
  /**
   * Carries `traceparent` on every `fetch` (default true). Its listeners are process-wide
   * (diagnostics channels): only a process entry, or a test that stops its tracing, sets them.
   */
  instrumentFetch?: boolean;
}

let started: { provider: NodeTracerProvider; disable: () => void } | undefined;

const otlpConfigured = () =>
  env('OTEL_TRACES_EXPORTER')?.toLowerCase() !== 'none' && (env('OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined || env('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined);

/** The OTLP/HTTP exporter, configured by the OTEL_EXPORTER_OTLP_* variables; loaded only when one is set (it costs start-up time). */
function otlpExporter(): OtlpExporter {
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as { OTLPTraceExporter: new () => OtlpExporter };
  return new OTLPTraceExporter();
}

/** Registers the process's tracer provider, once; later calls keep the first. */
export function startTracing(options: TracingOptions): void {
  if (started) return;
  const exporter = options.exporter ?? (otlpConfigured() ? otlpExporter() : undefined);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    // An exporter given by a test sees every span at once; the OTLP one gets them in batches.
    spanProcessors: exporter ? [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)] : [],
    ...(exporter ? {} : { sampler: new AlwaysOffSampler() }),
  });
  provider.register();
  // Only calls made while serving a request: health polls and start-up lookups make no root spans.
  const disable =
    options.instrumentFetch === false
      ? () => undefined
      : registerInstrumentations({ tracerProvider: provider, instrumentations: [new UndiciInstrumentation({ requireParentforSpans: true })] });
  started = { provider, disable };
}

/**
 * Tracing for servers started without a process entry (the tests' in-process hubs): the context
 * that carries request ids and trace ids, without the process-wide `fetch` listeners, which would
 * outlive each test file.
 */
export const ensureTracing = (serviceName: string) => startTracing({ serviceName: `hub-${serviceName}`, instrumentFetch: false });

/** Sends what is buffered and stops (a process that exits, a test that ends). */
export async function stopTracing(): Promise<void> {
  const current = started;
  started = undefined;
  if (!current) return;
  current.disable();
  await current.provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/**
 * Runs `work` in a span of its own, ended with its outcome. A failure marks the span with the
 * error's class only: a message may hold values (a driver's "Duplicate entry 'Nguyễn…'").
 */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
      throw error;
    } finally {
      span.end();
    }
  });
}
