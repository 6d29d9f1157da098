import { mintDevToken } from '../../gateway/auth/dev-token';

/**
 * The mixes of issue 14's table, and a dashboard read by province officials. A mix is a list of
 * requests the load generator takes in turn, one per request: one entry for the same-query
 * mixes, one per province (or set of provinces) for the others.
 */
export interface MixRequest {
  body: string;
  headers?: Record<string, string>;
}

export interface Mix {
  name: string;
  description: string;
  requests: MixRequest[];
  /** The subgraph that answers the whole query, also measured without a gateway. */
  direct?: string;
  /** Only through the hub (the peers have none of its authentication). */
  hubOnly?: boolean;
}

/** The pre-reform tree: 63 provinces, each with its districts. */
const AS_OF = '2024-06-01';

const UNIT_TREE = `query PeersUnitTree($code: String!) {
  unit(code: $code, asOf: "${AS_OF}") { code name level path children(first: 20) { totalCount edges { node { code name path } } } }
}`;

const PROVINCE_CATALOGS = `query PeersProvinceCatalogs($after: String) {
  units(level: PROVINCE, first: 15, after: $after, asOf: "${AS_OF}") {
    edges { node { code name procedureCatalog(asOf: "${AS_OF}") { total offeredOnline nationalPortal } } }
  }
}`;

const DASHBOARD = `query PeersProvinceDashboard($code: String!) {
  unit(code: $code) { code name dossierStats(from: "2023-01-01", to: "2023-10-31") { received resolved resolvedOnTime onTimeRate inProgress } }
}`;

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

async function ask(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(query, variables) });
  const answer = (await response.json()) as { data?: any; errors?: unknown[] };
  if (answer.errors || !answer.data) throw new Error(`setup query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** The mixes, their variables read through the hub's gateway (`gatewayUrl`: its /graphql). */
export async function buildMixes(gatewayUrl: string): Promise<Mix[]> {
  const provinces = await ask(gatewayUrl, `{ units(level: PROVINCE, first: 100, asOf: "${AS_OF}") { edges { cursor node { code } } } }`);
  const edges = provinces.units.edges as { cursor: string; node: { code: string } }[];
  const codes = edges.map((edge) => edge.node.code);
  // `after` for every window of 15 provinces: null starts at the first.
  const windows = [null, ...edges.slice(0, edges.length - 15).map((edge) => edge.cursor)];
  const today = await ask(gatewayUrl, '{ units(level: PROVINCE, first: 100) { edges { node { code } } } }');
  const todayCodes = (today.units.edges as { node: { code: string } }[]).map((edge) => edge.node.code);
  const dashboards = await Promise.all(
    todayCodes.map(async (code) => ({
      body: body(DASHBOARD, { code }),
      headers: { authorization: `Bearer ${await mintDevToken({ unit: code, roles: ['VIEWER'], subject: `bench-peers-${code}`, expiresIn: '2h' })}` },
    })),
  );
  return [
    {
      name: 'one-subgraph-rotating',
      description: `A province and its districts (institutions), a different one of the ${codes.length} provinces of ${AS_OF} each request`,
      requests: codes.map((code) => ({ body: body(UNIT_TREE, { code }) })),
      direct: 'institutions',
    },
    {
      name: 'one-subgraph-same',
      description: 'The same province and its districts (Kiên Giang, 91) from every connection',
      requests: [{ body: body(UNIT_TREE, { code: '91' }) }],
      direct: 'institutions',
    },
    {
      name: 'two-subgraphs-same',
      description: 'The first 15 provinces (institutions) with their procedure catalogue totals (procedures: 15 entities), the same query from every connection',
      requests: [{ body: body(PROVINCE_CATALOGS, { after: null }) }],
    },
    {
      name: 'two-subgraphs-rotating',
      description: `The same for a different window of 15 consecutive provinces each request (${windows.length} windows)`,
      requests: windows.map((after) => ({ body: body(PROVINCE_CATALOGS, { after }) })),
    },
    {
      name: 'dashboard-authenticated',
      description: `A province's dossier statistics for January to October 2023, read by that province's viewer (a development token), a different one of today's ${todayCodes.length} provinces each request; the hub alone`,
      requests: dashboards,
      hubOnly: true,
    },
  ];
}
