import type { Request, Response } from 'express';
import { isTimeout } from '../services/core/deadline';
import { processReady, type ReadinessCheck } from '../services/core/probes';

/** How long `/health` waits for each subgraph's own `/health`. */
const CHECK_TIMEOUT_MS = 2000;

/** One subgraph's state, in words that name no address: `ok`, or `down (…)` with why. */
async function checkSubgraph(url: string): Promise<string> {
  try {
    const answer = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (answer.ok) return 'ok';
    const body = (await answer.json().catch(() => ({}))) as { status?: string };
    // A subgraph answers 503 when its database does not answer.
    return body.status === 'down' ? 'down (its database does not answer)' : `down (HTTP ${answer.status})`;
  } catch (error) {
    return isTimeout(error) ? `down (no answer within ${CHECK_TIMEOUT_MS / 1000} s)` : 'down (unreachable)';
  }
}

/**
 * `/health`: the gateway is up, and each subgraph's own `/health` with its database. HTTP 200
 * `{ status: 'ok', gateway: 'ok', subgraphs: { institutions: 'ok', … } }` when all are up,
 * else HTTP 503 with `status: 'degraded'`, each subgraph that is down as `down (why)` and
 * `down: [names]`. No host, port or URL is ever named.
 */
export function healthHandler(subgraphs: () => { name: string; url: string }[]) {
  return async (_request: Request, response: Response) => {
    const checks = await Promise.all(subgraphs().map(async ({ name, url }) => [name, await checkSubgraph(url)] as const));
    const down = checks.filter(([, status]) => status !== 'ok').map(([name]) => name);
    const healthy = down.length === 0;
    response
      .status(healthy ? 200 : 503)
      .json({ status: healthy ? 'ok' : 'degraded', gateway: 'ok', subgraphs: Object.fromEntries(checks), ...(healthy ? {} : { down }) });
  };
}

/**
 * What the gateway's `/ready` requires (core/probes.ts): the `/ready` of each subgraph named in
 * `required`, by default institutions alone. Institutions turns every token into a unit path
 * and keeps the audit log, so without it no signed-in request and no write can be served;
 * another subgraph that is down costs only its own fields (a partial answer, HTTP 200), and
 * taking every gateway out of service for it would turn that into no answer at all. `/health`
 * still names every subgraph that is down. Throws at start on a name the supergraph lacks.
 */
export function gatewayReadiness(subgraphs: { name: string; url: string }[], required = ['institutions']): ReadinessCheck[] {
  return required.map((name) => {
    const subgraph = subgraphs.find((candidate) => candidate.name === name);
    if (!subgraph) throw new Error(`HUB_READY_SUBGRAPHS: the supergraph has no subgraph "${name}"`);
    return processReady(name, () => subgraph.url);
  });
}
