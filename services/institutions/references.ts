import type { SubgraphContext } from '../core/context';
import { agencyFactsById, officialFactsById, unitById } from './loaders';

/**
 * `_entities` resolution. These run outside type-graphql. Units are public; an agency or an
 * official is reached here only because a record the caller may see points to it, and its
 * public facts are given to any signed-in caller (docs/architecture.md, rule 12): its other
 * fields keep their rules (contact details within scope, lists filtered by scope).
 */
export const referenceResolvers = {
  AdministrativeUnit: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => unitById(context).load(reference.id),
  },
  Agency: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => agencyFactsById(context).load(reference.id),
  },
  Official: {
    __resolveReference: (reference: { id: string }, context: SubgraphContext) => officialFactsById(context).load(reference.id),
  },
};
