import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { fetchFieldPaths, documentOf } from './fetch-paths';
import { BUDGET_HEADER, budgetLeft, DeadlineExceeded, isTimeout, partUnavailable, type Deadline } from '../services/core/deadline';
import { PRINCIPAL_HEADER, operationHash, signPrincipal, type Principal } from '../services/core/principal';
import type { ClientRecord } from '../services/core/service-client-record';
import { SpanKind } from '@opentelemetry/api';
import { forwardedRequestId } from '../services/core/observability/http-scope';
import { logger } from '../services/core/observability/logger';
import { sharedSubgraphCalls, subgraphCallDuration } from '../services/core/observability/metrics';
import { inSpan } from '../services/core/observability/tracing';
import { InFlight } from './cache/in-flight';
import { postToSubgraph } from './subgraph-http';

export interface GatewayContext {
  /** The verified principal; absent for an anonymous request. */
  principal?: Principal;
  /** The registered client behind a SERVICE principal. */
  client?: ClientRecord;
  /** When the answer to the client is due (epoch ms): each subgraph call gets what is left of it. */
  deadline?: Deadline;
  /**
   * One operation's token for the public-answer memo (gateway/cache/answer-memo.ts): Apollo's
   * plugins see a shallow copy of the context, so the operation is known by this member.
   */
  memoToken?: object;
}

