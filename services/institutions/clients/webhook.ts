import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTime } from '../../core/input';

/**
 * A service client's webhook: where the hub POSTs the events it may read (issue 15, item 2;
 * README, "Webhooks"). The signing secret is kept to sign with (Standard Webhooks is HMAC: the
 * hub needs the secret itself, not a hash) and is shown once, when made or rotated.
 */
@ObjectType({ description: 'A webhook of a service client: events it may read are POSTed to its URL, signed per Standard Webhooks.' })
@Entity('webhook')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('webhook_updated', ['updatedAt', 'id'])
export class Webhook {
  @Field(() => ID, { description: 'Id of the webhook.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Field(() => ID, { description: 'The service client it delivers to.' })
  @Index()
  @Column({ type: 'varchar', length: 40 })
  clientId!: string;

  @Field({ description: 'Where deliveries are POSTed: https, on a host of HUB_WEBHOOK_ALLOWED_HOSTS.' })
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Field(() => [String], { description: 'The event types delivered, for example dossier.received (README, "Events").' })
  @Column({ type: 'simple-json' })
  eventTypes!: string[];

  /** `whsec_` + base64 of 32 random bytes; never in a GraphQL answer but the one that made it. */
  @Column({ type: 'varchar', length: 100 })
  secret!: string;

  /** The client's unit path (stored form), so the scope rule applies to these rows as to the client. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => DateTime, { description: 'When it was registered.' })
  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Field({ description: 'Subject of the ADMIN who registered it.' })
  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Field(() => DateTime, { nullable: true, description: 'When its secret was last replaced.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  rotatedAt!: string | null;

  @Field(() => DateTime, { description: 'When the webhook last changed: registered or its secret rotated. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}

/** A webhook with its new signing secret: the secret is in this answer and nowhere else. */
@ObjectType({ description: 'A webhook with its signing secret: store the secret now, it is shown once.' })
export class WebhookCredentials {
  @Field(() => Webhook, { description: 'The registered webhook.' })
  webhook!: Webhook;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (`whsec_` + base64), for the `standardwebhooks` package; null on a retry of the same clientKey (rotate to get a new one).',
  })
  secret!: string | null;
}
