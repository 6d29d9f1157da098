import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';
import { deliveryTarget } from '../clients/webhook-url';
import type { StoredEvent } from './stored-event';

export interface AttemptOutcome {
  ok: boolean;
  /** The receiver's HTTP status, or null when it gave none (refused, unreachable, timed out). */
  status: number | null;
  /** Why it failed, without the receiver's address. */
  error: string | null;
}

/** The body of every delivery (Standard Webhooks' shape): `{ type, timestamp, data }`, `data` the HubEvent. */
export const deliveryBody = (event: StoredEvent) => JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: JSON.parse(event.body) });

/**
 * One attempt: POSTs the event to the webhook's URL, signed per Standard Webhooks (`webhook-id`
 * is the event id, the same on every attempt so the receiver can drop a duplicate;
 * `webhook-timestamp` this attempt's time; `webhook-signature` v1, HMAC-SHA256 with the
 * webhook's secret, by the `standardwebhooks` package). The connection goes to the address
 * `deliveryTarget` checked; a redirect is not followed (it is a failed attempt). Only a 2xx
 * answer is a delivery.
 */
export async function attemptDelivery(url: string, secret: string, event: StoredEvent, timeoutMs: number): Promise<AttemptOutcome> {
  let target;
  try {
    target = await deliveryTarget(url);
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message.slice(0, 300) };
  }
  const body = deliveryBody(event);
  const sentAt = new Date();
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'gov-federation-hub-webhooks/1',
    host: target.url.host,
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Signer(secret).sign(event.id, sentAt, body),
  };
  const https = target.url.protocol === 'https:';
  const options = {
    host: target.address,
    family: target.family,
    port: Number(target.url.port || (https ? 443 : 80)),
    path: `${target.url.pathname}${target.url.search}`,
    method: 'POST',
    headers,
    // The certificate is checked against the URL's name, though the connection goes to the checked address.
    ...(https && !isIP(target.url.hostname) ? { servername: target.url.hostname } : {}),
  };
  return new Promise<AttemptOutcome>((resolve) => {
    const sent = (https ? httpsRequest : httpRequest)(options, (response) => {
      response.resume();
      const status = response.statusCode ?? null;
      const ok = status !== null && status >= 200 && status < 300;
      response.on('end', () => resolve({ ok, status, error: ok ? null : `the receiver answered ${status}` }));
      response.on('error', () => resolve({ ok: false, status, error: 'the answer broke off' }));
    });
    sent.setTimeout(timeoutMs, () => sent.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    sent.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, status: null, error: `connection failed: ${error.code ?? error.message}`.slice(0, 300) }));
    sent.end(body);
  });
}
