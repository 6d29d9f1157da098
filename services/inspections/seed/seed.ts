import type { DataSource } from 'typeorm';
import { insertInBatches } from '../../core/database';
import { Finding } from '../finding/finding';
import { Inspection } from '../inspection/inspection';
import { InspectionPlan } from '../plan/inspection-plan';
import { PlanTarget } from '../plan/plan-target';
import { ReformScoreAreaRecord, ReformScoreRecord } from '../score/reform-score-record';
import { demoInspectionRows } from './demo-inspections';
import { demoScoreRows } from './demo-scores';

/** Loads the demo data once, into an empty database, in one transaction. Returns whether it loaded. */
export async function seedInspections(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(InspectionPlan).count()) > 0) return false;
  const { plans, targets, inspections, findings } = demoInspectionRows();
  const { scores, areas } = demoScoreRows();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, InspectionPlan, plans);
    await insertInBatches(manager, PlanTarget, targets);
    await insertInBatches(manager, Inspection, inspections);
    await insertInBatches(manager, Finding, findings);
    await insertInBatches(manager, ReformScoreRecord, scores);
    await insertInBatches(manager, ReformScoreAreaRecord, areas);
  });
  return true;
}
