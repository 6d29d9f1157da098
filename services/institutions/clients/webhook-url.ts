import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { env, isProduction } from '../../core/config';
import { badInput } from '../../core/errors';

/**
 * Which URLs a webhook may have (README, "Webhooks"), so the hub cannot be made to probe its own
 * network: the host and port must be on the allow-list `HUB_WEBHOOK_ALLOWED_HOSTS`
 * (comma-separated `host[:port]`; without a port, the scheme's default port only; empty: no
 * webhook at all), with no credentials in the URL; https only, except plain http to 127.0.0.1
 * outside production (development and tests). Checked at registration (BAD_USER_INPUT) and again
 * at every delivery, where the name is resolved once and the connection goes to that very
 * address (`deliveryTarget`), which must not be internal unless the allow-list names it (with that port).
 */
export const MAX_URL_LENGTH = 2000;
const LOCAL_HTTP_HOST = '127.0.0.1';
const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/** The allow-list as `host:port` entries (host lower-cased, IPv6 in brackets as URL writes it). */
export function allowedHosts(): string[] {
  return (env('HUB_WEBHOOK_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

const portOf = (url: URL) => url.port || DEFAULT_PORTS[url.protocol];

/** Why a URL may not be a webhook's, or null when it may (the rule above, the allow-list as configured now). */
export function urlRefusal(text: string): string | null {
  if (text.length > MAX_URL_LENGTH) return `url must have at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url is not an absolute URL';
  }
  if (url.username || url.password) return 'url must not carry credentials';
  if (url.hash) return 'url must not have a fragment';
  const localHttp = url.protocol === 'http:' && url.hostname === LOCAL_HTTP_HOST && !isProduction();
  if (url.protocol !== 'https:' && !localHttp) return isProduction() ? 'url must use https' : 'url must use https (http only to 127.0.0.1 outside production)';
  const host = url.hostname.toLowerCase();
  const allowed = allowedHosts().some((entry) => entry === `${host}:${portOf(url)}` || (entry === host && !url.port));
  if (!allowed) return `url's host and port are not on the allow-list (HUB_WEBHOOK_ALLOWED_HOSTS)`;
  return null;
}

/** The URL as it will be stored, or BAD_USER_INPUT naming the rule it breaks. */
export function assertWebhookUrl(text: string): string {
  const refusal = urlRefusal(text.trim());
  if (refusal) throw badInput(refusal, 'url');
  return new URL(text.trim()).toString();
}

/** Loopback, private, link-local, carrier-grade NAT, unique-local, unspecified and multicast ranges. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

export const isInternalAddress = (address: string) => INTERNAL.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

export interface DeliveryTarget {
  url: URL;
  /** The address the connection goes to: resolved once, here, so a second answer of the DNS cannot move it. */
  address: string;
  family: 4 | 6;
}

/**
 * The address a delivery connects to, or a thrown Error saying why not: the URL must pass the
 * allow-list as configured now, and its name must resolve to an address that is not internal,
 * unless the allow-list names that address itself with the URL's port (127.0.0.1 in development
 * and tests).
 */
export async function deliveryTarget(text: string): Promise<DeliveryTarget> {
  const refusal = urlRefusal(text);
  if (refusal) throw new Error(`refused: ${refusal}`);
  const url = new URL(text);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const { address, family } = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host, { verbatim: true });
  // The address itself must be on the list, with the URL's port, as a URL would write it.
  const written = family === 6 ? `[${address}]` : address;
  const named = allowedHosts().some((entry) => entry === `${written}:${portOf(url)}` || (entry === written && !url.port));
  if (isInternalAddress(address) && !named) throw new Error('refused: the host resolves to an internal address that the allow-list does not name');
  return { url, address, family: family === 6 ? 6 : 4 };
}
