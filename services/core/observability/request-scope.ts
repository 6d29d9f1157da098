import { context, createContextKey, trace, type Context } from '@opentelemetry/api';

/**
 * What the hub knows about the HTTP request a piece of code serves, for the log lines and the
 * request's metrics. It travels in the OpenTelemetry context (one AsyncLocalStorage for both),
 * so a line logged deep in a resolver still names its request and trace.
 */
export interface RequestScope {
  /** The process part that serves it: `gateway` or a subgraph's name. */
  service: string;
  /** The caller's `x-request-id` when well-formed, else one made here; echoed in the response. */
  requestId: string;
  /** Operation names (bounded labels) of the GraphQL operations it ran, in order. */
  operations: string[];
  /** Error codes (`extensions.code`) it answered, in order, repeats kept. */
  codes: string[];
  /** Operations that reached Apollo (counted by the metrics plugin; the rest are refusals before it). */
  executed: number;
}

const SCOPE = createContextKey('hub.request-scope');

export const withRequestScope = (parent: Context, scope: RequestScope): Context => parent.setValue(SCOPE, scope);

/** The scope of the request being served here, if any. */
export const requestScope = (): RequestScope | undefined => context.active().getValue(SCOPE) as RequestScope | undefined;

/** The trace id of the active span, when there is one (a hex string of 32 digits). */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && spanContext.traceId !== '00000000000000000000000000000000' ? spanContext.traceId : undefined;
}
