import type { DataSource } from 'typeorm';
import { Dossier } from '../dossier/dossier';
import { Feedback } from '../feedback/feedback';
import { Procedure } from '../procedure/procedure';
import { rebuildRollups } from '../rollups/backfill';
import { insertInBatches } from '../../core/database';
import { searchKey } from '../../core/text-search';
import { DEMO_CATALOGS } from './catalogs';
import { demoCohorts } from './cohorts';
import { catalogRows } from './demo-catalog';
import { cohortRows, resetDossierIds } from './demo-dossiers';
import { demoFeedback } from './demo-feedback';
import { peerProvinces } from './peer-provinces';
import { reformCatalogue, reformCohorts } from './reform-2025';
import { REFORM_FOCUS_PROVINCES } from '../../core/demo/reform-2025-focus';
import { stampedDossier, stampedProcedure } from '../updated-at';

/** Rows per INSERT: ~1000 keeps the statement count low and under both drivers' parameter limits. */
const BATCH = 1000;

export function demoData() {
  resetDossierIds();
  const catalogue = Object.entries(DEMO_CATALOGS).flatMap(([province, blocks]) => catalogRows(province, blocks));
  const peers = peerProvinces();
  // After 1 July 2025 the merged provinces republish their predecessors' catalogues (seed/reform-2025.ts).
  const previous = [...catalogue, ...peers.procedures];
  const republished = REFORM_FOCUS_PROVINCES.flatMap((province) => reformCatalogue(province, previous));
  // Pull sync: each row's updatedAt is its latest lifecycle instant, stamped once the row is final.
  return {
    procedures: [...previous, ...republished].map(stampedProcedure),
    dossiers: [...demoCohorts(catalogue).flatMap(cohortRows), ...peers.dossiers, ...reformCohorts(previous, republished).flatMap(cohortRows)].map(stampedDossier),
    feedback: [...demoFeedback(), ...peers.feedback],
  };
}

/**
 * Fills the folded search name of procedures stored before the column existed (a database a
 * release before the column synchronized); none in a database made since.
 */
async function fillSearchNames(dataSource: DataSource) {
  const repository = dataSource.getRepository(Procedure);
  const missing = await repository.find({ select: { id: true, name: true }, where: { searchName: '' } });
  for (const procedure of missing) await repository.update({ id: procedure.id }, { searchName: searchKey(procedure.name) });
}

/** Loads the demo data once, into an empty database, in one transaction. Returns whether it loaded. */
export async function seedProcedures(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Procedure).count()) > 0) {
    await fillSearchNames(dataSource);
    return false;
  }
  const { procedures, dossiers, feedback } = demoData();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, Procedure, procedures, BATCH);
    await insertInBatches(manager, Dossier, dossiers, BATCH);
    await insertInBatches(manager, Feedback, feedback, BATCH);
    // The rollups of what was loaded, by the same statements as the migration's backfill.
    await rebuildRollups(manager);
  });
  return true;
}
