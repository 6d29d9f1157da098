import { env, envBool, envInt } from '../config';

/**
 * Where events go and how the relay paces itself (README, "Events"). Read at each call, so a
 * test can set them before it starts a hub. The webhooks side reads the same stream and prefix.
 */

/** NATS server(s), comma-separated; unset: events are posted to institutions directly. */
export const natsUrl = () => env('NATS_URL');

/** The JetStream stream holding the events (default `HUB_EVENTS`, hub-event.ts). */
export const eventsStream = () => env('HUB_EVENTS_STREAM') ?? 'HUB_EVENTS';

/** Subjects are `<prefix>.<subgraph>.<type>`; the stream takes `<prefix>.>` (default `hub.events`). */
export const eventsSubjectPrefix = () => env('HUB_EVENTS_SUBJECT_PREFIX') ?? 'hub.events';

/** The subject of one event: `hub.events.procedures.dossier.received`. */
export const subjectOf = (event: { subgraph: string; type: string }) => `${eventsSubjectPrefix()}.${event.subgraph}.${event.type}`;

/** Base URL of the direct transport's receiver (its `/internal/events`); default institutions'. */
export const directEventsUrl = () => env('HUB_EVENTS_URL');

export interface RelayPacing {
  /** false (`off`) runs no relay in this process (the outbox still fills; another replica's relay empties it). */
  enabled: boolean;
  /** Milliseconds between two looks at an empty outbox. */
  pollMs: number;
  /** An event waits at least this long in the outbox before it is published (tests: a window to kill the process in). */
  delayMs: number;
  /** How long the relay's lease lasts unless renewed: how long a dead relay's replica waits before taking over. */
  leaseMs: number;
  /** Events per round. */
  batch: number;
  /** Longest wait between two attempts after failures (the wait doubles from 500 ms up to it). */
  maxBackoffMs: number;
  /** Published events are deleted from the outbox this many hours after publication (0: kept forever). */
  retentionHours: number;
  /** Milliseconds between two prunings of published events (each deletes at most `batch` × 10 rows). */
  pruneEveryMs: number;
}

export const relayPacingFromEnv = (): RelayPacing => ({
  enabled: envBool('HUB_EVENTS_RELAY', true),
  pollMs: envInt('HUB_EVENTS_POLL_MS', 500),
  delayMs: envInt('HUB_EVENTS_RELAY_DELAY_MS', 0),
  leaseMs: envInt('HUB_EVENTS_LEASE_MS', 15_000),
  batch: envInt('HUB_EVENTS_BATCH', 100),
  maxBackoffMs: envInt('HUB_EVENTS_MAX_BACKOFF_MS', 30_000),
  // A week: longer than any outage a receiver is expected to catch up from, since JetStream (or
  // institutions' webhook deliveries) holds the events once published; the outbox is only the way out.
  retentionHours: envInt('HUB_EVENTS_RETENTION_HOURS', 168),
  pruneEveryMs: envInt('HUB_EVENTS_PRUNE_EVERY_MS', 60_000),
});
