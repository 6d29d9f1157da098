import { askInstitutions } from '../../core/institutions-client';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import type { UnitRecord } from '../../core/unit-directory';

/**
 * Agencies and officials as the institutions subgraph knows them: which unit an agency
 * belongs to (its path and level), which agency an official serves. Writes need them
 * (a document is scoped to its issuing agency's unit; a transfer to its recipient's), and
 * a recipient may lie outside the caller's scope, so the lookup runs under this subgraph's
 * own service principal (national, read-only), signed with the internal key like the
 * gateway's. Answers are cached for a few minutes per process.
 */
export interface AgencyRecord {
  id: string;
  name: string;
  kind: string;
  unit: UnitRecord;
}

export interface OfficialRecord {
  id: string;
  name: string;
  position: string;
  isLeader: boolean;
  agencyId: string;
}

const SERVICE_PRINCIPAL = {
  subject: 'service:documents-subgraph',
  name: 'documents subgraph (agency lookups)',
  kind: 'SERVICE' as const,
  roles: ['VIEWER' as const],
  scopes: ['institutions:read'],
  unitCode: 'VN',
  unitPath: 'VN',
};

const UNIT_FIELDS = 'id code name level path validTo';
const TTL_MS = 5 * 60_000;

type Kind = 'agency' | 'official';
const SELECTIONS: Record<Kind, string> = {
  agency: `id name kind unit { ${UNIT_FIELDS} }`,
  official: 'id name position isLeader agency { id }',
};

const cache = new Map<string, { value: unknown; expires: number }>();

async function fetchMany(endpoint: string, kind: Kind, ids: readonly string[]): Promise<unknown[]> {
  const declarations = ids.map((_id, index) => `$i${index}: ID!`).join(', ');
  const selections = ids.map((_id, index) => `r${index}: ${kind}(id: $i${index}) { ${SELECTIONS[kind]} }`).join('\n');
  const query = `query DocumentsDirectory(${declarations}) { ${selections} }`;
  const variables = Object.fromEntries(ids.map((id, index) => [`i${index}`, id]));
  const body = await askInstitutions<Record<string, unknown>>(endpoint, query, variables, SERVICE_PRINCIPAL);
  if ((body.errors ?? []).some((error) => error.extensions?.code !== 'NOT_FOUND')) {
    throw new Error(`institutions could not look up ${kind} ${ids.join(', ')}`);
  }
  return ids.map((id, index) => {
    const raw = body.data?.[`r${index}`] ?? null;
    const value =
      raw && kind === 'official'
        ? { ...(raw as object), agencyId: (raw as { agency: { id: string } }).agency.id }
        : raw;
    cache.set(`${endpoint}|${kind}|${id}`, { value, expires: Date.now() + (value ? TTL_MS : 30_000) });
    return value;
  });
}

function lookup<T>(context: SubgraphContext, kind: Kind, id: string): Promise<T | null> {
  const endpoint = context.units.institutionsUrl();
  const cached = cache.get(`${endpoint}|${kind}|${id}`);
  if (cached && cached.expires > Date.now()) return Promise.resolve(cached.value as T | null);
  const loader = context.loaders.get<string, T>(`institutions:${kind}`, (ids) => fetchMany(endpoint, kind, ids) as Promise<T[]>);
  return loader.load(id) as Promise<T | null>;
}

export const findAgency = (context: SubgraphContext, id: string) => lookup<AgencyRecord>(context, 'agency', id);
export const findOfficial = (context: SubgraphContext, id: string) => lookup<OfficialRecord>(context, 'official', id);

export async function requireAgency(context: SubgraphContext, id: string): Promise<AgencyRecord> {
  const agency = await findAgency(context, id);
  if (!agency) throw notFound(`No agency has id "${id}"`);
  return agency;
}

export async function requireOfficial(context: SubgraphContext, id: string): Promise<OfficialRecord> {
  const official = await findOfficial(context, id);
  if (!official) throw notFound(`No official has id "${id}"`);
  return official;
}
