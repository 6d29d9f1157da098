import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { openDatabase } from '../services/core/database';
import type { HubEvent } from '../services/core/events/hub-event';
import { ClientAuthentication, ClientStatus, ServiceClient } from '../services/institutions/clients/service-client';
import { Webhook } from '../services/institutions/clients/webhook';
import { newWebhookSecret } from '../services/institutions/clients/webhook-registry';
import { storeEvents } from '../services/institutions/events/event-intake';
import { WebhookDelivery } from '../services/institutions/events/webhook-delivery';
import { WebhookDispatcher } from '../services/institutions/events/webhook-dispatcher';
import { institutionsMigrations } from '../services/institutions/migrations';
import { institutionsEntities } from '../services/institutions/schema';

/**
 * `npm run build && npx node dist/bench/webhook-delivery.js [--db sqlite|mariadb] [--records 200] [--events 10]`
 * Stores `records × events` events (one record's events in sequence order) for one Kon Tum
 * client's webhook on a fresh institutions database, then lets the dispatcher deliver them to a
 * receiver on 127.0.0.1 that answers 204 at once. Prints events stored per second and
 * deliveries per second, and checks every record's events arrived in order.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    records: { type: 'string', default: '200' },
    events: { type: 'string', default: '10' },
    'mysql-url': { type: 'string', default: process.env.HUB_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
  },
});

async function databaseUrl(db: string): Promise<string> {
  if (db === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-bench-webhooks-')), 'institutions.sqlite')}`;
  const server = new URL(values['mysql-url']!);
  const connection = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
  await connection.query('DROP DATABASE IF EXISTS hub_bench_webhooks');
  await connection.end();
  return `${values['mysql-url']!.replace(/\/$/, '')}/hub_bench_webhooks`;
}

async function main() {
  const records = Number(values.records);
  const perRecord = Number(values.events);
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(String(request.headers['webhook-id']));
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  process.env.HUB_WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${port}`;
  process.env.HUB_WEBHOOK_POLL_MS = '50';
  const dataSource = await openDatabase({ name: 'institutions', url: await databaseUrl(values.db!), entities: institutionsEntities, migrations: institutionsMigrations });
  try {
    const now = new Date().toISOString();
    await dataSource.getRepository(ServiceClient).insert(Object.assign(new ServiceClient(), {
      id: 'svc-62-bench', name: 'bench', unitCode: '62', unitPath: 'VN/62/', scopes: ['dossiers:read'], authentication: ClientAuthentication.SECRET,
      secretHash: null, publicKeyPem: null, status: ClientStatus.ACTIVE, createdAt: now, createdBy: 'bench', rotatedAt: null, revokedAt: null, revocationReason: null,
    }));
    await dataSource.getRepository(Webhook).insert(Object.assign(new Webhook(), {
      id: 'whk-bench', clientId: 'svc-62-bench', url: `http://127.0.0.1:${port}/in`, eventTypes: ['dossier.state_changed'], secret: newWebhookSecret(),
      unitPath: 'VN/62/', createdAt: now, createdBy: 'bench', rotatedAt: null,
    }));
    const order = new Map<string, string[]>();
    const events: HubEvent[] = [];
    for (let sequence = 1; sequence <= perRecord; sequence += 1) {
      for (let record = 0; record < records; record += 1) {
        const event: HubEvent = {
          id: randomUUID(), type: 'dossier.state_changed', occurredAt: now, subgraph: 'procedures',
          record: { type: 'Dossier', id: `62-bench-${record}` }, unit: { id: '62', path: 'VN/62' }, state: 'PROCESSING', sequence,
        };
        events.push(event);
        order.set(event.record.id, [...(order.get(event.record.id) ?? []), event.id]);
      }
    }
    const storing = performance.now();
    for (let at = 0; at < events.length; at += 100) await storeEvents(dataSource, events.slice(at, at + 100));
    const storeSeconds = (performance.now() - storing) / 1000;
    const sending = performance.now();
    const dispatcher = new WebhookDispatcher(dataSource).start();
    const deliveries = dataSource.getRepository(WebhookDelivery);
    while ((await deliveries.countBy({ status: 'DELIVERED' })) < events.length) await new Promise((resolve) => setTimeout(resolve, 50));
    const sendSeconds = (performance.now() - sending) / 1000;
    await dispatcher.stop();
    const position = new Map(received.map((id, index) => [id, index]));
    const inOrder = [...order.values()].every((ids) => ids.every((id, index) => index === 0 || position.get(ids[index - 1])! < position.get(id)!));
    console.log(
      `${values.db}: ${events.length} events (${records} records × ${perRecord}): stored ${Math.round(events.length / storeSeconds)} events/s, ` +
        `delivered ${Math.round(events.length / sendSeconds)} deliveries/s; ${received.length} requests received; every record in order: ${inOrder}`,
    );
  } finally {
    await dataSource.destroy();
    receiver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
