import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildInspectionsSchema, inspectionsEntities } from './schema';
import { seedInspections } from './seed/seed';
import { inspectionsMigrations } from './migrations';

/** Administrative-reform inspection plans, inspections, findings and reform scores. */
export const inspections: SubgraphDefinition = {
  name: 'inspections',
  defaultPort: 4004,
  entities: inspectionsEntities,
  migrations: inspectionsMigrations,
  buildSchema: buildInspectionsSchema,
  seedDemo: seedInspections,
  emitsEvents: true,
};
