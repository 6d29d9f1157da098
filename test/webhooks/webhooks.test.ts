import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { callInternal, serviceBase } from '../../services/core/internal-call';
import type { HubEvent } from '../../services/core/events/hub-event';
import { StoredEvent } from '../../services/institutions/events/stored-event';
import { WebhookDelivery } from '../../services/institutions/events/webhook-delivery';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { REGISTER_WEBHOOK as REGISTER, startWebhookHub, type WebhookHub } from './webhook-hub';
import { WebhookReceiver, waitFor } from './webhook-receiver';

const NATS_URL = process.env.HUB_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) { serviceClient(id: $id) { webhookDeliveries(status: $status, first: 100) {
  edges { node { id webhookId eventId eventType recordKey sequence status attempts lastStatus lastError parkedAt } } pageInfo { hasNextPage } } } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status attempts } }`;
const REPLAY_ALL = `mutation($id: ID!) { replayParkedWebhookDeliveries(clientId: $id) }`;

let counter = 0;
/** An event as the emitting side makes it (services/core/events/hub-event.ts). */
const dossierEvent = (province: '62' | '64', type: HubEvent['type'], recordId: string, sequence: number, state = 'RECEIVED'): HubEvent => ({
  id: randomUUID(),
  type,
  occurredAt: new Date(Date.UTC(2025, 5, 30, 3, 0, counter++)).toISOString(),
  subgraph: 'procedures',
  record: { type: 'Dossier', id: recordId },
  unit: { id: province, path: `VN/${province}` },
  state,
  sequence,
});

/**
 * Issue 15, item 2: webhooks of service clients. Events posted to institutions as the emitting
 * subgraphs will (signed internal calls) or published to a JetStream stream reach the webhook of
 * a Kon Tum client, signed per Standard Webhooks and verified by a receiver that uses the
 * `standardwebhooks` package; Gia Lai records never do; a failing receiver gets the retries,
 * then the delivery is parked, seen and replayed by the client's ADMIN only. On both databases,
 * with NATS JetStream and without; through the real gateway over HTTP with signed tokens.
 */
describe.each(DATABASES)('webhooks on %s', (kind) => {
  describe.each(['direct', 'jetstream'] as const)('events %s', (transport) => {
    const receiver = new WebhookReceiver();
    const prefix = `whtest${process.pid}${kind}`;
    const stream = `WH_TEST_${process.pid}_${kind}`;
    let hub: WebhookHub;
    let nats: NatsConnection | undefined;
    let konTumAdmin: string;
    let clientId: string;
    let okWebhook: { id: string; secret: string };
    const saved = { ...process.env };
    const query = (text: string, variables: Record<string, unknown>, token: string) => hub.query(text, variables, token);
    const institutions = () => hub.started.subgraphs.institutions;
    const rows = <T extends object>(entity: new () => T) => institutions().dataSource.getRepository(entity);

    /** Sends events the way the transport under test carries them. */
    async function emit(events: HubEvent[], caller = 'procedures') {
      if (transport === 'direct') {
        await callInternal(serviceBase(`${institutions().url}/graphql`), 'events', caller, { events });
        return;
      }
      const js = nats!.jetstream();
      for (const event of events) await js.publish(`${prefix}.hub.events.${event.subgraph}.${event.type}`, JSON.stringify(event), { msgID: event.id });
    }

    beforeAll(async () => {
      await receiver.start();
      Object.assign(process.env, {
        HUB_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
        HUB_WEBHOOK_RETRY_SCHEDULE: '0.2,0.3',
        HUB_WEBHOOK_POLL_MS: '100',
        HUB_EVENTS_STREAM: stream,
      });
      if (transport === 'jetstream') {
        process.env.NATS_URL = NATS_URL;
        nats = await connect({ servers: NATS_URL });
        const manager = await nats.jetstreamManager();
        await manager.streams.delete(stream).catch(() => undefined);
        await manager.streams.add({ name: stream, subjects: [`${prefix}.hub.events.>`] });
      } else {
        delete process.env.NATS_URL;
      }
      hub = await startWebhookHub(kind, `webhooks_${transport}`);
      konTumAdmin = await mintDevToken({ unit: '62', roles: ['ADMIN'] });
      clientId = await hub.client('62', ['dossiers:read']);
      const registered = await query(REGISTER, { input: { clientId, url: receiver.url('/ok'), eventTypes: ['dossier.received', 'dossier.state_changed'] } }, konTumAdmin);
      expect(registered.errors).toBeUndefined();
      okWebhook = { id: registered.data.registerWebhook.webhook.id, secret: registered.data.registerWebhook.secret };
      expect(okWebhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      receiver.secrets.set('/ok', okWebhook.secret);
    }, 900_000);

    afterAll(async () => {
      await hub?.close();
      if (nats) {
        await (await nats.jetstreamManager()).streams.delete(stream).catch(() => undefined);
        await nats.close();
      }
      await receiver.close();
      for (const name of ['HUB_WEBHOOK_ALLOWED_HOSTS', 'HUB_WEBHOOK_RETRY_SCHEDULE', 'HUB_WEBHOOK_POLL_MS', 'HUB_EVENTS_STREAM', 'NATS_URL']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it('delivers a Kon Tum record\'s event to the Kon Tum client, signed per Standard Webhooks, within five seconds; never a Gia Lai record\'s', async () => {
      const giaLai = dossierEvent('64', 'dossier.received', `64-${transport}-1`, 1);
      const konTum = dossierEvent('62', 'dossier.received', `62-${transport}-1`, 1);
      const unsubscribed = dossierEvent('62', 'dossier.resolved', `62-${transport}-1`, 2, 'RESOLVED');
      await emit([giaLai, konTum, unsubscribed]);
      // The promise: a correctly signed event within five seconds of the change reaching the hub.
      const got = await waitFor('the Kon Tum event', () => receiver.at('/ok').find((request) => request.headers['webhook-id'] === konTum.id), 5_000);
      expect(got.verified).toEqual({ ok: true, payload: { type: 'dossier.received', timestamp: konTum.occurredAt, data: konTum } });
      expect(Number(got.headers['webhook-timestamp'])).toBeGreaterThan(0);
      expect(got.headers['webhook-signature']).toMatch(/^v1,/);
      // The Gia Lai event and the type the webhook did not ask for are stored, with no delivery at all.
      await waitFor('all three stored', async () => (await rows(StoredEvent).countBy([{ id: giaLai.id }, { id: konTum.id }, { id: unsubscribed.id }])) === 3);
      expect(await rows(WebhookDelivery).countBy([{ eventId: giaLai.id }, { eventId: unsubscribed.id }])).toBe(0);
      expect(receiver.received.filter((request) => [giaLai.id, unsubscribed.id].includes(String(request.headers['webhook-id'])))).toEqual([]);
    });

    it('stores an event sent twice once, and delivers it once', async () => {
      const event = dossierEvent('62', 'dossier.received', `62-${transport}-twice`, 1);
      await emit([event]);
      if (transport === 'direct') await emit([event]);
      else await nats!.jetstream().publish(`${prefix}.hub.events.procedures.dossier.received`, JSON.stringify(event), { msgID: `${event.id}-again` });
      await waitFor('the event', () => receiver.at('/ok').some((request) => request.headers['webhook-id'] === event.id));
      const marker = dossierEvent('62', 'dossier.received', `62-${transport}-after-twice`, 1);
      await emit([marker]);
      await waitFor('the event after', () => receiver.at('/ok').some((request) => request.headers['webhook-id'] === marker.id));
      expect(await rows(StoredEvent).countBy({ id: event.id })).toBe(1);
      expect(receiver.at('/ok').filter((request) => request.headers['webhook-id'] === event.id)).toHaveLength(1);
    });

    it('retries a receiver that answers 500, parks the delivery for the client\'s ADMIN alone, keeps the record\'s order, and replays it', async () => {
      receiver.answers.set('/fail', 500);
      const registered = await query(REGISTER, { input: { clientId, url: receiver.url('/fail'), eventTypes: ['dossier.state_changed'] } }, konTumAdmin);
      expect(registered.errors).toBeUndefined();
      const failing = registered.data.registerWebhook.webhook.id;
      receiver.secrets.set('/fail', registered.data.registerWebhook.secret);
      const record = `62-${transport}-moves`;
      const first = dossierEvent('62', 'dossier.state_changed', record, 2, 'PROCESSING');
      const second = dossierEvent('62', 'dossier.state_changed', record, 3, 'SUPPLEMENT_REQUESTED');
      await emit([first, second]);
      const parked = async () => (await query(DELIVERIES, { id: clientId, status: 'PARKED' }, konTumAdmin)).data?.serviceClient.webhookDeliveries.edges.map((edge: any) => edge.node) ?? [];
      const both = await waitFor('both parked', async () => {
        const nodes = (await parked()).filter((node: any) => node.webhookId === failing);
        return nodes.length === 2 && nodes;
      });
      const ids = (request: { headers: Record<string, unknown> }) => request.headers['webhook-id'];
      // Three attempts each (the first and the schedule's two retries), every one correctly signed; the second event only after the first was parked.
      expect(receiver.at('/fail').map(ids)).toEqual([first.id, first.id, first.id, second.id, second.id, second.id]);
      expect(receiver.at('/fail').every((request) => request.verified.ok)).toBe(true);
      expect(both.map((node: any) => [node.eventId, node.attempts, node.lastStatus, node.status, node.recordKey]).sort()).toEqual(
        [
          [first.id, 3, 500, 'PARKED', `Dossier:${record}`],
          [second.id, 3, 500, 'PARKED', `Dossier:${record}`],
        ].sort(),
      );
      // The healthy webhook of the same client got both, in order.
      await waitFor('both at /ok', () => receiver.at('/ok').filter((request) => [first.id, second.id].includes(String(ids(request)))).length === 2);
      expect(receiver.at('/ok').map(ids).filter((id) => id === first.id || id === second.id)).toEqual([first.id, second.id]);

      // An ADMIN of another province sees nothing of them and replays nothing.
      const giaLaiAdmin = await mintDevToken({ unit: '64', roles: ['ADMIN'] });
      const foreign = await query(DELIVERIES, { id: clientId, status: 'PARKED' }, giaLaiAdmin);
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
      expect(foreign.data.serviceClient).toBeNull();
      const firstDelivery = both.find((node: any) => node.eventId === first.id).id;
      const foreignReplay = await query(REPLAY, { id: firstDelivery }, giaLaiAdmin);
      expect(errorCodes(foreignReplay)).toEqual(['NOT_FOUND']);
      expect(errorCodes(await query(REPLAY_ALL, { id: clientId }, giaLaiAdmin))).toEqual(['NOT_FOUND']);
      const officer = await query(DELIVERIES, { id: clientId, status: 'PARKED' }, await mintDevToken({ unit: '62', roles: ['INSPECTOR'] }));
      expect(errorCodes(officer)).toEqual(['FORBIDDEN']);
      expect(officer.data.serviceClient.webhookDeliveries).toBeNull();
      expect(await rows(WebhookDelivery).countBy({ webhookId: failing, status: 'PARKED' })).toBe(2);

      // The receiver is mended: the client's ADMIN replays one, then the rest.
      receiver.answers.set('/fail', 200);
      const replayed = await query(REPLAY, { id: firstDelivery }, konTumAdmin);
      expect(replayed.errors).toBeUndefined();
      expect(replayed.data.replayWebhookDelivery).toMatchObject({ status: 'PENDING', attempts: 0 });
      await waitFor('the replayed delivery', async () => (await rows(WebhookDelivery).findOneBy({ id: firstDelivery }))?.status === 'DELIVERED');
      expect(errorCodes(await query(REPLAY, { id: firstDelivery }, konTumAdmin))).toEqual(['CONFLICT']);
      const rest = await query(REPLAY_ALL, { id: clientId }, konTumAdmin);
      expect(rest.data.replayParkedWebhookDeliveries).toBe(1);
      await waitFor('the second replayed', async () => (await rows(WebhookDelivery).countBy({ webhookId: failing, status: 'DELIVERED' })) === 2);
      const delivered = receiver.at('/fail').slice(6);
      expect(delivered.map(ids)).toEqual([first.id, second.id]);
      expect(delivered.map((request) => request.verified)).toEqual([
        { ok: true, payload: { type: first.type, timestamp: first.occurredAt, data: first } },
        { ok: true, payload: { type: second.type, timestamp: second.occurredAt, data: second } },
      ]);
      // Registration and replays are audited like every mutation.
      const audit = await query(`{ auditLog(first: 100) { edges { node { action outcome } } } }`, {}, konTumAdmin);
      const actions = audit.data.auditLog.edges.map((edge: any) => `${edge.node.action} ${edge.node.outcome}`);
      for (const action of ['registerWebhook', 'replayWebhookDelivery', 'replayParkedWebhookDeliveries']) expect(actions).toContain(`mutation ${action} SUCCEEDED`);
      await query(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: failing }, konTumAdmin);
    });
  });
});
