import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildDocumentsSchema, documentsEntities } from './schema';
import { seedDocuments } from './seed/seed';

/** Electronic documents, digital certificates, signatures and inter-agency exchange. */
export const documents: SubgraphDefinition = {
  name: 'documents',
  defaultPort: 4003,
  entities: documentsEntities,
  buildSchema: buildDocumentsSchema,
  seedDemo: seedDocuments,
};
