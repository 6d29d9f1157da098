import { randomUUID } from 'node:crypto';
import { relayPacingFromEnv } from '../../services/core/events/events-config';
import { OutboxEvent } from '../../services/core/events/outbox-entities';
import { EventRelay } from '../../services/core/events/relay';
import type { EventTransport } from '../../services/core/events/transports';
import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';

const VARIABLES = ['HUB_EVENTS_RELAY', 'HUB_EVENTS_RETENTION_HOURS', 'HUB_EVENTS_PRUNE_EVERY_MS'] as const;
const HOUR = 3_600_000;

/** A transport that never delivers: this suite looks at the outbox alone. */
const nowhere: EventTransport = {
  name: 'nowhere',
  publish: async () => {
    throw new Error('not in this test');
  },
  close: async () => undefined,
};

/**
 * A hub that runs for years keeps a week of published events in each outbox, not all of them:
 * the relay deletes what was published more than `HUB_EVENTS_RETENTION_HOURS` ago, and never an
 * unpublished event, however old.
 */
describe.each(DATABASES)('outbox retention on %s', (kind) => {
  const saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  let hub: TestHub;

  beforeAll(async () => {
    for (const name of VARIABLES) saved[name] = process.env[name];
    // No relay of the hub's own: the rows below stay as this test writes them until it prunes.
    Object.assign(process.env, { HUB_EVENTS_RELAY: 'off', HUB_EVENTS_RETENTION_HOURS: '24', HUB_EVENTS_PRUNE_EVERY_MS: '60000' });
    hub = await startTestHub(kind, `outbox-retention-${kind}`);
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('deletes events published more than the retention ago, keeps younger and unpublished ones, and waits between prunings', async () => {
    const dataSource = hub.subgraphs.procedures.dataSource;
    const outbox = dataSource.getRepository(OutboxEvent);
    const now = Date.now();
    const at = (ago: number) => new Date(now - ago).toISOString();
    const row = (createdAgo: number, publishedAgo: number | null) => ({
      eventId: randomUUID(),
      type: 'dossier.received',
      payload: '{}',
      createdAt: at(createdAgo),
      publishedAt: publishedAgo === null ? null : at(publishedAgo),
      attempts: 0,
      lastError: null,
    });
    const expired = [row(30 * HOUR, 25 * HOUR), row(48 * HOUR, 47 * HOUR)];
    const young = row(2 * HOUR, 1 * HOUR);
    const waiting = row(90 * 24 * HOUR, null);
    for (const entry of [...expired, young, waiting]) await outbox.insert(entry);

    const relay = new EventRelay('procedures', dataSource, nowhere, relayPacingFromEnv());
    expect(await relay.pruneIfDue(now)).toBe(2);
    const left = new Set((await outbox.find()).map((event) => event.eventId));
    for (const gone of expired) expect(left.has(gone.eventId)).toBe(false);
    expect(left.has(young.eventId)).toBe(true);
    expect(left.has(waiting.eventId)).toBe(true);

    // A second expired row within HUB_EVENTS_PRUNE_EVERY_MS waits for the next pruning.
    const later = row(30 * HOUR, 26 * HOUR);
    await outbox.insert(later);
    expect(await relay.pruneIfDue(now + 1_000)).toBe(0);
    expect(await outbox.countBy({ eventId: later.eventId })).toBe(1);
    expect(await relay.pruneIfDue(now + 61_000)).toBe(1);
    expect(await outbox.countBy({ eventId: later.eventId })).toBe(0);
    expect(await outbox.countBy({ eventId: waiting.eventId })).toBe(1);
  });
});
