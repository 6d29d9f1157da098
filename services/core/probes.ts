import type { Request, Response } from 'express';
import { isTimeout } from './deadline';

/**
 * Probes for orchestrators (Kubernetes, docker-compose, a load balancer), on every process:
 *
 * - `GET /live`: the process answers (HTTP 200 `{ status: 'live', service }`). Never asks
 *   anything else, so a slow dependency never gets a healthy process restarted.
 * - `GET /ready`: the process can serve: each of its checks passes (its database, the
 *   institutions subgraph it looks units up in, ...). HTTP 200 `{ status: 'ready', service,
 *   checks: { name: 'ok' } }`, else HTTP 503 `{ status: 'not ready', service, checks: { name:
 *   'down (why)' }, down: [names] }`; also 503 once the process is shutting down, so traffic
 *   moves elsewhere while what is in flight finishes. No host, port or URL is ever named.
 *
 * `/health` keeps its own, more detailed answer (gateway/health.ts, core/subgraph-server.ts).
 */

/** How long one readiness check may take (the same 2 s as `/health`). */
export const CHECK_TIMEOUT_MS = 2000;

/** One thing a process needs to serve; `check` resolves when it answers and throws (with why) when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export const liveHandler = (service: string) => (_request: Request, response: Response) => {
  response.json({ status: 'live', service });
};

/** A failed check whose message names no address and no secret, so it may be shown. */
export class NotReady extends Error {}

/** The `why` of a failed check: only a NotReady's own words; a driver's error (which may name a host) is not shown. */
function reasonOf(error: unknown): string {
  if (isTimeout(error)) return `no answer within ${CHECK_TIMEOUT_MS / 1000} s`;
  return error instanceof NotReady ? error.message : 'does not answer';
}

/** The check's own promise, or a TimeoutError once CHECK_TIMEOUT_MS has passed (a database that hangs). */
function withinCheckTime(running: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_done, fail) => {
    timer = setTimeout(() => fail(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), CHECK_TIMEOUT_MS);
  });
  return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check at once; each is `ok` or `down (why)`. */
export async function runChecks(checks: ReadinessCheck[]): Promise<{ checks: Record<string, string>; down: string[] }> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withinCheckTime(check());
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, `down (${reasonOf(error)})`] as const;
      }
    }),
  );
  return { checks: Object.fromEntries(results), down: results.filter(([, state]) => state !== 'ok').map(([name]) => name) };
}

/** `GET /ready`: 200 when every check passes and the process is not stopping, else 503 naming what is down. */
export function readyHandler(service: string, checks: () => ReadinessCheck[], stopping: () => boolean) {
  return async (_request: Request, response: Response) => {
    if (stopping()) return void response.status(503).json({ status: 'not ready', service, checks: {}, down: ['shutting down'] });
    const { checks: states, down } = await runChecks(checks());
    response.status(down.length === 0 ? 200 : 503).json({ status: down.length === 0 ? 'ready' : 'not ready', service, checks: states, ...(down.length ? { down } : {}) });
  };
}

/**
 * A hub process it depends on is ready: its `/ready` (next to its `/graphql` URL) answers 200.
 * A process that answers 503 is `not ready`; one that does not answer is `unreachable`.
 */
export function processReady(name: string, graphqlUrl: () => string): ReadinessCheck {
  return {
    name,
    async check() {
      let answer: globalThis.Response;
      try {
        answer = await fetch(graphqlUrl().replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      } catch (error) {
        if (isTimeout(error)) throw error;
        throw new NotReady('unreachable');
      }
      await answer.body?.cancel();
      if (!answer.ok) throw new NotReady(answer.status === 503 ? 'not ready' : `HTTP ${answer.status}`);
    },
  };
}
