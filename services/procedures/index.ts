import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildProceduresSchema, proceduresEntities } from './schema';
import { seedProcedures } from './seed/seed';
import { proceduresMigrations } from './migrations';

/** Procedure catalogue, dossiers, feedback, statistics and the Decision 766 service index. */
export const procedures: SubgraphDefinition = {
  name: 'procedures',
  defaultPort: 4002,
  entities: proceduresEntities,
  migrations: proceduresMigrations,
  buildSchema: buildProceduresSchema,
  seedDemo: seedProcedures,
  emitsEvents: true,
};
