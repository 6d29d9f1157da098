import type { SubgraphContext } from '../core/context';
import { dossierById, procedureById } from './loaders';

/**
 * `_entities` resolution runs outside type-graphql, so it goes through the same loaders as the
 * root fields: dossiers are scoped in their SQL, procedures are public catalogue data.
 */
export const referenceResolvers = {
  Dossier: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => dossierById(context).load(reference.id),
  },
  Procedure: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => procedureById(context).load(reference.id),
  },
  AdministrativeUnit: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
  Agency: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
};
