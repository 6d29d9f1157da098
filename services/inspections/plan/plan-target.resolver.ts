import { FieldResolver, Resolver, Root } from 'type-graphql';
import { AgencyRef } from '../extends/Agency';
import { UnitRef } from '../extends/AdministrativeUnit';
import { PlanTarget } from './plan-target';

@Resolver(() => PlanTarget)
export class PlanTargetResolver {
  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The agency to inspect.' })
  targetAgency(@Root() target: PlanTarget): AgencyRef {
    return { id: target.targetAgencyId };
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The administrative unit of the agency to inspect.' })
  targetUnit(@Root() target: PlanTarget): UnitRef {
    return { id: target.targetUnitId };
  }
}
