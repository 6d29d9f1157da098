import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubEvent } from '../../services/core/events/hub-event';
import { OutboxEvent } from '../../services/core/events/outbox-entities';
import { INTERNAL_CALL_HEADER, verifyInternalCall } from '../../services/core/internal-call';
import { ReplayGuard } from '../../services/core/principal';
import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';

const EVENT_VARIABLES = ['NATS_URL', 'HUB_EVENTS_URL', 'HUB_EVENTS_POLL_MS', 'HUB_EVENTS_MAX_BACKOFF_MS'] as const;

/**
 * A stand-in for institutions' `/internal/events` (the webhooks side builds the real one): it
 * checks each batch's internal-call signature as institutions does, refuses the first one
 * (503) so the relay must retry, and keeps what it accepted.
 */
async function startReceiver() {
  const accepted: Array<{ caller: string; events: HubEvent[] }> = [];
  const refused: string[] = [];
  let failFirst = true;
  const replays = new ReplayGuard(`events-receiver-${process.pid}`);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        if (request.url !== '/internal/events') throw new Error(`unexpected path ${request.url}`);
        const header = request.headers[INTERNAL_CALL_HEADER];
        const caller = await verifyInternalCall(Array.isArray(header) ? header[0] : header, 'events', body, replays);
        if (failFirst) {
          failFirst = false;
          response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not now' }));
          return;
        }
        accepted.push({ caller, events: (JSON.parse(body) as { events: HubEvent[] }).events });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch (error) {
        refused.push(String(error));
        response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    refused,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Without NATS: the relay posts signed batches to `/internal/events`, retries a refusal, and stamps only what was accepted. */
describe.each(DATABASES)('events without NATS, posted directly, on %s', (kind) => {
  const saved: Partial<Record<(typeof EVENT_VARIABLES)[number], string>> = {};
  let hub: TestHub;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    for (const name of EVENT_VARIABLES) saved[name] = process.env[name];
    delete process.env.NATS_URL;
    Object.assign(process.env, { HUB_EVENTS_URL: receiver.url, HUB_EVENTS_POLL_MS: '200', HUB_EVENTS_MAX_BACKOFF_MS: '1000' });
    hub = await startTestHub(kind, `events-direct-${kind}`);
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    await receiver?.close();
    for (const name of EVENT_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('delivers a received dossier\'s event in a signed batch, after retrying the refused first attempt, and stamps it', async () => {
    const received = await hub.query<any>(
      `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
      { input: { clientKey: `direct-${kind}`, procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Phạm Thu Hà', applicantIdNumber: '091111222333' } },
      await hub.token('30880', ['OFFICER']),
    );
    expect(received.errors).toBeUndefined();
    const id = received.data.receiveDossier.id;
    const outbox = hub.subgraphs.procedures.dataSource.getRepository(OutboxEvent);
    const deadline = Date.now() + 120_000;
    let row: OutboxEvent | null = null;
    while (Date.now() < deadline) {
      row = await outbox.createQueryBuilder('event').where('event.payload LIKE :id', { id: `%${id}%` }).getOne();
      if (row?.publishedAt) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    expect(row?.publishedAt).toEqual(expect.any(String));
    // The only event of this hub: the refused first batch was this one, counted on its row.
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toContain('not now');
    const delivered = receiver.accepted.flatMap(({ caller, events }) => events.filter((event) => event.record.id === id).map((event) => ({ caller, event })));
    expect(delivered).toEqual([{ caller: 'procedures', event: expect.objectContaining({ id: row!.eventId, type: 'dossier.received', state: 'RECEIVED', sequence: 1 }) }]);
    expect(JSON.stringify(delivered)).not.toContain('Phạm Thu Hà');
    // Every batch was signed for /internal/events and its exact body.
    expect(receiver.refused).toEqual([]);
  });
});
