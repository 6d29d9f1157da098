import type { DataSource } from 'typeorm';
import { demoUnits } from '../../core/demo/administrative-tree';
import { insertInBatches } from '../../core/database';
import { storedPath } from '../../core/access';
import { searchKey } from '../../core/text-search';
import { Agency } from '../agency/agency';
import { Official } from '../official/official';
import { AdministrativeUnit } from '../unit/administrative-unit';
import { UnitLevel } from '../../core/unit-level';
import { demoAgencies } from './demo-agencies';
import { demoClients } from './demo-clients';
import { ServiceClient } from '../clients/service-client';
import { SafelistedOperation } from '../clients/safelisted-operation';

/** Loads the demo data once, into an empty database, in one transaction. Returns whether it loaded. */
export async function seedInstitutions(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(AdministrativeUnit).count()) > 0) return false;
  const units = [...demoUnits().values()].map((unit) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    searchName: searchKey(unit.name),
    fullName: unit.fullName,
    level: unit.level as UnitLevel,
    parentId: unit.parentId,
    unitPath: storedPath(unit.path),
    validFrom: null,
    validTo: null,
    successorId: null,
  }));
  const { agencies, officials } = demoAgencies();
  const { clients, operations } = demoClients();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, AdministrativeUnit, units);
    await insertInBatches(manager, Agency, agencies);
    await insertInBatches(manager, Official, officials);
    await insertInBatches(manager, ServiceClient, clients);
    await insertInBatches(manager, SafelistedOperation, operations);
  });
  return true;
}
