import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { storedPath, unitCodeOf, type StoredPath, type UnitPath } from '../access/unit-path';
import type { HubEvent, HubEventType } from './hub-event';
import { EventSequence, OutboxEvent } from './outbox-entities';

/**
 * One change a partner is told of. The unit is given by its path (either form): the event
 * carries the unit's id and its stored path, the form the record holds (hub-event.ts).
 */
export interface RecordedChange {
  subgraph: HubEvent['subgraph'];
  type: HubEventType;
  record: HubEvent['record'];
  /** The unit (or, for a two-sided record, each side's unit) the change concerns: one event per distinct unit. */
  units: Array<UnitPath | StoredPath>;
  state: string;
  previousState?: string;
}

const isMariaDb = (manager: EntityManager) => manager.connection.options.type !== 'better-sqlite3';

/** The record's next `sequence`, taken under the record's row lock (held until the transaction ends). */
async function nextSequence(manager: EntityManager, record: HubEvent['record']): Promise<number> {
  const table = manager.connection.getMetadata(EventSequence).tableName;
  if (isMariaDb(manager)) {
    await manager.query(
      `INSERT INTO \`${table}\` (recordType, recordId, lastSequence) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE lastSequence = lastSequence + 1`,
      [record.type, record.id],
    );
  } else {
    await manager.query(
      `INSERT INTO "${table}" ("recordType", "recordId", "lastSequence") VALUES (?, ?, 1) ON CONFLICT ("recordType", "recordId") DO UPDATE SET "lastSequence" = "lastSequence" + 1`,
      [record.type, record.id],
    );
  }
  const row = await manager.findOneByOrFail(EventSequence, { recordType: record.type, recordId: record.id });
  return Number(row.lastSequence);
}

/**
 * Writes the events of a change to the subgraph's outbox, with `manager` being the change's own
 * transaction: the event commits with the change or not at all (docs/architecture.md, "Events: the outbox rule").
 * One event per change and distinct unit of its `units`, each with the record's next `sequence`.
 * Carries ids and states only, never personal data (issue 15). Returns what it wrote.
 */
export async function recordEvent(manager: EntityManager, changes: RecordedChange | RecordedChange[]): Promise<HubEvent[]> {
  const occurredAt = new Date().toISOString();
  const events: HubEvent[] = [];
  for (const change of Array.isArray(changes) ? changes : [changes]) {
    for (const path of new Set(change.units.map((unit) => storedPath(unit)))) events.push(await write(manager, change, path, occurredAt));
  }
  return events;
}

/** One outbox row, in `manager`'s transaction. */
async function write(manager: EntityManager, change: RecordedChange, path: StoredPath, occurredAt: string): Promise<HubEvent> {
  const event: HubEvent = {
    id: randomUUID(),
    type: change.type,
    occurredAt,
    subgraph: change.subgraph,
    record: { type: change.record.type, id: change.record.id },
    unit: { id: unitCodeOf(path), path },
    state: change.state,
    ...(change.previousState !== undefined ? { previousState: change.previousState } : {}),
    sequence: await nextSequence(manager, change.record),
  };
  await manager.insert(OutboxEvent, {
    eventId: event.id,
    type: event.type,
    payload: JSON.stringify(event),
    createdAt: occurredAt,
    publishedAt: null,
    attempts: 0,
    lastError: null,
  });
  return event;
}
