import type { DataSource } from 'typeorm';
import { insertInBatches } from '../../core/database';
import { Agency } from '../agency/agency';
import { Official } from '../official/official';
import { demoAgencies } from './demo-agencies';
import { demoClients } from './demo-clients';
import { ServiceClient } from '../clients/service-client';
import { SafelistedOperation } from '../clients/safelisted-operation';

/**
 * Loads the demo data once, into a database without agencies, in one transaction: agencies
 * and officials of both trees, and the demo service clients. Returns whether it loaded. The
 * unit trees themselves are reference data, which every database gets from its migrations
 * (unit/unit-trees.ts), with or without the demo.
 */
export async function seedInstitutions(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Agency).count()) > 0) return false;
  const { agencies, officials } = demoAgencies();
  const { clients, operations } = demoClients();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, Agency, agencies);
    await insertInBatches(manager, Official, officials);
    await insertInBatches(manager, ServiceClient, clients);
    await insertInBatches(manager, SafelistedOperation, operations);
  });
  return true;
}
