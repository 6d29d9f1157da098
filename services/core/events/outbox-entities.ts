import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One event waiting to leave its subgraph (table `event_outbox`, one per emitting subgraph's
 * database): written in the transaction of the change it tells of (`recordEvent`, outbox.ts),
 * so an event exists exactly when its change committed. The relay (relay.ts) publishes the rows
 * in `id` order and stamps `publishedAt`, and deletes it `HUB_EVENTS_RETENTION_HOURS` after that.
 */
@Entity('event_outbox')
@Index('event_outbox_pending', ['publishedAt', 'id'])
export class OutboxEvent {
  /** Insertion order: the relay's order. */
  @PrimaryGeneratedColumn()
  id!: number;

  /** The HubEvent's `id` (UUID v4). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  /** The HubEvent's `type` (`dossier.received`, …). */
  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** The HubEvent as JSON, exactly as it is published. */
  @Column({ type: 'text' })
  payload!: string;

  /** UTC, ISO 8601: when the change committed. */
  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  /** UTC, ISO 8601: when the transport acknowledged it; null while it waits. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  /** Failed attempts so far (the relay's backoff grows with them). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** The last failure's message (no secret, no address beyond the transport's name). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}

/**
 * The last `sequence` given to a record's events (table `event_sequence`). Incremented in the
 * change's transaction: its row lock makes two changes of one record take their numbers, and
 * commit, one after the other, so a record's events enter the outbox in `sequence` order.
 */
@Entity('event_sequence')
export class EventSequence {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  recordType!: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  recordId!: string;

  @Column({ type: 'int' })
  lastSequence!: number;
}

/**
 * Which relay publishes from this database (table `event_relay_lease`, one row): with several
 * replicas of a subgraph, one relay at a time reads and publishes, so a record's events leave in
 * order. The holder renews it each round; another replica takes it over once it has expired.
 */
@Entity('event_relay_lease')
export class EventRelayLease {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  /** The relay holding it (host, process id and a random suffix). */
  @Column({ type: 'varchar', length: 120 })
  holder!: string;

  /** UTC, ISO 8601: the lease ends then unless renewed. */
  @Column({ type: 'varchar', length: 24 })
  expiresAt!: string;
}

/** The entities every emitting subgraph adds to its own. */
export const outboxEntities = [OutboxEvent, EventSequence, EventRelayLease];
