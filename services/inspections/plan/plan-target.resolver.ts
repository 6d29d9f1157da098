import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DateTime } from '../../core/input/date-time';
import { AgencyRef } from '../extends/Agency';
import { UnitRef } from '../extends/AdministrativeUnit';
import { PlanTarget, type PlanTargetRow } from './plan-target';

@Resolver(() => PlanTarget)
export class PlanTargetResolver {
  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The agency to inspect.' })
  targetAgency(@Root() target: PlanTarget): AgencyRef {
    return { id: target.targetAgencyId };
  }

  @FieldResolver(() => DateTime, {
    description: "When the target last changed (DateTime): a target is written with its plan and never changes, so this is the plan's `updatedAt`. `targets(updatedSince:)` compares it.",
  })
  updatedAt(@Root() target: PlanTargetRow): string {
    return target.updatedAt;
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The administrative unit of the agency to inspect.' })
  targetUnit(@Root() target: PlanTarget): UnitRef {
    return { id: target.targetUnitId };
  }
}
