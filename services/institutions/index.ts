import type { DataSource } from 'typeorm';
import type { SubgraphDefinition } from '../core/subgraph-definition';
import { AuditChain } from './audit/audit-chain';
import { institutionsInternalRoutes } from './internal-routes';
import { buildInstitutionsSchema, institutionsEntities } from './schema';
import { seedInstitutions } from './seed/seed';
import { institutionsMigrations } from './migrations';
import { WebhookDispatcher } from './events/webhook-dispatcher';
import { consumerSettings, startEventConsumer } from './events/event-consumer';

/** One chain per DataSource: the local sink and the internal endpoint share its group commit. */
const chains = new WeakMap<DataSource, AuditChain>();
const chainOf = (dataSource: DataSource) => {
  if (!chains.has(dataSource)) chains.set(dataSource, new AuditChain(dataSource));
  return chains.get(dataSource)!;
};

/**
 * Administrative units, agencies and officials: the owner of the unit tree. It also keeps who
 * else may act in the graph and what everyone did: service clients with their safelisted
 * operations, and the hash-chained audit log every process appends to.
 */
export const institutions: SubgraphDefinition = {
  name: 'institutions',
  defaultPort: 4001,
  entities: institutionsEntities,
  migrations: institutionsMigrations,
  buildSchema: buildInstitutionsSchema,
  seedDemo: seedInstitutions,
  auditSink: (dataSource) => {
    const chain = chainOf(dataSource);
    return { append: async (records) => void (await chain.append(records)) };
  },
  internalRoutes: (dataSource) => institutionsInternalRoutes(dataSource, chainOf(dataSource)),
  // Webhooks (README, "Webhooks"): the dispatcher always; the JetStream consumer when NATS_URL is set.
  background: (dataSource) => {
    const dispatcher = new WebhookDispatcher(dataSource).start();
    const settings = consumerSettings();
    const consumer = settings ? startEventConsumer(dataSource, settings) : undefined;
    return {
      stop: async () => {
        await consumer?.stop();
        await dispatcher.stop();
      },
    };
  },
};
