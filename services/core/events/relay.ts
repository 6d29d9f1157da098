import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { asBackgroundWork } from '../database';
import { errorForLog, logger } from '../observability/logger';
import { isUniqueViolation } from '../write-conflicts';
import { sqliteWriteTurn } from '../sqlite-write-lock';
import type { HubEvent } from './hub-event';
import { directEventsUrl, natsUrl, relayPacingFromEnv, type RelayPacing } from './events-config';
import { EventRelayLease, OutboxEvent } from './outbox-entities';
import { DirectTransport, JetStreamTransport, PublishFailed, type EventTransport } from './transports';

const LEASE = 'relay';
/** The most `stop` waits for the round in flight. */
const STOP_WAIT_MS = 5_000;

/** NATS JetStream when `NATS_URL` is set, else the direct POST to institutions (or `HUB_EVENTS_URL`). */
export function transportFromEnv(subgraph: string, institutionsUrl: () => string): EventTransport {
  const nats = natsUrl();
  return nats ? new JetStreamTransport(nats) : new DirectTransport(subgraph, () => directEventsUrl() ?? institutionsUrl());
}

/**
 * Empties a subgraph's outbox (outbox.ts) into a transport: reads the unpublished rows in
 * insertion order, publishes them, stamps them published. At least once: a row is stamped only
 * after the transport acknowledged it, so a crash in between publishes it again (JetStream drops
 * the duplicate by its msgID; institutions stores by id). On a failure it waits, doubling from
 * 500 ms up to `maxBackoffMs`, and starts again from the first unpublished row, so a record's
 * events never overtake each other. With several replicas on one database, only the holder of
 * the lease (`event_relay_lease`) publishes (docs/architecture.md, "Events: the outbox rule").
 */
export class EventRelay {
  private readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;
  private failures = 0;
  private lastPrune = 0;

  constructor(
    private readonly subgraph: string,
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly pacing: RelayPacing = relayPacingFromEnv(),
  ) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  /** Lets the round in flight finish, gives the lease up (another replica takes over at once) and closes the transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A publish stuck on a frozen receiver does not hold the shutdown: what it did not stamp goes again at the next start.
    await Promise.race([this.round, new Promise((done) => setTimeout(done, STOP_WAIT_MS).unref())]);
    const release = () =>
      this.dataSource
        .createQueryBuilder()
        .update(EventRelayLease)
        .set({ expiresAt: new Date(0).toISOString() })
        .where('name = :name AND holder = :holder', { name: LEASE, holder: this.holder })
        .execute();
    await this.inTurn(release).catch(() => undefined);
    await this.transport.close();
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = asBackgroundWork(() => this.runRound()).then((next) => this.schedule(next));
    }, ms);
    this.timer.unref();
  }

  /** One round; answers how long to wait before the next. */
  private async runRound(): Promise<number> {
    try {
      const due = await this.inTurn(async () => {
        const rows = await this.dueEvents();
        // An idle outbox costs no write: the lease is taken only to publish.
        if (rows.length === 0) return rows;
        return (await this.holdLease()) ? rows : undefined;
      });
      await this.pruneIfDue();
      if (due === undefined) return this.pacing.pollMs;
      const published = await this.publish(due);
      this.failures = 0;
      // A full batch: there may be more right away.
      return published >= this.pacing.batch ? 0 : this.pacing.pollMs;
    } catch (error) {
      this.failures += 1;
      const wait = Math.min(this.pacing.maxBackoffMs, 500 * 2 ** Math.min(this.failures - 1, 16));
      logger().warn({ subgraph: this.subgraph, transport: this.transport.name, attempt: this.failures, retryInMs: wait, ...errorForLog(error) }, 'events relay: publishing failed, will retry');
      return wait;
    }
  }

