import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { mintDevToken } from '../../gateway/auth/dev-token';
import type { HubEvent } from '../../services/core/events/hub-event';
import { callInternal, InternalCallFailed, serviceBase } from '../../services/core/internal-call';
import { Webhook } from '../../services/institutions/clients/webhook';
import { deliveryTarget, urlRefusal } from '../../services/institutions/clients/webhook-url';
import { StoredEvent } from '../../services/institutions/events/stored-event';
import { WebhookDelivery } from '../../services/institutions/events/webhook-delivery';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { REGISTER_WEBHOOK, startWebhookHub, type WebhookHub } from './webhook-hub';
import { WebhookReceiver, waitFor } from './webhook-receiver';

const ENV = ['HUB_WEBHOOK_ALLOWED_HOSTS', 'HUB_WEBHOOK_RETRY_SCHEDULE', 'HUB_WEBHOOK_POLL_MS', 'NATS_URL', 'NODE_ENV'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const restore = () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
};

const event = (overrides: Partial<HubEvent> = {}): HubEvent => ({
  id: randomUUID(),
  type: 'dossier.received',
  occurredAt: '2025-06-30T03:00:00.000Z',
  subgraph: 'procedures',
  record: { type: 'Dossier', id: `62-${randomUUID()}` },
  unit: { id: '62', path: 'VN/62' },
  state: 'RECEIVED',
  sequence: 1,
  ...overrides,
});

/**
 * The webhook allow-list (README, "Webhooks"): what a URL may be, at registration and again at
 * delivery, where the address the connection goes to is checked. No database is involved here.
 */
describe('webhook URLs', () => {
  afterEach(restore);

  it('allows https on an allow-listed host and port, http to 127.0.0.1 outside production only, and nothing else', () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = 'hooks.example.vn, 127.0.0.1:8080';
    delete process.env.NODE_ENV;
    expect(urlRefusal('https://hooks.example.vn/in')).toBeNull();
    expect(urlRefusal('http://127.0.0.1:8080/in')).toBeNull();
    expect(urlRefusal('https://hooks.example.vn:8443/in')).toMatch(/allow-list/);
    expect(urlRefusal('https://other.example.vn/in')).toMatch(/allow-list/);
    expect(urlRefusal('http://hooks.example.vn/in')).toMatch(/https/);
    expect(urlRefusal('https://me:pw@hooks.example.vn/in')).toMatch(/credentials/);
    process.env.NODE_ENV = 'production';
    expect(urlRefusal('https://hooks.example.vn/in')).toBeNull();
    expect(urlRefusal('http://127.0.0.1:8080/in')).toBe('url must use https');
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '';
    expect(urlRefusal('https://hooks.example.vn/in')).toMatch(/allow-list/);
  });

  it('refuses at delivery a name that resolves to an internal address the allow-list does not name', async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = 'localhost:8443,127.0.0.1:9443,localhost:9443,[::1]:9443';
    await expect(deliveryTarget('https://localhost:8443/in')).rejects.toThrow(/internal address/);
    await expect(deliveryTarget('https://127.0.0.1:9443/in')).resolves.toMatchObject({ address: '127.0.0.1', family: 4 });
    await expect(deliveryTarget('https://127.0.0.1:9444/in')).rejects.toThrow(/allow-list/);
    // A name that resolves to an address the list names with that very port is what development does.
    await expect(deliveryTarget('https://localhost:9443/in')).resolves.toMatchObject({ address: (await lookup('localhost', { verbatim: true })).address });
  });
});

/**
 * Registering webhooks through the real gateway: bad input is BAD_USER_INPUT and writes nothing,
 * principals outside the client's scope get nothing; the allow-list is checked again at every
 * delivery; `/internal/events` takes signed batches of the caller's own records only.
 */
