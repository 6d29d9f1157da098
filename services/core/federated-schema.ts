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

/** The root types' descriptions, the same in every subgraph so that they compose as one. */
const ROOT_DESCRIPTIONS = {
  query: 'Reads. Lists are cursor connections (`first`, `after`) holding only what the principal may read: its unit and the units below it.',
  mutation: 'Writes. Each runs in one transaction, is audited, and takes an idempotency key (`clientKey`) where it creates something.',
};

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
  for (const [root, description] of [[schema.getQueryType(), ROOT_DESCRIPTIONS.query], [schema.getMutationType(), ROOT_DESCRIPTIONS.mutation]] as const) {
    if (root) root.description = description;
  }
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, typeResolvers] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) } as never;
  }
  const typeDefs = gql(FEDERATION_LINK + printSchemaWithDirectives(schema));
  readServiceScopeRules(typeDefs);
  return buildSubgraphSchema({ typeDefs, resolvers });
}
