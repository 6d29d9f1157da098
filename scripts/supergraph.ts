import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { readServiceScopeRules } from '../services/core/access/service-scope-rules';
import { SUBGRAPHS, subgraphUrl } from '../services/registry';

export interface ComposedSchemas {
  subgraphs: { name: string; sdl: string }[];
  supergraph: string;
  /**
   * The public API schema (`schema/api.graphql`): what clients see and code generators read,
   * without the federation internals (`join__*`, `link__*`, `_entities`, `_service`).
   */
  api: string;
}

/** Prints each subgraph's SDL and composes them, as `npm run schema` writes them to schema/. */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const subgraphs = [];
  for (const definition of SUBGRAPHS) {
    subgraphs.push({ name: definition.name, url: subgraphUrl(definition), sdl: printSubgraphSchema(await definition.buildSchema()) });
  }
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`The subgraphs do not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  }
  readServiceScopeRules(result.supergraphSdl); // what the gateway will read at start-up
  const api = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema())) + '\n';
  return { subgraphs: subgraphs.map(({ name, sdl }) => ({ name, sdl })), supergraph: result.supergraphSdl, api };
}
