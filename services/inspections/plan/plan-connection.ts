import { Connection } from '../../core/pagination';
import { InspectionPlan } from './inspection-plan';
import { PlanTarget } from './plan-target';

export const InspectionPlanConnection = Connection(InspectionPlan);
export const PlanTargetConnection = Connection(PlanTarget);
