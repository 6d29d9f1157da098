import type { SubgraphContext } from '../core/context';
import { groupedByKeys } from '../core/loaders';
import { scopedLoader } from '../core/access';
import { Finding } from './finding/finding';
import { Inspection } from './inspection/inspection';
import { InspectionPlan } from './plan/inspection-plan';
import { PlanTarget } from './plan/plan-target';
import { visibleLoader } from './inspection/inspection-visibility';

/** Plans belong to the inspecting unit: rule 1 on the plan's own path. */
export const planById = (context: SubgraphContext) => scopedLoader(context, { entity: InspectionPlan, label: 'InspectionPlan' });

/** Inspections and findings: visible to the inspecting side and to the inspected side (visibility.ts). */
export const inspectionById = (context: SubgraphContext) => visibleLoader(context, Inspection, 'Inspection');
export const findingById = (context: SubgraphContext) => visibleLoader(context, Finding, 'Finding');

/**
 * Findings of many inspections in one statement. A finding is visible exactly when its
 * inspection is (same two paths), and callers only reach here from a visible inspection.
 */
export const findingsOfInspection = (context: SubgraphContext) =>
  context.loaders.get<string, Finding[]>('findings:inspection', async (inspectionIds) => {
    const rows = await context.dataSource
      .getRepository(Finding)
      .createQueryBuilder('finding')
      .where('finding.inspectionId IN (:...inspectionIds)', { inspectionIds: [...inspectionIds] })
      .getMany();
    return groupedByKeys(inspectionIds, rows, (row) => row.inspectionId);
  });

/** Targets of many plans in one statement; only reached from a plan already in scope. */
export const targetsOfPlan = (context: SubgraphContext) =>
  context.loaders.get<string, PlanTarget[]>('targets:plan', async (planIds) => {
    const rows = await context.dataSource
      .getRepository(PlanTarget)
      .createQueryBuilder('target')
      .where('target.planId IN (:...planIds)', { planIds: [...planIds] })
      .getMany();
    return groupedByKeys(planIds, rows, (row) => row.planId);
  });
