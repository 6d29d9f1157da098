import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { PublicAnswerMemo } from '../../gateway/cache/answer-memo';
import type { CacheGeneration } from '../../gateway/cache/cache-generation';
import type { GatewayContext } from '../../gateway/principal-forwarding';

/**
 * The public-answer memo's own rules (gateway/cache/answer-memo.ts): what it keeps and for how
 * long. Through the real gateway, caching.test.ts shows it serving, refusing principals and
 * counting against the rate limit; here the clock is moved (jest's system time) to pass an
 * answer's lifetime without waiting for it.
 */
describe('public-answer memo', () => {
  const generation = { value: 'g1' };
  const memo = new PublicAnswerMemo(generation as CacheGeneration);
  const body = { query: 'query Units { units { totalCount } }', variables: { first: 1 } };
  const answerText = '{"data":{"units":{"totalCount":63}}}';

  /** Apollo's willSendResponse as the memo's plugin sees it, for one request. */
  async function note(context: GatewayContext, options: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE'; errors?: unknown[]; hitAge?: number; operation?: string } = {}) {
    const listener = await memo.plugin().requestDidStart!({} as never);
    const headers = new HeaderMap();
    if (options.hitAge !== undefined) headers.set('age', String(options.hitAge));
    const maxAge = options.maxAge ?? 60;
    await listener!.willSendResponse!({
      contextValue: context,
      operation: { operation: options.operation ?? 'query' },
      operationName: 'Units',
      response: { body: { kind: 'single', singleResult: { data: { units: { totalCount: 63 } }, errors: options.errors } }, http: { headers } },
      overallCachePolicy: { policyIfCacheable: () => (maxAge > 0 ? { maxAge, scope: options.scope ?? 'PUBLIC' } : null) },
      metrics: { responseCacheHit: options.hitAge !== undefined },
    } as never);
  }

  const apolloAnswer = (): HTTPGraphQLResponse => ({
    status: undefined,
    headers: new HeaderMap([['content-type', 'application/json; charset=utf-8'], ['cache-control', 'no-store']]),
    body: { kind: 'complete', string: answerText },
  });

  /** One request through the memo: its answer if kept, else Apollo's (noted as `options` says) kept. */
  async function ask(options: Parameters<typeof note>[1] = {}, context: GatewayContext = {}) {
    const key = memo.keyOf(context, 'POST', body, undefined);
    if (key === undefined) return 'not-applicable';
    const kept = memo.answer(key);
    if (kept) return kept;
    await note(context, options);
    memo.keep(key, context, apolloAnswer());
    return 'apollo';
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-06-01T03:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    generation.value = `g-${Math.random()}`;
  });
  afterEach(() => jest.useRealTimers());

  it('gives the kept text again, with its age, until its lifetime ends', async () => {
    expect(await ask({ maxAge: 60 })).toBe('apollo');
    jest.setSystemTime(Date.now() + 30_000);
    const again = (await ask()) as HTTPGraphQLResponse;
    expect(again.body).toEqual({ kind: 'complete', string: answerText });
    expect(again.headers.get('age')).toBe('30');
    expect(again.headers.get('cache-control')).toBe('no-store');
    jest.setSystemTime(Date.now() + 30_000);
    expect(await ask()).toBe('apollo');
  });

  it('counts the lifetime of an answer the shared cache served from when it was made (a second more, its age being whole seconds)', async () => {
    expect(await ask({ maxAge: 60, hitAge: 50 })).toBe('apollo');
    jest.setSystemTime(Date.now() + 8_000);
    expect(typeof (await ask())).toBe('object');
    jest.setSystemTime(Date.now() + 1_000);
    expect(await ask()).toBe('apollo');
  });

  it('keeps nothing uncacheable: errors, a private or no lifetime, a mutation', async () => {
    for (const options of [{ errors: [{ message: 'refused' }] }, { scope: 'PRIVATE' as const }, { maxAge: 0 }, { operation: 'mutation' }]) {
      generation.value = `g-${Math.random()}`;
      expect(await ask(options)).toBe('apollo');
      expect(await ask()).toBe('apollo');
    }
  });

  it('drops every answer with a new generation', async () => {
    expect(await ask()).toBe('apollo');
    expect(typeof (await ask())).toBe('object');
    generation.value = 'after-a-write';
    expect(await ask()).toBe('apollo');
  });

  it('applies to anonymous POSTs of a plain operation only', () => {
    const principal = { subject: 'someone' } as unknown as GatewayContext['principal'];
    expect(memo.keyOf({ principal }, 'POST', body, undefined)).toBeUndefined();
    expect(memo.keyOf({}, 'GET', body, undefined)).toBeUndefined();
    expect(memo.keyOf({}, 'POST', { ...body, extensions: { persistedQuery: {} } }, undefined)).toBeUndefined();
    expect(memo.keyOf({}, 'POST', [body], undefined)).toBeUndefined();
    expect(memo.keyOf({}, 'POST', body, 'application/json')).not.toBe(memo.keyOf({}, 'POST', body, 'application/graphql-response+json'));
  });
});
