import { startSubgraphFrom, type RunningSubgraph } from '../../services/core/subgraph-definition';
import { SUBGRAPHS } from '../../services/registry';
import { discardDatabase, seededDatabaseUrl, type DatabaseKind } from './databases';

export interface TestSubgraphs {
  /** Each started subgraph by name; `url` is its origin, `${url}/graphql` its endpoint. */
  subgraphs: Record<string, RunningSubgraph>;
  /** The GraphQL endpoint of each started subgraph, as the gateway is given them. */
  urls: Record<string, string>;
  /** Stops them in reverse start order, each after the ones that depend on it. */
  close(): Promise<void>;
}

export interface StartSubgraphsOptions {
  /**
   * Where the started subgraphs ask the institutions subgraph (unit lookups, audit log);
   * default the started institutions subgraph, when it is one of `names`.
   */
  institutionsUrl?: string;
}

/**
 * Starts the named subgraphs (default: every subgraph of the registry) on free ports over
 * HTTP, each on its own copy of the demo data for `suite` on the given database kind.
 * They start in registry order, institutions first, because the others look units up in it.
 * The databases are named after `suite` and the subgraph: give each suite its own name.
 */
export async function startSubgraphs(
  kind: DatabaseKind,
  suite: string,
  names: string[] = SUBGRAPHS.map((definition) => definition.name),
  options: StartSubgraphsOptions = {},
): Promise<TestSubgraphs> {
  const unknown = names.filter((name) => !SUBGRAPHS.some((definition) => definition.name === name));
  if (unknown.length > 0) throw new Error(`no subgraph named ${unknown.join(', ')}`);
  const started: RunningSubgraph[] = [];
  const subgraphs: Record<string, RunningSubgraph> = {};
  const databases: string[] = [];
  const close = async () => {
    for (const running of [...started].reverse()) await running.close();
    for (const url of databases.splice(0)) await discardDatabase(url);
  };
  try {
    let institutionsUrl = options.institutionsUrl;
    for (const definition of SUBGRAPHS.filter((candidate) => names.includes(candidate.name))) {
      const databaseUrl = await seededDatabaseUrl(kind, definition.name, suite);
      databases.push(databaseUrl);
      const running = await startSubgraphFrom(definition, {
        databaseUrl,
        port: 0,
        institutionsUrl,
      });
      started.push(running);
      subgraphs[definition.name] = running;
      if (definition.name === 'institutions') institutionsUrl ??= `${running.url}/graphql`;
    }
  } catch (error) {
    await close();
    throw error;
  }
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, running]) => [name, `${running.url}/graphql`]));
  return { subgraphs, urls, close };
}
