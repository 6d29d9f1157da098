import { DataSource } from 'typeorm';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import type { HubEvent } from '../../services/core/events/hub-event';

/** NATS with JetStream on this machine (.ci/run starts it). */
export const NATS_URL = process.env.HUB_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A stream and subject prefix of this test run alone, so parallel runs never read each other's events. */
export function uniqueStream(label: string) {
  const tag = `${label}${process.pid}${Date.now().toString(36)}`.replace(/[^A-Za-z0-9]/g, '');
  return { stream: `HUB_EVENTS_T_${tag}`, subjectPrefix: `t${tag}.events` };
}

export interface StreamedEvent {
  seq: number;
  subject: string;
  msgId: string | undefined;
  event: HubEvent;
  raw: string;
}

/** Reads a JetStream stream from its start, as the webhooks side's consumer would see it. */
export class EventStream {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly manager: JetStreamManager,
    readonly stream: string,
  ) {}

  static async open(stream: string): Promise<EventStream> {
    const connection = await connect({ servers: NATS_URL });
    return new EventStream(connection, await connection.jetstreamManager(), stream);
  }

  /** Every message in the stream, in stream order; none while the stream does not exist yet. */
  async all(): Promise<StreamedEvent[]> {
    const info = await this.manager.streams.info(this.stream).catch(() => undefined);
    if (!info || info.state.messages === 0) return [];
    const events: StreamedEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
      const message = await this.manager.streams.getMessage(this.stream, { seq });
      const raw = new TextDecoder().decode(message.data);
      events.push({ seq, subject: message.subject, msgId: message.header?.get('Nats-Msg-Id') || undefined, event: JSON.parse(raw) as HubEvent, raw });
    }
    return events;
  }

  /** The stream's events that satisfy `matches`, once there are at least `count` (generous wait: the machine is busy). */
  async waitFor(matches: (event: HubEvent) => boolean, count = 1, timeoutMs = 120_000): Promise<StreamedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.all()).filter((streamed) => matches(streamed.event));
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  async close(deleteStream = true) {
    if (deleteStream) await this.manager.streams.delete(this.stream).catch(() => undefined);
    await this.connection.close();
  }
}

export interface OutboxRow {
  id: number;
  eventId: string;
  type: string;
  payload: string;
  publishedAt: string | null;
  attempts: number;
}

/** The outbox rows of a subgraph's database (its URL as the hub was given it), oldest first: read as any SQL client would. */
export async function outboxRows(databaseUrl: string): Promise<OutboxRow[]> {
  const dataSource = new DataSource(
    databaseUrl.startsWith('sqlite:') ? { type: 'better-sqlite3', database: databaseUrl.slice('sqlite:'.length) } : { type: 'mysql', url: databaseUrl },
  );
  await dataSource.initialize();
  try {
    const rows = (await dataSource.query('SELECT id, eventId, type, payload, publishedAt, attempts FROM event_outbox ORDER BY id')) as OutboxRow[];
    return rows.map((row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts) }));
  } finally {
    await dataSource.destroy();
  }
}

/** Waits until `check` holds for the outbox (for example: a row is published). */
export async function waitForOutbox(databaseUrl: string, check: (rows: OutboxRow[]) => boolean, timeoutMs = 120_000): Promise<OutboxRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await outboxRows(databaseUrl);
    if (check(rows) || Date.now() > deadline) return rows;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The fields of the contract (hub-event.ts), and nothing else. */
export const CONTRACT_FIELDS = ['id', 'type', 'occurredAt', 'subgraph', 'record', 'unit', 'state', 'previousState', 'sequence'];
