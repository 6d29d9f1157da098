import { buildFederatedSchema } from '../core/federated-schema';
import { Dossier } from './dossier/dossier';
import { DossierMutationsResolver } from './dossier/dossier-mutations.resolver';
import { DossierResolver } from './dossier/dossier.resolver';
import { AgencyDossiersResolver } from './extends/Agency';
import { UnitStatisticsResolver } from './extends/AdministrativeUnit';
import { Feedback } from './feedback/feedback';
import { DailyCount } from './rollups/daily-count';
import { Procedure } from './procedure/procedure';
import { ProcedureMutationsResolver } from './procedure/procedure-mutations.resolver';
import { ProcedureResolver } from './procedure/procedure.resolver';
import { referenceResolvers } from './references';
import { DossierStatsResolver } from './stats/dossier-stats.resolver';
import { CatalogDecisionsResolver } from './stats/catalog-decisions';
import { outboxEntities } from '../core/events/outbox-entities';
import { IdempotencyRecord } from '../core/idempotency';

export const proceduresEntities = [Procedure, Dossier, Feedback, DailyCount, IdempotencyRecord, ...outboxEntities];

export const buildProceduresSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        ProcedureResolver,
        ProcedureMutationsResolver,
        DossierResolver,
        DossierMutationsResolver,
        AgencyDossiersResolver,
        UnitStatisticsResolver,
        DossierStatsResolver,
        CatalogDecisionsResolver,
      ],
    },
    referenceResolvers,
  );
