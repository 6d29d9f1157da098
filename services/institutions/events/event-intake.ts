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
 * The webhooks an event goes to: those asking for its type, of an active client whose scopes
 * let it read the record's type and whose territory covers the record's unit (README,
 * "Webhooks"). The unit's path is institutions' own when it knows the unit.
 */
async function webhooksFor(dataSource: DataSource, event: HubEvent): Promise<Webhook[]> {
  const webhooks = (await dataSource.getRepository(Webhook).find()).filter((webhook) => webhook.eventTypes.includes(event.type));
  if (webhooks.length === 0) return [];
  const clients = await dataSource.getRepository(ServiceClient).findBy({ id: In([...new Set(webhooks.map((webhook) => webhook.clientId))]) });
  const unit = await dataSource.getRepository(AdministrativeUnit).findOneBy({ id: event.unit.id });
  const recordPath = unit?.unitPath ?? event.unit.path;
  const readers = new Set<string>();
  for (const client of clients) {
    if (client.status !== ClientStatus.ACTIVE || !scopesMayRead(client.scopes, event.record.type)) continue;
    const territory = await clientTerritory(dataSource, client);
    if (territory.some((path) => isWithin(recordPath, path))) readers.add(client.id);
  }
  return webhooks.filter((webhook) => readers.has(webhook.clientId));
}

export interface IntakeResult {
  stored: number;
  duplicates: number;
}

/**
 * Stores each event once by id, with its deliveries, in one transaction per event; an event
 * stored before (a transport's redelivery) is counted and left alone. Resolves only once every
 * event is stored, so the caller may acknowledge then; throws (nothing acknowledged) otherwise.
 */
export async function storeEvents(dataSource: DataSource, events: HubEvent[]): Promise<IntakeResult> {
  const result: IntakeResult = { stored: 0, duplicates: 0 };
  const stored = dataSource.getRepository(StoredEvent);
  for (const event of events) {
    if (await stored.existsBy({ id: event.id })) {
      result.duplicates += 1;
      continue;
    }
    const now = new Date().toISOString();
    const webhooks = await webhooksFor(dataSource, event);
    const row = Object.assign(new StoredEvent(), {
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
    const deliveries = webhooks.map((webhook) =>
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
      }),
    );
    try {
      await withSqliteWriteLock(dataSource, () =>
        dataSource.transaction(async (manager) => {
          await manager.insert(StoredEvent, row);
          if (deliveries.length) await manager.insert(WebhookDelivery, deliveries);
        }),
      );
      result.stored += 1;
    } catch (error) {
      // The same event stored meanwhile by another replica or a redelivery: stored once, as asked.
      if (!isUniqueViolation(error)) throw error;
      result.duplicates += 1;
    }
  }
  return result;
}
