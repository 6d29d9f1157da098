import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { graphqlEnum } from '../../core/graphql-enum';
import { DateTime } from '../../core/input';

export const DeliveryStatus = graphqlEnum(
  'WebhookDeliveryStatus',
  'Where a webhook delivery stands.',
  {
    PENDING: 'To be sent, or sent again at `nextAttemptAt`.',
    DELIVERED: 'The receiver answered 2xx.',
    PARKED: "Every attempt failed (or the client was revoked): waiting for the client's ADMIN to replay it.",
  },
);
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/**
 * One event for one webhook (README, "Webhooks"). Sent at least once, in `sequence` order per
 * webhook and record (`recordKey`), retried on the schedule of HUB_WEBHOOK_RETRY_SCHEDULE and
 * PARKED after the last attempt.
 */
@ObjectType({ description: 'One event sent (or to be sent) to one webhook, with its attempts.' })
@Entity('webhook_delivery')
@Index(['status', 'nextAttemptAt'])
@Index(['webhookId', 'recordKey', 'sequence'])
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('webhook_delivery_updated', ['updatedAt', 'id'])
export class WebhookDelivery {
  /** `<webhookId>:<eventId>` */
  @Field(() => ID, { description: 'Id of the delivery.' })
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Field(() => ID, { description: 'Id of the webhook it goes to.' })
  @Column({ type: 'varchar', length: 40 })
  webhookId!: string;

  @Field(() => ID, { description: 'The service client of the webhook.' })
  @Index()
  @Column({ type: 'varchar', length: 40 })
  clientId!: string;

  @Field(() => ID, { description: 'The event id: the `webhook-id` header of every attempt.' })
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Field({ description: 'The event type, for example dossier.received.' })
  @Column({ type: 'varchar', length: 40 })
  eventType!: string;

  @Field({ description: 'The record the event is about: `<type>:<id>`, for example `Dossier:62-000123`.' })
  @Column({ type: 'varchar', length: 130 })
  recordKey!: string;

  @Field(() => Int, { description: "The event's sequence for its record: a record's deliveries go out in this order." })
  @Column({ type: 'int' })
  sequence!: number;

  @Field(() => DeliveryStatus, { description: 'Where the delivery stands: pending, delivered or parked.' })
  @Column({ type: 'varchar', length: 10 })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made since it was made or last replayed.' })
  @Column({ type: 'int' })
  attempts!: number;

  @Field(() => DateTime, { description: 'When the next attempt is due; meaningful while PENDING.' })
  @Column({ type: 'varchar', length: 30 })
  nextAttemptAt!: string;

  /** A dispatcher holds it until then (several institutions replicas send each delivery once at a time). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  claimedUntil!: string | null;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt; null when it gave none." })
  @Column({ type: 'int', nullable: true })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, when it did (no address of the receiver is echoed).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the last attempt was made; null before the first.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  lastAttemptAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the receiver accepted it; null until delivered.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  deliveredAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was parked after its last retry; null unless parked.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  parkedAt!: string | null;

  /** The client's unit path (stored form): the scope rule applies to these rows as to the client. */
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => DateTime, { description: 'When the delivery was made.' })
  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Field(() => DateTime, { description: 'When the delivery last changed: made, attempted, delivered, parked or replayed (not when a dispatcher claims it). For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
