import type { Principal } from '../principal';

/**
 * The hub's own service principal, one per asking process: national and read-only. A subgraph
 * asks as the hub for facts that are public (an agency's name, kind and unit) or that a write
 * needs whatever the caller's scope (the unit of a document's recipient), never to answer a
 * caller with data its own scope would refuse.
 */
export const hubPrincipal = (asker: string): Principal => ({
  subject: `service:${asker}-subgraph`,
  name: `${asker} subgraph (institutions lookups)`,
  kind: 'SERVICE',
  roles: ['VIEWER'],
  scopes: ['institutions:read'],
  unitCode: 'VN',
  unitPath: 'VN',
});