/** How long the gateway waits (gateway/config.ts: HUB_REQUEST_TIMEOUT_MS, HUB_SUBGRAPH_TIMEOUT_MS). */
export interface GatewayDeadlines {
  /** A client request's whole budget, from its arrival. */
  requestMs: number;
  /** The most one subgraph call may take, within what is left of the request's budget. */
  subgraphMs: number;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

/** Whether identical calls in flight share one (HUB_DEDUP), and the cache generation they must agree on. */
export interface CallSharing {
  deduplicate: boolean;
  /** Changes when a write went through (gateway/cache/cache-generation.ts): no later read joins an earlier call. */
  generation: () => string;
}

/** A subgraph's answer as every sharer receives it: its own copy, and the Cache-Control hint. */
interface SharedAnswer {
  body: string;
  cacheControl: string | null;
}

/** A subgraph answered a non-2xx status with GraphQL errors in its body: those errors are its answer. */
class SubgraphRefused extends GraphQLError {
  constructor(readonly body: { data?: Record<string, unknown> | null; errors: GraphQLFormattedError[] }) {
    super('subgraph answered with errors');
  }
}

/**
 * Sends each subgraph request with the verified principal, signed with the internal key for
 * that request alone (its query, once), and naming the client's operation for the audit log.
 * The client's own Authorization header is not passed on: subgraphs trust only the gateway's
 * signature.
 *
 * Each call has a deadline: what is left of the client request's budget, at most
 * `deadlines.subgraphMs`; the subgraph is told the same budget (BUDGET_HEADER) for its own
 * calls. A subgraph that is down, frozen or answers no GraphQL leaves its fields null, each with
 * a SERVICE_UNAVAILABLE error at its path that names the subgraph and never its address; the rest
 * of the answer stays (docs/architecture.md, "Partial answers"). A subgraph that refuses with a
 * non-2xx status and GraphQL errors in its body (a bad variable: 400) keeps its codes and messages.
 */
export class PrincipalForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly deadlines: GatewayDeadlines,
    private readonly sharing: CallSharing = { deduplicate: false, generation: () => '' },
  ) {
    super({ url });
    this.fetcher = this.fetchWithDeadline;
  }

  override async willSendRequest(options: ProcessOptions) {
    const { request, context } = options;
    const budget = budgetLeft((context as GatewayContext | undefined)?.deadline, this.deadlines.subgraphMs);
    if (budget <= 0) throw new DeadlineExceeded(`${this.subgraph} call`);
    request.http?.headers.set(BUDGET_HEADER, String(budget));
    for (const [name, value] of Object.entries(forwardedRequestId())) request.http?.headers.set(name, value);
    const principal = (context as GatewayContext | undefined)?.principal;
    if (!principal) return;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const clientQuery = incoming?.source ?? incoming?.request.query;
    const operation = clientQuery ? { name: incoming?.operationName ?? incoming?.request.operationName ?? null, hash: operationHash(clientQuery) } : undefined;
    request.http?.headers.set(PRINCIPAL_HEADER, await signPrincipal(principal, request.query ?? '', operation));
  }

  private readonly inFlight = new InFlight<SharedAnswer>();

  /**
   * Identical queries in flight to this subgraph share one call (signed once, for the caller
   * that made it), keyed by `sharingKey`. Each sharer gets its own copy of the answer (the
   * executor merges into what it receives) and folds the subgraph's Cache-Control hint into its
   * own operation's cache policy, as Apollo's data source does for the caller that made the call.
   */
  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const key = this.sharingKey(options);
    if (key === undefined) return this.call(options);
    const { value, shared } = await this.inFlight.share(key, async () => {
      const response = await this.call(options);
      const { data, errors, extensions } = response;
      return { body: JSON.stringify({ data, errors, extensions }), cacheControl: response.http?.headers.get('cache-control') ?? null };
    });
    if (shared) sharedSubgraphCalls.inc({ subgraph: this.subgraph });
    restrictCachePolicy(options, value.cacheControl);
    return JSON.parse(value.body) as GatewayGraphQLResponse;
  }

  /**
   * What two calls must have in common to share one: the cache generation, the subgraph
   * document, its variables and operation name; and both must be anonymous (docs/architecture.md,
   * rule 14). A principal's calls never share: each is its own signed call, so every read of
   * personal data is audited once per request with that request's id (rule 11), and no answer
   * crosses principals. Mutations never share.
   */
  private sharingKey(options: ProcessOptions): string | undefined {
    if (!this.sharing.deduplicate || !('incomingRequestContext' in options)) return undefined;
    if ((options.context as GatewayContext | undefined)?.principal) return undefined;
    const { request, incomingRequestContext: incoming } = options;
    if (incoming.operation?.operation !== 'query' || !request.query || /^\s*mutation\b/.test(request.query)) return undefined;
    return JSON.stringify([this.sharing.generation(), request.operationName ?? null, request.query, request.variables ?? {}]);
  }

  /** One subgraph call: a `subgraph <name>` span (its HTTP request, with `traceparent`, below it) and `hub_subgraph_call_duration_seconds`. */
  private async call(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    let outcome: 'ok' | 'errors' | 'unavailable' = 'ok';
    try {
      return await inSpan(`subgraph ${this.subgraph}`, { 'hub.subgraph': this.subgraph }, async () => {
        try {
          const response = await super.process(options);
          if (response.errors?.length) outcome = 'errors';
          return response;
        } catch (error) {
          // An answer made here has no hint: it is never cached.
          restrictCachePolicy(options, null);
          if (error instanceof SubgraphRefused) {
            outcome = 'errors';
            return this.refused(options, error.body);
          }
          outcome = 'unavailable';
          return this.unavailable(options, error);
        }
      }, SpanKind.CLIENT);
    } finally {
      subgraphCallDuration.observe({ subgraph: this.subgraph, outcome }, (performance.now() - started) / 1000);
    }
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = await this.parseBody(response).catch(() => undefined);
    const errors = (body as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(errors) && errors.length > 0) return new SubgraphRefused(body as SubgraphRefused['body']);
    // No GraphQL answer (a proxy's 502, a crash): the subgraph is unavailable. The status
    // and URL stay in the gateway's log, never in the answer.
    return new GraphQLError(`${this.subgraph} answered HTTP ${response.status} without GraphQL errors`);
  }

  /** The budget travels in the header willSendRequest set; the signal cuts the call when it runs out. */
  private readonly fetchWithDeadline: Fetcher = (url: string, init?: FetcherRequestInit) => {
    const budget = Number(init?.headers?.[BUDGET_HEADER] ?? this.deadlines.subgraphMs);
    return postToSubgraph(url, init, AbortSignal.timeout(Math.max(1, budget)));
  };

  /** The subgraph's own errors; one without a path is put at the first field of the fetch. */
  private refused(options: ProcessOptions, body: SubgraphRefused['body']): GatewayGraphQLResponse {
    const document = documentOf(options);
    const first = document ? fetchFieldPaths(document, options.request.variables)[0] : undefined;
    const errors = body.errors.map((error) => (error.path || !first ? error : { ...error, path: first }));
    return { data: body.data ?? undefined, errors };
  }

  /** Every field of the fetch null, each with SERVICE_UNAVAILABLE at its path. */
  private unavailable(options: ProcessOptions, cause: unknown): GatewayGraphQLResponse {
    // The address and the cause stay in the log, never in the answer.
    logger().warn({ subgraph: this.subgraph, ...(isTimeout(cause) ? { reason: 'no answer before the deadline' } : { err: cause }) }, 'subgraph call failed');
    const error = partUnavailable(this.subgraph, cause);
    const document = documentOf(options);
    const paths = document ? fetchFieldPaths(document, options.request.variables) : [];
    const formatted = { message: error.message, extensions: { code: error.extensions.code } };
    return { errors: paths.length ? paths.map((path) => ({ ...formatted, path })) : [formatted] };
  }
}

/**
 * Folds a subgraph's `Cache-Control` into the operation's cache policy, as Apollo's
 * RemoteGraphQLDataSource does: `max-age=N, public` lets the answer be cached for N seconds,
 * anything else (none, `no-store`, `private`) makes it uncacheable.
 */
function restrictCachePolicy(options: ProcessOptions, header: string | null): void {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const maxAge = /(?:^|,)\s*max-age=(\d+)\s*(?:,|$)/.exec(header ?? '')?.[1];
  const isPublic = /(?:^|,)\s*public\s*(?:,|$)/.test(header ?? '');
  policy.restrict(maxAge && isPublic ? { maxAge: Number(maxAge), scope: 'PUBLIC' } : { maxAge: 0 });
}
