import { randomBytes } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { idempotent, type IdempotentResult, type TransactionalWrite } from '../../core/idempotency';
import { badInput, conflict } from '../../core/errors';
import { assertMayManageClient, notInScope, scopedLoader, scopesMayRead } from '../../core/access';
import { EVENT_TYPES } from '../../core/events/hub-event';
import { DeliveryStatus, WebhookDelivery } from '../events/webhook-delivery';
import { serviceClientById } from './client-access';
import { ClientStatus, type ServiceClient } from './service-client';
import { Webhook, type WebhookCredentials } from './webhook';
import type { RegisterWebhookInput } from './webhook-inputs';
import { assertWebhookUrl } from './webhook-url';

/** More webhooks than this per client is a mistake, not an integration. */
export const MAX_WEBHOOKS_PER_CLIENT = 10;
const now = () => new Date().toISOString();

/** `whsec_` + base64 of 256 random bits: the secret format of Standard Webhooks' libraries. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const newWebhookId = () => `whk-${randomBytes(8).toString('hex')}`;

/** The record type an event type is about: `dossier.received` -> `Dossier`, `finding.remedied` -> `Finding`. */
export const recordTypeOf = (type: string) => {
  const head = type.split('.')[0];
  return head.charAt(0).toUpperCase() + head.slice(1);
};

export const webhookById = (context: SubgraphContext) => scopedLoader(context, { entity: Webhook, label: 'Webhook' });
export const deliveryById = (context: SubgraphContext) => scopedLoader(context, { entity: WebhookDelivery, label: 'WebhookDelivery' });

/** A client of the caller's scope, active, that the caller (an ADMIN of its unit or above) may manage. */
async function managedClient(context: SubgraphContext, clientId: string, what: string): Promise<ServiceClient> {
  const client = await serviceClientById(context).load(clientId);
  if (!client) throw notInScope('ServiceClient');
  assertMayManageClient(context.principal, client.unitPath, what);
  if (client.status === ClientStatus.REVOKED) throw conflict(`Service client ${clientId} is revoked`);
  return client;
}

function assertEventTypes(types: string[], client: ServiceClient): string[] {
  const unique = [...new Set(types.map((type) => type.trim()))].sort();
  if (unique.length === 0) throw badInput('eventTypes needs at least one event type', 'eventTypes');
  const unknown = unique.filter((type) => !(EVENT_TYPES as readonly string[]).includes(type));
  if (unknown.length) throw badInput(`Unknown event type(s) ${unknown.join(', ')}: use ${EVENT_TYPES.join(', ')}`, 'eventTypes');
  const unreadable = unique.filter((type) => !scopesMayRead(client.scopes, recordTypeOf(type)));
  if (unreadable.length) throw badInput(`The client's scopes do not let it read the records of ${unreadable.join(', ')}`, 'eventTypes');
  return unique;
}

const REGISTERED: IdempotentResult<WebhookCredentials> = {
  idsOf: ({ webhook }) => [webhook.id],
  load: async (manager, [id]) => ({ webhook: await manager.getRepository(Webhook).findOneByOrFail({ id }), secret: null }),
};

/**
 * Registers a webhook (ADMIN of the client's unit or above); idempotent on `input.clientKey`, a
 * retry answered without the secret. Bad input is BAD_USER_INPUT and writes nothing; a client
 * outside the scope is NOT_FOUND as one that does not exist (rule 2).
 */
export function registerWebhook(context: SubgraphContext, input: RegisterWebhookInput): Promise<WebhookCredentials> {
  return idempotent(context, { mutation: 'registerWebhook', clientKey: input.clientKey, input, result: REGISTERED }, (write) => register(context, input, write));
}

async function register(context: SubgraphContext, input: RegisterWebhookInput, write: TransactionalWrite<WebhookCredentials>): Promise<WebhookCredentials> {
  const client = await managedClient(context, input.clientId, 'Registering a webhook');
  const url = assertWebhookUrl(input.url);
  const eventTypes = assertEventTypes(input.eventTypes, client);
  const webhooks = context.dataSource.getRepository(Webhook);
  if ((await webhooks.countBy({ clientId: client.id })) >= MAX_WEBHOOKS_PER_CLIENT) {
    throw badInput(`A client has at most ${MAX_WEBHOOKS_PER_CLIENT} webhooks: remove one first`, 'clientId');
  }
  const secret = newWebhookSecret();
  const webhook = Object.assign(new Webhook(), {
    id: newWebhookId(),
    clientId: client.id,
    url,
    eventTypes,
    secret,
    unitPath: client.unitPath,
    createdAt: now(),
    createdBy: context.principal!.subject,
    rotatedAt: null,
    updatedAt: '',
  });
  return write(async (manager) => {
    webhook.updatedAt = webhook.createdAt;
    await manager.insert(Webhook, webhook);
    return { webhook, secret };
  });
}

/** The webhook, in the caller's scope, for a change by an ADMIN of its client's unit or above. */
async function managedWebhook(context: SubgraphContext, id: string, what: string): Promise<Webhook> {
  const webhook = await webhookById(context).load(id);
  if (!webhook) throw notInScope('Webhook');
  await managedClient(context, webhook.clientId, what);
  return webhook;
}

/** A new signing secret, shown once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(context: SubgraphContext, id: string): Promise<WebhookCredentials> {
  const webhook = await managedWebhook(context, id, 'Rotating a webhook secret');
  const rotatedAt = now();
  Object.assign(webhook, { secret: newWebhookSecret(), rotatedAt, updatedAt: rotatedAt });
  await context.dataSource.getRepository(Webhook).update({ id }, { secret: webhook.secret, rotatedAt, updatedAt: rotatedAt });
  return { webhook, secret: webhook.secret };
}

/** Removes a webhook with its deliveries not yet made (pending or parked); what was delivered stays delivered. */
export async function removeWebhook(context: SubgraphContext, id: string): Promise<Webhook> {
  const webhook = await managedWebhook(context, id, 'Removing a webhook');
  await context.dataSource.transaction(async (manager) => {
    await manager.delete(WebhookDelivery, { webhookId: id });
    await manager.delete(Webhook, { id });
  });
  return webhook;
}

const replayed = () => {
  const at = now();
  return { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: at, claimedUntil: null, parkedAt: null, updatedAt: at };
};

/** Sends a parked delivery again, from its first attempt; CONFLICT when it is not parked. */
export async function replayDelivery(context: SubgraphContext, id: string): Promise<WebhookDelivery> {
  const delivery = await deliveryById(context).load(id);
  if (!delivery) throw notInScope('WebhookDelivery');
  await managedClient(context, delivery.clientId, 'Replaying a webhook delivery');
  if (delivery.status !== DeliveryStatus.PARKED) throw conflict(`Delivery ${id} is ${delivery.status}, not PARKED`);
  const result = await context.dataSource.getRepository(WebhookDelivery).update({ id, status: DeliveryStatus.PARKED }, replayed());
  if (!result.affected) throw conflict(`Delivery ${id} was replayed meanwhile`);
  return Object.assign(delivery, replayed());
}

/** Sends every parked delivery of a client again; answers how many. */
export async function replayParkedDeliveries(context: SubgraphContext, clientId: string): Promise<number> {
  await managedClient(context, clientId, 'Replaying webhook deliveries');
  const result = await context.dataSource.getRepository(WebhookDelivery).update({ clientId, status: DeliveryStatus.PARKED }, replayed());
  return result.affected ?? 0;
}
