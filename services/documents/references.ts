import type { SubgraphContext } from '../core/context';
import { documentById } from './document/document-access';
import { certificateById } from './loaders';

/**
 * `_entities` resolution, outside type-graphql: the same scoped loaders as the root fields.
 * Stubs of entities owned elsewhere resolve to their key only.
 */
export const referenceResolvers = {
  Document: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => documentById(context).load(reference.id),
  },
  Certificate: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => certificateById(context).load(reference.id),
  },
  Agency: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Official: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  AdministrativeUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
