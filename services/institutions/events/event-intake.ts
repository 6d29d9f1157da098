import { In, type DataSource } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import type { HubEvent } from '../../core/events/hub-event';
import { Loaders } from '../../core/loaders';
import { isWithin, scopesMayRead, storedPath, unitCodeOf, unitPathOf, type UnitPath } from '../../core/access';
import { withSqliteWriteLock } from '../../core/sqlite-write-lock';
import { isUniqueViolation } from '../../core/write-conflicts';
import { ClientStatus, ServiceClient } from '../clients/service-client';
import { Webhook } from '../clients/webhook';
import { AdministrativeUnit } from '../unit/administrative-unit';
import { territoryPathsOf } from '../unit/lineage';
import { StoredEvent } from './stored-event';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery';

/**
 * The lineage helpers read through a request's loaders; outside a request (an event arriving)
 * a context of the database and fresh loaders is all they use.
 */
const lookupContext = (dataSource: DataSource) => ({ dataSource, loaders: new Loaders() }) as unknown as SubgraphContext;

/**
 * The paths a client reads (docs/architecture.md, rules 1 and 13): its unit's subtree and, for a
 * unit of the 2025 reform, those of every dissolved unit whose territory went into it.
 */
async function clientTerritory(dataSource: DataSource, client: ServiceClient): Promise<UnitPath[]> {
  const unit = await dataSource.getRepository(AdministrativeUnit).findOneBy({ id: unitCodeOf(client.unitPath) });
  return unit ? territoryPathsOf(lookupContext(dataSource), unit) : [unitPathOf(client.unitPath)];
}

/**
 * Which webhooks an event goes to: those asking for its type, of an active client whose scopes
 * let it read the record's type and whose territory covers the record's unit (README,
 * "Webhooks"). The unit's path is institutions' own when it knows the unit. Webhooks, clients
 * and territories are read once per batch.
 */
async function deliveryMatcher(dataSource: DataSource): Promise<(event: HubEvent) => Promise<Webhook[]>> {
  const webhooks = await dataSource.getRepository(Webhook).find();
  const clientIds = [...new Set(webhooks.map((webhook) => webhook.clientId))];
  const clients = new Map((clientIds.length ? await dataSource.getRepository(ServiceClient).findBy({ id: In(clientIds) }) : []).map((client) => [client.id, client]));
  const territories = new Map<string, Promise<UnitPath[]>>();
  const territoryOf = (client: ServiceClient) => {
    if (!territories.has(client.id)) territories.set(client.id, clientTerritory(dataSource, client));
    return territories.get(client.id)!;
  };
  const unitPaths = new Map<string, Promise<string>>();
  const recordPathOf = (event: HubEvent) => {
    if (!unitPaths.has(event.unit.id)) {
      unitPaths.set(event.unit.id, dataSource.getRepository(AdministrativeUnit).findOneBy({ id: event.unit.id }).then((unit) => unit?.unitPath ?? event.unit.path));
    }
    return unitPaths.get(event.unit.id)!;
  };
  return async (event) => {
    const matching: Webhook[] = [];
    for (const webhook of webhooks.filter((candidate) => candidate.eventTypes.includes(event.type))) {
      const client = clients.get(webhook.clientId);
      if (!client || client.status !== ClientStatus.ACTIVE || !scopesMayRead(client.scopes, event.record.type)) continue;
      const recordPath = await recordPathOf(event);
      if ((await territoryOf(client)).some((path) => isWithin(recordPath, path))) matching.push(webhook);
    }
    return matching;
  };
}

export interface IntakeResult {
  stored: number;
  duplicates: number;
}

const rowOf = (event: HubEvent, now: string) =>
  Object.assign(new StoredEvent(), {
    id: event.id,
    type: event.type,
    subgraph: event.subgraph,
    recordType: event.record.type,
    recordId: event.record.id,
    unitPath: storedPath(event.unit.path),
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    body: JSON.stringify(event),
    receivedAt: now,
  });

const deliveriesOf = (event: HubEvent, webhooks: Webhook[], now: string) =>
  webhooks.map((webhook) =>
    Object.assign(new WebhookDelivery(), {
      id: `${webhook.id}:${event.id}`,
      webhookId: webhook.id,
      clientId: webhook.clientId,
      eventId: event.id,
      eventType: event.type,
      recordKey: `${event.record.type}:${event.record.id}`,
      sequence: event.sequence,
      status: DeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      lastStatus: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
      parkedAt: null,
      unitPath: webhook.unitPath,
      createdAt: now,
      updatedAt: now,
    }),
  );

interface Prepared {
  row: StoredEvent;
  deliveries: WebhookDelivery[];
}

const INSERT_CHUNK = 100;

async function insertAll(dataSource: DataSource, batch: Prepared[]): Promise<void> {
  await withSqliteWriteLock(dataSource, () =>
    dataSource.transaction(async (manager) => {
      const rows = batch.map((one) => one.row);
      const deliveries = batch.flatMap((one) => one.deliveries);
      for (let at = 0; at < rows.length; at += INSERT_CHUNK) await manager.insert(StoredEvent, rows.slice(at, at + INSERT_CHUNK));
      for (let at = 0; at < deliveries.length; at += INSERT_CHUNK) await manager.insert(WebhookDelivery, deliveries.slice(at, at + INSERT_CHUNK));
    }),
  );
}

/**
 * Stores each event once by id, with its deliveries: the batch's new events in one transaction;
 * an event stored before (a transport's redelivery) is counted and left alone. When another
 * replica stores some of them meanwhile, each is stored in a transaction of its own. Resolves
 * only once every event is stored, so the caller may acknowledge then; throws otherwise.
 */
export async function storeEvents(dataSource: DataSource, events: HubEvent[]): Promise<IntakeResult> {
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const known = unique.length
    ? new Set((await dataSource.getRepository(StoredEvent).find({ select: { id: true }, where: { id: In(unique.map((event) => event.id)) } })).map((row) => row.id))
    : new Set<string>();
  const fresh = unique.filter((event) => !known.has(event.id));
  const result: IntakeResult = { stored: 0, duplicates: events.length - fresh.length };
  if (fresh.length === 0) return result;
  const now = new Date().toISOString();
  const webhooksFor = await deliveryMatcher(dataSource);
  const prepared: Prepared[] = [];
  for (const event of fresh) prepared.push({ row: rowOf(event, now), deliveries: deliveriesOf(event, await webhooksFor(event), now) });
  try {
    await insertAll(dataSource, prepared);
    result.stored += prepared.length;
    return result;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Some were stored meanwhile (another replica, a redelivery): one transaction each, the stored ones counted as duplicates.
  for (const one of prepared) {
    try {
      await insertAll(dataSource, [one]);
      result.stored += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      result.duplicates += 1;
    }
  }
  return result;
}
