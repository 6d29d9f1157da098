import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import gql from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { SERVICE_SCOPE_SDL } from './access/service-scope-directive';
import { readServiceScopeRules } from './access/service-scope-rules';
import { normalizeArguments } from './input/normalize-arguments';

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective"])
${SERVICE_SCOPE_SDL}`;

/**
 * type-graphql builds the schema from the resolver classes; @apollo/subgraph turns its
 * printed SDL into a federation 2 subgraph and adds `_entities`, whose reference resolvers
 * are passed here (they sit outside type-graphql, so they apply the scope themselves).
 * Throws when a root field declares no service scope (`@ServiceScope`), so none ships undecided.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
): Promise<GraphQLSchema> {
  // Every resolver gets its string arguments in NFC (core/input).
  const globalMiddlewares = [normalizeArguments, ...(options.globalMiddlewares ?? [])];
  const schema = await buildSchema({ ...options, globalMiddlewares, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, typeResolvers] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) } as never;
  }
  const typeDefs = gql(FEDERATION_LINK + printSchemaWithDirectives(schema));
  readServiceScopeRules(typeDefs);
  return buildSubgraphSchema({ typeDefs, resolvers });
}
