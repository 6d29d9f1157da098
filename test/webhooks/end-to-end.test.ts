import { connect, type NatsConnection } from 'nats';
import { startGateway } from '../../gateway/gateway-server';
import { mintDevToken } from '../../gateway/auth/dev-token';
import type { RunningServer } from '../../services/core/subgraph-server';
import { DATABASES } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { testGatewayConfig } from '../support/hub';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';
import { REGISTER_CLIENT, REGISTER_WEBHOOK } from './webhook-hub';
import { WebhookReceiver, waitFor } from './webhook-receiver';

const NATS_URL = process.env.HUB_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;

/**
 * Issue 15's promise end to end: a dossier received through the real gateway is written with
 * its event (the procedures outbox), relayed (JetStream, or directly to institutions), stored
 * and delivered to the webhook of a Kon Tum service client, signed per Standard Webhooks and
 * verified by the receiver with the `standardwebhooks` package; a Gia Lai dossier received
 * beside it never reaches that webhook. With NATS JetStream and without, on both databases.
 * (The pre-reform suites' day, 2025-06-30: Kon Tum and Gia Lai are both in force.)
 */
describe.each(DATABASES)('a dossier to a webhook, end to end, on %s', (kind) => {
  describe.each(['direct', 'jetstream'] as const)('events %s', (transport) => {
    const receiver = new WebhookReceiver();
    const saved = { ...process.env };
    const names = ['HUB_WEBHOOK_ALLOWED_HOSTS', 'HUB_WEBHOOK_RETRY_SCHEDULE', 'HUB_WEBHOOK_POLL_MS', 'HUB_EVENTS_STREAM', 'HUB_EVENTS_SUBJECT_PREFIX', 'NATS_URL'];
    const stream = `E2E_${process.pid}_${kind}_${transport}`;
    let started: TestSubgraphs;
    let gateway: RunningServer;
    let nats: NatsConnection | undefined;
    const ask = (text: string, variables: Record<string, unknown>, token: string) =>
      postGraphQL<any>(`${gateway.url}/graphql`, text, variables, { authorization: `Bearer ${token}` });

    beforeAll(async () => {
      await receiver.start();
      Object.assign(process.env, {
        HUB_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
        HUB_WEBHOOK_RETRY_SCHEDULE: '0.2,0.3',
        HUB_WEBHOOK_POLL_MS: '100',
        HUB_EVENTS_STREAM: stream,
        HUB_EVENTS_SUBJECT_PREFIX: `e2e${process.pid}${kind}.hub.events`,
      });
      if (transport === 'jetstream') {
        process.env.NATS_URL = NATS_URL;
        nats = await connect({ servers: NATS_URL });
        // The stream exists before the hub starts, as in a deployment: institutions' consumer binds at once.
        const manager = await nats.jetstreamManager();
        await manager.streams.delete(stream).catch(() => undefined);
        await manager.streams.add({ name: stream, subjects: [`${process.env.HUB_EVENTS_SUBJECT_PREFIX}.>`] });
      } else {
        delete process.env.NATS_URL;
      }
      started = await startSubgraphs(kind, `e2e_${transport}`, ['institutions', 'procedures']);
      const nowhere = 'http://127.0.0.1:9/graphql';
      gateway = await startGateway(testGatewayConfig({ documents: nowhere, inspections: nowhere, ...started.urls }));
    }, 900_000);

    afterAll(async () => {
      await gateway?.close();
      await started?.close();
      if (nats) {
        await (await nats.jetstreamManager()).streams.delete(stream).catch(() => undefined);
        await nats.close();
      }
      await receiver.close();
      for (const name of names) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it('delivers the Kon Tum dossier\'s event, correctly signed, within five seconds of its receipt; never the Gia Lai one\'s', async () => {
      const admin = await mintDevToken({ unit: '62', roles: ['ADMIN'] });
      const client = await ask(REGISTER_CLIENT, { input: { name: 'Hệ thống một cửa Kon Tum (thử)', unitCode: '62', scopes: ['dossiers:read'] } }, admin);
      expect(client.errors).toBeUndefined();
      const webhook = await ask(REGISTER_WEBHOOK, { input: { clientId: client.data.registerServiceClient.client.id, url: receiver.url('/e2e'), eventTypes: ['dossier.received'] } }, admin);
      expect(webhook.errors).toBeUndefined();
      receiver.secrets.set('/e2e', webhook.data.registerWebhook.secret);

      const receive = async (province: '62' | '64') =>
        ask(RECEIVE, {
          input: { clientKey: `e2e-${transport}-${province}`, procedureId: `${province}-T0001`, unitCode: province, agencyId: `${province}.ubnd`, channel: 'IN_PERSON', componentCount: 1, applicantName: 'Nguyễn Văn Thử', applicantIdNumber: `0${province}123456789` },
        }, await mintDevToken({ unit: province, roles: ['OFFICER'] }));
      const giaLai = await receive('64');
      expect(giaLai.errors).toBeUndefined();
      const konTum = await receive('62');
      expect(konTum.errors).toBeUndefined();
      const dossierId = konTum.data.receiveDossier.id;

      const got = await waitFor('the Kon Tum dossier event', () => receiver.at('/e2e').find((request) => request.verified.ok && (request.verified as any).payload.data.record.id === dossierId), 5_000);
      expect((got.verified as any).payload).toMatchObject({ type: 'dossier.received', data: { type: 'dossier.received', subgraph: 'procedures', record: { type: 'Dossier', id: dossierId }, state: 'RECEIVED', sequence: 1 } });
      expect(got.headers['webhook-id']).toBe((got.verified as any).payload.data.id);
      // Ids and states only: no applicant in what left the hub.
      expect(got.body).not.toContain('Nguyễn Văn Thử');
      expect(got.body).not.toContain('123456789');
      // The Gia Lai dossier was received first and its event relayed in the same order: it never came.
      expect(receiver.at('/e2e').filter((request) => request.body.includes(giaLai.data.receiveDossier.id))).toEqual([]);
    });
  });
});
