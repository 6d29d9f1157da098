import type { SubgraphContext } from '../core/context';
import { agencyById, officialById, unitByCode, unitById } from './loaders';

/**
 * `_entities` resolution. These run outside type-graphql, so they use the same loaders as
 * the root fields: units are public, agencies and officials are scoped in their SQL.
 */
export const referenceResolvers = {
  AdministrativeUnit: {
    __resolveReference: (reference: { id?: string; code?: string }, context: SubgraphContext) =>
      reference.id !== undefined ? unitById(context).load(reference.id) : unitByCode(context).load(reference.code!),
  },
  Agency: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => agencyById(context).load(reference.id),
  },
  Official: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => officialById(context).load(reference.id),
  },
};
