import type { SubgraphDefinition } from './core/subgraph-definition';
import { institutions } from './institutions';
import { procedures } from './procedures';
import { documents } from './documents';
import { inspections } from './inspections';

/**
 * Every subgraph of the hub. The schema command composes these into the supergraph, the
 * start command runs each as its own process, and the tests start them all.
 */
export const SUBGRAPHS: SubgraphDefinition[] = [institutions, procedures, documents, inspections];

export const subgraphUrl = (definition: SubgraphDefinition, port = definition.defaultPort) =>
  `http://127.0.0.1:${port}/graphql`;
