import { Connection } from '../core/pagination';
import { Finding } from './finding/finding';
import { Inspection } from './inspection/inspection';
import { InspectionPlan } from './plan/inspection-plan';
import { PlanTarget } from './plan/plan-target';

export const InspectionConnection = Connection(Inspection);
export const FindingConnection = Connection(Finding);
export const InspectionPlanConnection = Connection(InspectionPlan);
export const PlanTargetConnection = Connection(PlanTarget);
