import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildInstitutionsSchema, institutionsEntities } from './schema';
import { seedInstitutions } from './seed/seed';

/** Administrative units, agencies and officials: the owner of the unit tree. */
export const institutions: SubgraphDefinition = {
  name: 'institutions',
  defaultPort: 4001,
  entities: institutionsEntities,
  buildSchema: buildInstitutionsSchema,
  seedDemo: seedInstitutions,
};