describe.each(DATABASES)('webhook registration on %s', (kind) => {
  const receiver = new WebhookReceiver();
  let hub: WebhookHub;
  let clientId: string;
  let konTumAdmin: string;
  const webhooks = () => hub.started.subgraphs.institutions.dataSource.getRepository(Webhook);
  const emit = (events: unknown[], caller = 'procedures') =>
    callInternal(serviceBase(`${hub.started.subgraphs.institutions.url}/graphql`), 'events', caller, { events });

  beforeAll(async () => {
    await receiver.start();
    Object.assign(process.env, { HUB_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`, HUB_WEBHOOK_RETRY_SCHEDULE: '0.1', HUB_WEBHOOK_POLL_MS: '100' });
    delete process.env.NATS_URL;
    hub = await startWebhookHub(kind, 'webhook_registration');
    clientId = await hub.client('62', ['dossiers:read']);
    konTumAdmin = await mintDevToken({ unit: '62', roles: ['ADMIN'] });
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    await receiver.close();
    restore();
  });

  it('refuses every bad registration with BAD_USER_INPUT, and principals outside the scope, writing nothing', async () => {
    const good = { clientId, url: receiver.url('/in'), eventTypes: ['dossier.received'] };
    const cases: [string, string | undefined, Record<string, unknown>, string][] = [
      ['another port', konTumAdmin, { ...good, url: `http://127.0.0.1:${receiver.port + 1}/in` }, 'BAD_USER_INPUT'],
      ['a host off the list', konTumAdmin, { ...good, url: 'https://example.org/in' }, 'BAD_USER_INPUT'],
      ['credentials', konTumAdmin, { ...good, url: `http://u:p@127.0.0.1:${receiver.port}/in` }, 'BAD_USER_INPUT'],
      ['http to another name', konTumAdmin, { ...good, url: `http://localhost:${receiver.port}/in` }, 'BAD_USER_INPUT'],
      ['IPv6 loopback', konTumAdmin, { ...good, url: `http://[::1]:${receiver.port}/in` }, 'BAD_USER_INPUT'],
      ['another scheme', konTumAdmin, { ...good, url: `ftp://127.0.0.1:${receiver.port}/in` }, 'BAD_USER_INPUT'],
      ['a fragment', konTumAdmin, { ...good, url: `${receiver.url('/in')}#x` }, 'BAD_USER_INPUT'],
      ['not a URL', konTumAdmin, { ...good, url: 'hooks' }, 'BAD_USER_INPUT'],
      ['too long', konTumAdmin, { ...good, url: `${receiver.url('/')}${'a'.repeat(2000)}` }, 'BAD_USER_INPUT'],
      ['no event type', konTumAdmin, { ...good, eventTypes: [] }, 'BAD_USER_INPUT'],
      ['unknown event type', konTumAdmin, { ...good, eventTypes: ['dossier.deleted'] }, 'BAD_USER_INPUT'],
      ['a type its scopes cannot read', konTumAdmin, { ...good, eventTypes: ['document.sent'] }, 'BAD_USER_INPUT'],
      ['Gia Lai ADMIN', await mintDevToken({ unit: '64', roles: ['ADMIN'] }), good, 'NOT_FOUND'],
      ['Kon Tum OFFICER', await mintDevToken({ unit: '62', roles: ['OFFICER'] }), good, 'FORBIDDEN'],
      ['a district ADMIN of Kon Tum', await mintDevToken({ unit: '608', roles: ['ADMIN'] }), good, 'NOT_FOUND'],
      ['no token', undefined, good, 'UNAUTHENTICATED'],
    ];
    for (const [label, token, input, code] of cases) {
      const answer = await hub.query(REGISTER_WEBHOOK, { input }, token);
      expect([label, errorCodes(answer)]).toEqual([label, [code]]);
    }
    expect(await webhooks().count()).toBe(0);
  });

  it('lists, rotates and removes webhooks for the client\'s ADMIN only, a page at a time, never showing a secret', async () => {
    const made = [];
    for (const path of ['/a', '/b']) {
      const answer = await hub.query(REGISTER_WEBHOOK, { input: { clientId, url: receiver.url(path), eventTypes: ['dossier.resolved'] } }, konTumAdmin);
      expect(answer.errors).toBeUndefined();
      made.push(answer.data.registerWebhook);
    }
    const LIST = `query($id: ID!, $after: String) { serviceClient(id: $id) { webhooks(first: 1, after: $after) { edges { node { id url } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await hub.query(LIST, { id: clientId }, konTumAdmin)).data.serviceClient.webhooks;
    const second = (await hub.query(LIST, { id: clientId, after: first.pageInfo.endCursor }, konTumAdmin)).data.serviceClient.webhooks;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.edges, ...second.edges].map((edge: any) => edge.node.id).sort()).toEqual(made.map((one) => one.webhook.id).sort());
    const giaLaiAdmin = await mintDevToken({ unit: '64', roles: ['ADMIN'] });
    const id = made[0].webhook.id;
    for (const mutation of [`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, `mutation($id: ID!) { removeWebhook(id: $id) { id } }`]) {
      expect(errorCodes(await hub.query(mutation, { id }, giaLaiAdmin))).toEqual(['NOT_FOUND']);
    }
    const rotated = await hub.query(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id } } }`, { id }, konTumAdmin);
    expect(rotated.data.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data.rotateWebhookSecret.secret).not.toBe(made[0].secret);
    for (const one of made) expect((await hub.query(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: one.webhook.id }, konTumAdmin)).errors).toBeUndefined();
    expect(await webhooks().count()).toBe(0);
  });

  it('checks the allow-list again at delivery: a host taken off it gets nothing, and the delivery is parked', async () => {
    const answer = await hub.query(REGISTER_WEBHOOK, { input: { clientId, url: receiver.url('/later'), eventTypes: ['dossier.received'] } }, konTumAdmin);
    expect(answer.errors).toBeUndefined();
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${receiver.port + 1}`;
    try {
      const sent = event();
      await emit([sent]);
      const parked = await waitFor('the parked delivery', async () => {
        const row = await hub.started.subgraphs.institutions.dataSource.getRepository(WebhookDelivery).findOneBy({ eventId: sent.id });
        return row?.status === 'PARKED' ? row : undefined;
      });
      expect(parked).toMatchObject({ attempts: 2, lastStatus: null });
      expect(parked.lastError).toMatch(/^refused: .*allow-list/);
      expect(receiver.at('/later')).toEqual([]);
    } finally {
      process.env.HUB_WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${receiver.port}`;
      await hub.query(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: answer.data.registerWebhook.webhook.id }, konTumAdmin);
    }
  });

  it("delivers to a merged province's client the events of the dissolved provinces whose territory went into it, and no others (rule 13)", async () => {
    // Registered on the real day: the merged Quảng Ngãi (51@2025) holds old Quảng Ngãi and old Kon Tum; old Gia Lai went into the new Gia Lai.
    const asOf = process.env.HUB_AS_OF;
    process.env.HUB_AS_OF = '';
    let mergedClient: string;
    try {
      mergedClient = await hub.client('51', ['dossiers:read']);
      const answer = await hub.query(
        REGISTER_WEBHOOK,
        { input: { clientId: mergedClient, url: receiver.url('/merged'), eventTypes: ['dossier.received'] } },
        await mintDevToken({ unit: '51', roles: ['ADMIN'] }),
      );
      expect(answer.errors).toBeUndefined();
      receiver.secrets.set('/merged', answer.data.registerWebhook.secret);
    } finally {
      process.env.HUB_AS_OF = asOf;
    }
    const konTum = event();
    const giaLai = event({ unit: { id: '64', path: 'VN/64' }, record: { type: 'Dossier', id: `64-${randomUUID()}` } });
    await emit([giaLai, konTum]);
    const got = await waitFor('the old Kon Tum event at the merged province', () => receiver.at('/merged').find((request) => request.headers['webhook-id'] === konTum.id));
    expect(got.verified).toMatchObject({ ok: true, payload: { data: konTum } });
    const deliveries = hub.started.subgraphs.institutions.dataSource.getRepository(WebhookDelivery);
    expect(await deliveries.countBy({ eventId: giaLai.id })).toBe(0);
  });

  it('takes at /internal/events only signed batches of HubEvents about the caller\'s own records', async () => {
    const stored = () => hub.started.subgraphs.institutions.dataSource.getRepository(StoredEvent).count();
    const before = await stored();
    const refusal = (promise: Promise<unknown>) => promise.then(() => 200, (error) => (error instanceof InternalCallFailed ? error.status : String(error)));
    expect(await refusal(emit([event()], 'documents'))).toBe(400);
    expect(await refusal(emit([event({ id: 'not-a-uuid' })]))).toBe(400);
    expect(await refusal(emit([event({ record: { type: 'Document', id: 'x' } })]))).toBe(400);
    expect(await refusal(emit([event(), { ...event(), sequence: -1 }]))).toBe(400);
    const unsigned = await fetch(`${hub.started.subgraphs.institutions.url}/internal/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [event()] }),
    });
    expect(unsigned.status).toBe(401);
    expect(await stored()).toBe(before);
  });
});
