import type { DataSource } from 'typeorm';
import { allUnits, LAST_PRE_REFORM_DAY, REFORM_DAY, reformTree } from '../../core/demo/reform-2025';
import { UnitLineage } from '../unit/unit-lineage';
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

/**
 * Loads the demo data once, into an empty database, in one transaction. Returns whether it
 * loaded. Both trees: the pre-reform one ends on 2025-06-30, the two-tier one begins on
 * 2025-07-01, and the lineage links them (services/core/demo/reform-2025.ts).
 */
export async function seedInstitutions(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(AdministrativeUnit).count()) > 0) return false;
  const reformIds = new Set(reformTree().units.keys());
  const units = [...allUnits().values()].map((unit) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    searchName: searchKey(unit.name),
    fullName: unit.fullName,
    level: unit.level as UnitLevel,
    parentId: unit.parentId,
    unitPath: storedPath(unit.path),
    validFrom: reformIds.has(unit.id) ? REFORM_DAY : null,
    validTo: reformIds.has(unit.id) || unit.level === 'NATION' ? null : LAST_PRE_REFORM_DAY,
  }));
  const { agencies, officials } = demoAgencies();
  const { clients, operations } = demoClients();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, AdministrativeUnit, units);
    await insertInBatches(manager, UnitLineage, reformTree().lineage);
    await insertInBatches(manager, Agency, agencies);
    await insertInBatches(manager, Official, officials);
    await insertInBatches(manager, ServiceClient, clients);
    await insertInBatches(manager, SafelistedOperation, operations);
  });
  return true;
}
