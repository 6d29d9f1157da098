import type { SubgraphContext } from '../core/context';
import { inspectionById } from './loaders';

/**
 * `_entities` resolution, outside type-graphql: an Inspection reference goes through the
 * same visibility rule as `inspection(id:)` (null + FORBIDDEN when the principal may not see it).
 * Units and agencies are owned by institutions: this subgraph only needs their ids.
 */
export const referenceResolvers = {
  Inspection: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => inspectionById(context).load(reference.id),
  },
  AdministrativeUnit: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
  Agency: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
};