  /** Takes or renews the lease; false while another live relay holds it. */
  private async holdLease(): Promise<boolean> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.pacing.leaseMs).toISOString();
    const renewed = await this.dataSource
      .createQueryBuilder()
      .update(EventRelayLease)
      .set({ holder: this.holder, expiresAt })
      .where('name = :name AND (holder = :holder OR expiresAt < :now)', { name: LEASE, holder: this.holder, now: now.toISOString() })
      .execute();
    if (renewed.affected) return true;
    try {
      await this.dataSource.getRepository(EventRelayLease).insert({ name: LEASE, holder: this.holder, expiresAt });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // held by another relay
      throw error;
    }
  }

  /**
   * On SQLite, between two mutations (core/sqlite-write-lock.ts): every query of the process
   * shares one connection, and a read in the middle of a mutation's transaction would see its
   * outbox rows before they commit, or a write here would join it.
   */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    const release = await sqliteWriteTurn(this.dataSource);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** The oldest unpublished events, those older than `delayMs`, in insertion order. */
  private async dueEvents(): Promise<OutboxEvent[]> {
    const rows = await this.dataSource
      .getRepository(OutboxEvent)
      .createQueryBuilder('event')
      .where('event.publishedAt IS NULL')
      .orderBy('event.id', 'ASC')
      .take(this.pacing.batch)
      .getMany();
    // Only the oldest ones, and in order: a row too young stops the batch there.
    const cutoff = new Date(Date.now() - this.pacing.delayMs).toISOString();
    const young = rows.findIndex((row) => row.createdAt > cutoff);
    return young < 0 ? rows : rows.slice(0, young);
  }

  /** Publishes `due` and stamps what the transport acknowledged; answers how many. */
  private async publish(due: OutboxEvent[]): Promise<number> {
    if (due.length === 0) return 0;
    const events = due.map((row) => JSON.parse(row.payload) as HubEvent);
    let published = due.length;
    let failure: unknown;
    try {
      await this.transport.publish(events);
    } catch (error) {
      failure = error;
      published = error instanceof PublishFailed ? error.published : 0;
    }
    await this.inTurn(async () => {
      if (published > 0) await this.markPublished(due.slice(0, published).map((row) => row.id));
      if (failure === undefined) return;
      // The row that failed keeps its count and the reason, for whoever looks at the outbox.
      await this.dataSource
        .createQueryBuilder()
        .update(OutboxEvent)
        .set({ attempts: () => 'attempts + 1', lastError: `${this.transport.name}: ${failure instanceof Error ? failure.message : String(failure)}`.slice(0, 500) })
        .where('id = :id', { id: due[published].id })
        .execute();
    });
    if (failure !== undefined) throw failure;
    return published;
  }

  /**
   * Deletes events published more than `retentionHours` ago, at most every `pruneEveryMs` and at
   * most `batch` × 10 rows at a time, so the outbox of a hub that runs for years stays the size
   * of its last week. Any replica may prune (deleting a published row twice is harmless); an
   * unpublished row is never touched.
   */
  async pruneIfDue(now = Date.now()): Promise<number> {
    if (this.pacing.retentionHours <= 0 || now - this.lastPrune < this.pacing.pruneEveryMs) return 0;
    this.lastPrune = now;
    const cutoff = new Date(now - this.pacing.retentionHours * 3_600_000).toISOString();
    return this.inTurn(async () => {
      // Ids first, then the delete: MariaDB takes no LIMIT in an IN subquery, SQLite no LIMIT on DELETE.
      const old = await this.dataSource
        .getRepository(OutboxEvent)
        .createQueryBuilder('event')
        .select('event.id', 'id')
        .where('event.publishedAt IS NOT NULL AND event.publishedAt < :cutoff', { cutoff })
        .orderBy('event.id', 'ASC')
        .limit(this.pacing.batch * 10)
        .getRawMany<{ id: number }>();
      if (old.length === 0) return 0;
      await this.dataSource.getRepository(OutboxEvent).delete(old.map((row) => Number(row.id)));
      return old.length;
    });
  }

  private async markPublished(ids: number[]) {
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ publishedAt: new Date().toISOString() })
      .where('id IN (:...ids)', { ids })
      .execute();
  }
}

/** The relay of an emitting subgraph, started unless `HUB_EVENTS_RELAY` is off; undefined then. */
export function startRelay(subgraph: string, dataSource: DataSource, institutionsUrl: () => string): EventRelay | undefined {
  const pacing = relayPacingFromEnv();
  if (!pacing.enabled) return undefined;
  return new EventRelay(subgraph, dataSource, transportFromEnv(subgraph, institutionsUrl), pacing).start();
}
