import type { ApolloServerPlugin, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { graphqlDuration, graphqlRequests, operationLabel } from '../../services/core/observability/metrics';
import { requestScope } from '../../services/core/observability/request-scope';
import { treeDay } from '../../services/core/time/tree-day';
import { vietnamDayOf } from '../../services/core/time/vietnam-day';
import type { GatewayContext } from '../principal-forwarding';
import type { CacheGeneration } from './cache-generation';

/** Most answers kept in process; the least recently used goes first. */
const MAX_ENTRIES = 2000;
/** Largest answer body kept, in characters: a big answer is rare and costs its planning anyway. */
const MAX_BODY_CHARS = 256 * 1024;
/** All bodies kept, in characters (some 32 MB of memory at most). */
const MAX_TOTAL_CHARS = 16 * 1024 * 1024;

/** What Apollo answered to one anonymous request, and until when it may be answered again. */
interface Entry {
  status: number | undefined;
  /** Apollo's headers but `age`, which is worked out at each answer. */
  headers: [string, string][];
  body: string;
  /** The operation's name as Apollo resolved it (from the document when the request names none), for the metrics. */
  operationName: string | null;
  /** When the answer was made (epoch ms), as the public-answer cache counts its age. */
  madeAt: number;
  expiresAt: number;
}

/** What the plugin saw of a cacheable answer, for the runner to keep with Apollo's serialized body. */
interface Cacheable {
  operationName: string | null;
  madeAt: number;
  expiresAt: number;
}

/** The body of a POST that can be answered from the memo: a query text, with its name and variables. */
interface PlainOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only the plain shape: a persisted-query hash (`extensions`) or anything odd goes through Apollo. */
function plainOperation(body: unknown): PlainOperation | undefined {
  if (!isPlainObject(body) || typeof body.query !== 'string') return undefined;
  for (const key of Object.keys(body)) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return undefined;
  if (body.operationName != null && typeof body.operationName !== 'string') return undefined;
  if (body.variables != null && !isPlainObject(body.variables)) return undefined;
  return body as unknown as PlainOperation;
}

/**
 * The public-answer cache's answers, kept in process and served before Apollo (README,
 * "Caching and deduplication"; docs/architecture.md, rule 14). Measured on the peers' bench
 * (`npm run bench -- --peers`), a cache hit still cost Apollo's whole request pipeline: parsing,
 * validation, the shape-limit, argument-value and cost analyses, the service-scope check, then
 * the response-cache plugin's lookup and the answer's serialization. An answer found here is
 * the very text Apollo sent for the same request (query text, operation name, variables, the
 * `accept` header), so each of those checks already passed for it; the Express steps before it
 * (request limits, authentication, the rate limit) and the safelist still run for every request.
 *
 * It serves only what the public-answer cache holds: an anonymous query's whole answer, without
 * error, every subgraph answer public; for the shortest of their lifetimes, counted from when
 * the answer was made; under the same generation, tree day and Vietnam day (a write anywhere,
 * or midnight, and it is no longer read). A request with a principal neither reads nor fills it.
 */
export class PublicAnswerMemo {
  private readonly entries = new Map<string, Entry>();
  /** Characters of the bodies kept. */
  private chars = 0;
  private readonly cacheable = new WeakMap<object, Cacheable>();

  constructor(private readonly generation: CacheGeneration) {}

  /**
   * The request's key, or undefined when the memo does not apply to it. With a key, `context`
   * gets its token, by which the plugin notes the answer for `keep`.
   */
  keyOf(context: GatewayContext, method: string, body: unknown, accept: string | undefined): string | undefined {
    if (context.principal || context.client || method !== 'POST') return undefined;
    const operation = plainOperation(body);
    if (!operation) return undefined;
    context.memoToken = {};
    return JSON.stringify([
      this.generation.value,
      treeDay(),
      vietnamDayOf(Date.now()),
      accept ?? '',
      operation.operationName ?? null,
      operation.query,
      operation.variables ?? {},
    ]);
  }

  /** The kept answer for `key`, counted in the metrics as Apollo's metrics plugin counts one; or undefined. */
  answer(key: string): HTTPGraphQLResponse | undefined {
    const started = performance.now();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = Date.now();
    if (entry.expiresAt <= now) {
      this.drop(key);
      return undefined;
    }
    // Most recently used last: the Map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const headers = new HeaderMap(entry.headers);
    headers.set('age', String(Math.round((now - entry.madeAt) / 1000)));
    const operation = operationLabel(entry.operationName);
    graphqlRequests.inc({ service: 'gateway', operation, outcome: 'ok' });
    graphqlDuration.observe({ service: 'gateway', operation, outcome: 'ok' }, (performance.now() - started) / 1000);
    const scope = requestScope();
    if (scope) {
      scope.executed += 1;
      scope.operations.push(operation);
    }
    return { status: entry.status, headers, body: { kind: 'complete', string: entry.body } };
  }

  /** Keeps Apollo's answer to the request of `key` when the plugin saw it cacheable. */
  keep(key: string, context: GatewayContext, response: HTTPGraphQLResponse) {
    const cacheable = context.memoToken && this.cacheable.get(context.memoToken);
    if (!cacheable || response.body.kind !== 'complete' || (response.status ?? 200) !== 200) return;
    if (response.body.string.length > MAX_BODY_CHARS || cacheable.expiresAt <= Date.now()) return;
    const headers = [...response.headers].filter(([name]) => name !== 'age');
    this.drop(key);
    this.entries.set(key, { status: response.status, headers, body: response.body.string, ...cacheable });
    this.chars += response.body.string.length;
    while (this.entries.size > MAX_ENTRIES || this.chars > MAX_TOTAL_CHARS) this.drop(this.entries.keys().next().value as string);
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.body.length;
  }

  /**
   * Placed after the public-answer cache: notes, for `keep`, an answer that cache serves or
   * writes (the same conditions as `@apollo/server-plugin-response-cache`: a query, anonymous,
   * data and no error, a cacheable policy that is not private) and its lifetime.
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    const cacheable = this.cacheable;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operation, operationName, response, overallCachePolicy, metrics }) {
            const token = contextValue.memoToken;
            if (!token || contextValue.principal || contextValue.client || operation?.operation !== 'query') return;
            if (response.body.kind !== 'single') return;
            const { data, errors } = response.body.singleResult;
            const policy = overallCachePolicy.policyIfCacheable();
            if (errors || !data || !policy || policy.scope === 'PRIVATE') return;
            const now = Date.now();
            // On a hit the cache gives its age in whole seconds: the answer may be up to a second older.
            const age = metrics.responseCacheHit ? Number(response.http.headers.get('age') ?? NaN) : 0;
            if (!Number.isFinite(age)) return;
            const madeAt = now - (metrics.responseCacheHit ? (age + 1) * 1000 : 0);
            cacheable.set(token, { operationName: operationName ?? null, madeAt, expiresAt: madeAt + policy.maxAge * 1000 });
          },
        };
      },
    };
  }
}
