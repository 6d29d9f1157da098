import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildProceduresSchema, proceduresEntities } from './schema';
import { seedProcedures } from './seed/seed';

/** Procedure catalogue, dossiers, feedback, statistics and the Decision 766 service index. */
export const procedures: SubgraphDefinition = {
  name: 'procedures',
  defaultPort: 4002,
  entities: proceduresEntities,
  buildSchema: buildProceduresSchema,
  seedDemo: seedProcedures,
};
