import { performance } from 'node:perf_hooks';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../services/core/principal';

/**
 * `_entities` for 1, 10 and 100 AdministrativeUnit representations straight at the procedures
 * subgraph (issue 14 item 3: what the gateway sends for a dashboard of many units), each field
 * alone, requests one after another: the p50 of `rounds` requests per field and size.
 */
export interface EntityBatchRow {
  field: string;
  representations: number;
  p50Ms: number;
  p90Ms: number;
}

const FIELDS: Record<string, string> = {
  procedureCatalog: 'procedureCatalog(asOf: "2024-06-30") { total fields offeredOnline nationalPortal byLevel { level count } decisions { edges { node { decisionNumber count } } } }',
  dossierStats: 'dossierStats(from: "2023-01-01", to: "2023-12-31") { received resolved onTimeRate byChannel { channel received } }',
  feedbackStats: 'feedbackStats(from: "2023-01-01", to: "2023-12-31") { received handled onTimeRate }',
  serviceIndex: 'serviceIndex(from: "2023-01-01", to: "2023-12-31") { total }',
  dossiers: 'dossiers(first: 5) { totalCount edges { node { id } } }',
};
export const ENTITY_BATCH_SIZES = [1, 10, 100];

const NATIONAL: Principal = { subject: 'bench-entities', name: 'bench-entities', kind: 'USER', roles: ['ADMIN'], scopes: [], unitCode: 'VN', unitPath: 'VN' };

async function post(url: string, query: string, variables: Record<string, unknown>, principal?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (principal) headers[PRINCIPAL_HEADER] = principal;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 80)}… answered with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/** 100 units: the provinces first (a national dashboard), then districts. */
async function sampleUnits(institutionsUrl: string): Promise<string[]> {
  const ids: string[] = [];
  for (const level of ['PROVINCE', 'DISTRICT']) {
    const data = await post(institutionsUrl, `{ units(level: ${level}, asOf: "2024-06-30", first: 100) { edges { node { id } } } }`, {});
    ids.push(...data.units.edges.map((edge: { node: { id: string } }) => edge.node.id));
  }
  return ids.slice(0, 100);
}

const percentile = (sorted: number[], share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] * 10) / 10;

export async function measureEntityBatches(proceduresUrl: string, institutionsUrl: string, rounds = 15): Promise<EntityBatchRow[]> {
  const units = await sampleUnits(institutionsUrl);
  const rows: EntityBatchRow[] = [];
  for (const [field, selection] of Object.entries(FIELDS)) {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { id ${selection} } } }`;
    for (const size of ENTITY_BATCH_SIZES) {
      const variables = { representations: units.slice(0, size).map((id) => ({ __typename: 'AdministrativeUnit', id })) };
      await post(proceduresUrl, query, variables, await signPrincipal(NATIONAL, query));
      const times: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        // Forwarded principals are single-use: signed before the clock starts.
        const principal = await signPrincipal(NATIONAL, query);
        const started = performance.now();
        await post(proceduresUrl, query, variables, principal);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = { field, representations: size, p50Ms: percentile(times, 0.5), p90Ms: percentile(times, 0.9) };
      console.log(`_entities ${field.padEnd(18)} ×${String(size).padStart(3)}  p50 ${row.p50Ms} ms  p90 ${row.p90Ms} ms`);
      rows.push(row);
    }
  }
  return rows;
}
