import { AckPolicy, DeliverPolicy, connect, nanos, type ConsumerMessages, type NatsConnection } from 'nats';
import { asBackgroundWork } from '../../core/database';
import type { DataSource } from 'typeorm';
import { env } from '../../core/config';
import { logger } from '../../core/observability/logger';
import type { BackgroundWork } from '../../core/subgraph-definition';
import { isHubEvent } from './event-check';
import { storeEvents } from './event-intake';

export interface ConsumerSettings {
  url: string;
  /** The JetStream stream the emitting subgraphs publish to (HUB_EVENTS_STREAM, default HUB_EVENTS). */
  stream: string;
  /** The durable consumer's name (HUB_EVENTS_CONSUMER, default hub-webhooks). */
  durable: string;
}

export const consumerSettings = (): ConsumerSettings | null => {
  const url = env('NATS_URL');
  return url ? { url, stream: env('HUB_EVENTS_STREAM') ?? 'HUB_EVENTS', durable: env('HUB_EVENTS_CONSUMER') ?? 'hub-webhooks' } : null;
};

const RETRY_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the event stream with the durable consumer (services/core/events/hub-event.ts): each
 * message is stored (`storeEvents`, once by id) and only then acknowledged, so a message this
 * process took but did not store is delivered again. One message is in flight at a time
 * (`max_ack_pending` 1), so the stream's order, which is each record's order, is the order
 * events are stored in. A message that is no HubEvent is terminated (logged, never retried).
 * Until the stream exists (the emitting side makes it) or while NATS is away, it tries again
 * every two seconds.
 */
export function startEventConsumer(dataSource: DataSource, settings: ConsumerSettings): BackgroundWork {
  let stopped = false;
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;

  const consumeOnce = async () => {
    connection = await connect({ servers: settings.url, name: 'institutions-webhooks', maxReconnectAttempts: -1 });
    const manager = await connection.jetstreamManager();
    try {
      await manager.consumers.info(settings.stream, settings.durable);
    } catch {
      await manager.consumers.add(settings.stream, {
        durable_name: settings.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(60_000),
        max_ack_pending: 1,
      });
    }
    const consumer = await connection.jetstream().consumers.get(settings.stream, settings.durable);
    messages = await consumer.consume({ max_messages: 16 });
    for await (const message of messages) {
      if (stopped) break;
      let event: unknown;
      try {
        event = JSON.parse(message.string());
      } catch {
        event = undefined;
      }
      if (!isHubEvent(event) || !message.subject.endsWith(`.${event.subgraph}.${event.type}`)) {
        logger().error({ subject: message.subject, seq: message.seq }, 'an event stream message is no HubEvent; terminated');
        message.term();
        continue;
      }
      try {
        await storeEvents(dataSource, [event]);
        message.ack();
      } catch (error) {
        logger().error({ err: error, eventId: event.id }, 'an event could not be stored; it will be delivered again');
        message.nak(RETRY_MS);
      }
    }
  };

  const running = (async () => {
    while (!stopped) {
      try {
        await asBackgroundWork(consumeOnce);
      } catch (error) {
        if (!stopped) logger().warn({ err: error, stream: settings.stream }, 'the events consumer stopped; trying again');
      }
      await connection?.close().catch(() => undefined);
      connection = undefined;
      if (!stopped) await sleep(RETRY_MS);
    }
  })();

  return {
    async stop() {
      stopped = true;
      messages?.stop();
      await connection?.close().catch(() => undefined);
      await running;
    },
  };
}
