import { buildFederatedSchema } from '../core/federated-schema';
import { UnitInspectionsResolver } from './extends/AdministrativeUnit';
import { AgencyInspectionsResolver } from './extends/Agency';
import { Finding } from './finding/finding';
import { FindingResolver } from './finding/finding.resolver';
import { Inspection } from './inspection/inspection';
import { InspectionResolver } from './inspection/inspection.resolver';
import { InspectionPlan } from './plan/inspection-plan';
import { PlanTarget } from './plan/plan-target';
import { PlanTargetResolver } from './plan/plan-target.resolver';
import { PlanResolver } from './plan/plan.resolver';
import { referenceResolvers } from './references';
import { ReformScoreAreaRecord, ReformScoreRecord } from './score/reform-score-record';
import { ScoreResolver } from './score/score.resolver';
import { outboxEntities } from '../core/events/outbox-entities';
import { IdempotencyRecord } from '../core/idempotency';

export const inspectionsEntities = [InspectionPlan, PlanTarget, Inspection, Finding, ReformScoreRecord, ReformScoreAreaRecord, IdempotencyRecord, ...outboxEntities];

export const buildInspectionsSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        PlanResolver,
        PlanTargetResolver,
        InspectionResolver,
        FindingResolver,
        ScoreResolver,
        UnitInspectionsResolver,
        AgencyInspectionsResolver,
      ],
    },
    referenceResolvers,
  );
