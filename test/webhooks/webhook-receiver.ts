import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What `standardwebhooks` verified with the path's secret: the parsed body, or the error it threw. */
  verified: { ok: true; payload: any } | { ok: false; error: string };
}

/**
 * A webhook receiver on 127.0.0.1, as a partner would write one: it verifies each request with
 * the `standardwebhooks` package and the secret registered for its path, and answers the status
 * set for that path (200 unless told otherwise).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  readonly answers = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = request.url ?? '/';
        let verified: Received['verified'];
        try {
          verified = { ok: true, payload: new Webhook(this.secrets.get(path) ?? 'whsec_').verify(body, request.headers as Record<string, string>) };
        } catch (error) {
          verified = { ok: false, error: String((error as Error).message) };
        }
        this.received.push({ path, headers: request.headers, body, verified });
        response.statusCode = this.answers.get(path) ?? 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string) {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string) {
    return this.received.filter((request) => request.path === path);
  }

  close() {
    return new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Waits until `check` gives a value (not undefined/false), polling; throws after `ms`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, ms = 60_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
