import { In, IsNull, type DataSource } from 'typeorm';
import { asBackgroundWork } from '../../core/database';
import { logger } from '../../core/observability/logger';
import { withSqliteWriteLock } from '../../core/sqlite-write-lock';
import { ClientStatus, ServiceClient } from '../clients/service-client';
import { Webhook } from '../clients/webhook';
import { deliveryConfig, type DeliveryConfig } from './delivery-config';
import { StoredEvent } from './stored-event';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery';
import { attemptDelivery, type AttemptOutcome } from './webhook-sender';

/** Pending deliveries looked at per round, and attempts made at once (different records only). */
const ROUND_LIMIT = 2000;
const CONCURRENCY = 8;

/**
 * Sends the deliveries that are due (README, "Webhooks"): at least once, retried on the
 * schedule, PARKED after the last attempt. In order per webhook and record: only the pending
 * delivery of lowest `sequence` of each (webhook, record) is sent, so a record's later event
 * waits until its earlier one is delivered or parked. A delivery is claimed before it is sent
 * (a conditional update), so several institutions replicas never send it at the same time.
 */
export class WebhookDispatcher {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: DeliveryConfig = deliveryConfig(),
  ) {}

  start(): this {
    this.timer = setInterval(() => void asBackgroundWork(() => this.runRound()), this.config.pollMs);
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.round;
  }

  /** One round unless one is running; errors are logged and the next round tries again. */
  runRound(): Promise<void> {
    if (this.round || this.stopped || !this.dataSource.isInitialized) return this.round ?? Promise.resolve();
    this.round = this.sendDue()
      .catch((error) => logger().error({ err: error }, 'webhook dispatch round failed'))
      .finally(() => (this.round = undefined));
    return this.round;
  }

  private async sendDue(): Promise<void> {
    const now = new Date().toISOString();
    const pending = await this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .where('delivery.status = :status', { status: DeliveryStatus.PENDING })
      .orderBy('delivery.webhookId')
      .addOrderBy('delivery.recordKey')
      .addOrderBy('delivery.sequence')
      .addOrderBy('delivery.createdAt')
      .take(ROUND_LIMIT)
      .getMany();
    const heads = new Map<string, WebhookDelivery>();
    for (const delivery of pending) {
      const key = `${delivery.webhookId}|${delivery.recordKey}`;
      if (!heads.has(key)) heads.set(key, delivery);
    }
    const due = [...heads.values()].filter((delivery) => delivery.nextAttemptAt <= now && (!delivery.claimedUntil || delivery.claimedUntil < now));
    if (due.length === 0) return;
    const webhooks = new Map((await this.dataSource.getRepository(Webhook).findBy({ id: In([...new Set(due.map((d) => d.webhookId))]) })).map((w) => [w.id, w]));
    const clients = new Map((await this.dataSource.getRepository(ServiceClient).findBy({ id: In([...new Set(due.map((d) => d.clientId))]) })).map((c) => [c.id, c]));
    const queue = [...due];
    const worker = async () => {
      for (let delivery = queue.shift(); delivery && !this.stopped; delivery = queue.shift()) {
        await this.attempt(delivery, webhooks.get(delivery.webhookId), clients.get(delivery.clientId));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    return withSqliteWriteLock(this.dataSource, work);
  }

  private async attempt(delivery: WebhookDelivery, webhook: Webhook | undefined, client: ServiceClient | undefined): Promise<void> {
    if (!webhook) return; // removed meanwhile, with its deliveries
    const repository = this.dataSource.getRepository(WebhookDelivery);
    const claimedUntil = new Date(Date.now() + this.config.timeoutMs + 30_000).toISOString();
    const claim = await this.write(() =>
      repository.update(
        { id: delivery.id, status: DeliveryStatus.PENDING, attempts: delivery.attempts, claimedUntil: delivery.claimedUntil ?? IsNull() },
        { claimedUntil },
      ),
    );
    if (claim.affected !== 1) return; // another replica has it, or it changed since it was read
    let outcome: AttemptOutcome;
    if (!client || client.status !== ClientStatus.ACTIVE) {
      outcome = { ok: false, status: null, error: 'the service client is revoked' };
    } else {
      const event = await this.dataSource.getRepository(StoredEvent).findOneBy({ id: delivery.eventId });
      outcome = event ? await attemptDelivery(webhook.url, webhook.secret, event, this.config.timeoutMs) : { ok: false, status: null, error: 'the event is gone' };
    }
    const attempts = delivery.attempts + 1;
    const at = new Date().toISOString();
    const parked = !outcome.ok && (attempts > this.config.retryDelaysMs.length || !client || client.status !== ClientStatus.ACTIVE);
    const change: Partial<WebhookDelivery> = {
      // Pull sync (core/updated-since.ts): the attempt's outcome is a change; the claim above is not.
      updatedAt: at,
      attempts,
      lastAttemptAt: at,
      lastStatus: outcome.status,
      lastError: outcome.error,
      claimedUntil: null,
      ...(outcome.ok
        ? { status: DeliveryStatus.DELIVERED, deliveredAt: at }
        : parked
          ? { status: DeliveryStatus.PARKED, parkedAt: at }
          : { nextAttemptAt: new Date(Date.now() + this.config.retryDelaysMs[attempts - 1]).toISOString() }),
    };
    await this.write(() => repository.update({ id: delivery.id, claimedUntil }, change));
  }
}
