import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * The stack's own ceiling for verify-document (bench/stack-ceiling.ts starts it):
 * `node stack-ceiling-server.js <port> <answer file>`, a bare Apollo Server (standalone, no
 * plugins) on 127.0.0.1:<port>/graphql whose one field answers, from memory, the document the hub
 * answered: the same query text, the same JSON back, and none of the hub's work (no principal,
 * SQL, signature check, audit, log line or metric).
 */
export const CEILING_SUBGRAPH_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { document(id: ID!): Document }
  type Document @key(fields: "id") { id: ID! numberAndSymbol: String verification: Verification }
  type Verification { verdict: String reasons: [String!]! signatures(first: Int, after: String): Signatures! }
  type Signatures { edges: [SignatureEdge!]! }
  type SignatureEdge { node: SignatureVerification! }
  type SignatureVerification { verdict: String failed: [String!]! chain: [String!]! signingTime: String checks: [Check!]! }
  type Check { check: String status: String detail: String }
`;

async function main() {
  const [port, answerFile] = process.argv.slice(2);
  const answer = JSON.parse(readFileSync(answerFile, 'utf8')) as object;
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const schema = buildSubgraphSchema({ typeDefs: parse(CEILING_SUBGRAPH_SDL), resolvers: { Query: { document: (_: unknown, { id }: { id: string }) => ({ id, ...answer }) } } });
  await startStandaloneServer(new ApolloServer({ schema }), { listen: { port: Number(port), host: '127.0.0.1' } });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
