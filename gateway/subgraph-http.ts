import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { request } from 'undici';

/**
 * A subgraph's HTTP answer, read whole, with what Apollo's data source and ours read of it:
 * status, headers (`Content-Type`, `Cache-Control`) and the body as text or JSON.
 */
class SubgraphAnswer {
  readonly ok: boolean;
  readonly statusText = '';

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Headers,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/**
 * The gateway's subgraph call: one POST through undici's `request` (the HTTP client behind
 * Node's `fetch`, kept alive per subgraph the same way) rather than `fetch`, whose WHATWG
 * streams, Request and Response objects were about a tenth of the gateway's CPU per call in the
 * verify-document profile (`npm run bench -- --only verify-document --profile <folder>`). `signal` ends the call (its deadline); a connection
 * refused, a reset or the deadline rejects, as `fetch` does. The `traceparent` is added by the
 * OpenTelemetry undici instrumentation, which follows both APIs (observability/tracing.ts).
 */
export async function postToSubgraph(url: string, init: FetcherRequestInit | undefined, signal: AbortSignal): Promise<FetcherResponse> {
  const answer = await request(url, {
    method: (init?.method ?? 'POST') as 'POST',
    headers: init?.headers,
    body: init?.body as string | undefined,
    signal,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  return new SubgraphAnswer(url, answer.statusCode, headers, await answer.body.text()) as unknown as FetcherResponse;
}
