import type { SubgraphContext } from '../core/context';
import { badInput, forbidden } from '../core/errors';
import { askInstitutions } from '../core/institutions-client';
import { requirePrincipal, storedPath } from '../core/access';
import type { UnitLevel } from '../core/unit-level';

/** An agency or official as institutions knows it, with its unit's stored path. */
export interface AgencyRecord {
  id: string;
  unitId: string;
  unitLevel: UnitLevel;
  unitPath: string;
}

export interface OfficialRecord {
  id: string;
  unitPath: string;
}

/**
 * Asks institutions about agencies and officials AS THE PRINCIPAL (a principal signed with
 * the internal key, as the gateway forwards it): what an inspector names must exist and lie in
 * its own scope, and the unit a row is filed under comes from the owner of the data, never
 * from the request. One aliased HTTP request per mutation, whatever the number of ids.
 */
export async function lookUpInInstitutions(
  context: SubgraphContext,
  agencyIds: readonly string[],
  officialIds: readonly string[] = [],
): Promise<{ agencies: Map<string, AgencyRecord>; officials: Map<string, OfficialRecord> }> {
  const principal = requirePrincipal(context.principal);
  const agencies = new Map<string, AgencyRecord>();
  const officials = new Map<string, OfficialRecord>();
  if (agencyIds.length + officialIds.length === 0) return { agencies, officials };
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const selections: string[] = [];
  agencyIds.forEach((id, index) => {
    variables[`a${index}`] = id;
    declarations.push(`$a${index}: ID!`);
    selections.push(`a${index}: agency(id: $a${index}) { id unit { code level path } }`);
  });
  officialIds.forEach((id, index) => {
    variables[`o${index}`] = id;
    declarations.push(`$o${index}: ID!`);
    selections.push(`o${index}: official(id: $o${index}) { id agency { unit { path } } }`);
  });
  const query = `query InspectionsLookup(${declarations.join(', ')}) { ${selections.join('\n')} }`;
  const body = await askInstitutions<Record<string, any>>(context.units.institutionsUrl(), query, variables, principal);
  for (const error of body.errors ?? []) {
    const alias = String(error.path?.[0] ?? '');
    const id = variables[alias];
    const what = alias.startsWith('a') ? 'agency' : 'official';
    const argument = alias.startsWith('a') ? 'targetAgencyIds' : 'teamOfficialIds';
    if (id !== undefined && error.extensions?.code === 'NOT_FOUND') throw badInput(`No ${what} has id "${id}"`, argument);
    if (id !== undefined && error.extensions?.code === 'FORBIDDEN') throw forbidden(`The ${what} "${id}" is outside the scope of unit ${principal.unitCode}`);
    throw new Error(`institutions could not look up agencies and officials: ${JSON.stringify(error)}`);
  }
  agencyIds.forEach((id, index) => {
    const row = body.data?.[`a${index}`];
    if (!row) throw badInput(`No agency has id "${id}"`, 'targetAgencyIds');
    agencies.set(id, { id, unitId: row.unit.code, unitLevel: row.unit.level, unitPath: storedPath(row.unit.path) });
  });
  officialIds.forEach((id, index) => {
    const row = body.data?.[`o${index}`];
    if (!row?.agency) throw badInput(`No official has id "${id}"`, 'teamOfficialIds');
    officials.set(id, { id, unitPath: storedPath(row.agency.unit.path) });
  });
  return { agencies, officials };
}
