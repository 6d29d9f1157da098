import type { Request, Response } from 'express';

/** `/health`: the gateway is up, and each subgraph's own `/health` with its database. */
export function healthHandler(subgraphs: () => { name: string; url: string }[]) {
  return async (_request: Request, response: Response) => {
    const checks = await Promise.all(
      subgraphs().map(async ({ name, url }) => {
        try {
          const answer = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
          return [name, answer.ok ? 'ok' : `down (${answer.status})`] as const;
        } catch (error) {
          return [name, `down (${(error as Error).message})`] as const;
        }
      }),
    );
    const healthy = checks.every(([, status]) => status === 'ok');
    response.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', gateway: 'ok', subgraphs: Object.fromEntries(checks) });
  };
}
