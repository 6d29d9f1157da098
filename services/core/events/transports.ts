import { connect, headers as natsHeaders, JSONCodec, type JetStreamClient, type NatsConnection } from 'nats';
import { callInternal, serviceBase } from '../internal-call';
import type { HubEvent } from './hub-event';
import { eventsStream, eventsSubjectPrefix, subjectOf } from './events-config';

/**
 * Where the relay hands events over. `publish` resolves once every event is acknowledged, in
 * order; when it fails part-way, it throws `PublishFailed` telling how many went through first.
 */
export interface EventTransport {
  /** For logs and the relay's `lastError`: no address. */
  readonly name: string;
  publish(events: HubEvent[]): Promise<void>;
  close(): Promise<void>;
}

export class PublishFailed extends Error {
  constructor(readonly published: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const codec = JSONCodec<HubEvent>();

/**
 * NATS JetStream (hub-event.ts): each event on `<prefix>.<subgraph>.<type>` with `Nats-Msg-Id`
 * = the event's id, one at a time, each ack awaited, so the stream holds a record's events in
 * order and a republished event within the duplicate window is dropped. Connects (and makes
 * the stream on `<prefix>.>` when missing) at the first publish, and again after a failure.
 */
export class JetStreamTransport implements EventTransport {
  readonly name = 'NATS JetStream';
  private connection?: NatsConnection;
  private jetstream?: JetStreamClient;

  constructor(private readonly servers: string) {}

  private async client(): Promise<JetStreamClient> {
    if (this.jetstream && this.connection && !this.connection.isClosed()) return this.jetstream;
    await this.close();
    const connection = await connect({ servers: this.servers.split(','), name: 'hub-events-relay', timeout: 5_000 });
    try {
      const manager = await connection.jetstreamManager();
      const stream = eventsStream();
      await manager.streams.info(stream).catch(async () => {
        // Made by whichever side comes first; both ask for the same subjects.
        await manager.streams.add({ name: stream, subjects: [`${eventsSubjectPrefix()}.>`] });
      });
      this.connection = connection;
      this.jetstream = connection.jetstream();
      return this.jetstream;
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  async publish(events: HubEvent[]): Promise<void> {
    let published = 0;
    try {
      const jetstream = await this.client();
      for (const event of events) {
        const headers = natsHeaders();
        headers.set('Content-Type', 'application/json');
        await jetstream.publish(subjectOf(event), codec.encode(event), { msgID: event.id, headers, timeout: 10_000 });
        published += 1;
      }
    } catch (error) {
      // A broken connection is made again at the next attempt.
      if (this.connection?.isClosed()) this.jetstream = undefined;
      throw new PublishFailed(published, error);
    }
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.jetstream = undefined;
    if (connection && !connection.isClosed()) await connection.drain().catch(() => connection.close());
  }
}

/**
 * Without NATS: a batch POSTed to `/internal/events` of institutions (or of `HUB_EVENTS_URL`),
 * signed as every internal call is (internal-call.ts). All or nothing: the receiver stores each
 * event once by id, so a batch sent again after a lost answer does no harm.
 */
export class DirectTransport implements EventTransport {
  readonly name = 'direct /internal/events';

  constructor(private readonly caller: string, private readonly receiverUrl: () => string) {}

  async publish(events: HubEvent[]): Promise<void> {
    try {
      await callInternal(serviceBase(this.receiverUrl()), 'events', this.caller, { events });
    } catch (error) {
      throw new PublishFailed(0, error);
    }
  }

  async close(): Promise<void> {}
}
