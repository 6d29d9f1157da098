import type { SubgraphContext } from '../context';
import { badInput, notFound } from '../errors';
import { assertUnitCode } from '../unit-code';
import type { UnitRecord } from '../institutions/records';
import { assertCovers } from './principal-scope';
import { unitPathOf, type UnitPath } from './unit-path';
import { assertInForce } from './units-in-force';

/**
 * What an aggregate about a unit counts (`docs/architecture.md`, rule 13): the unit's own
 * subtree and that of every dissolved unit whose territory went into it, one path per lineage
 * branch. A pre-reform unit's territory is its own path alone, so its figures stay its own.
 */
export const territoryOf = (unit: Pick<UnitRecord, 'path' | 'territory'>): UnitPath[] =>
  unit.territory?.length ? unit.territory.map(unitPathOf) : [unitPathOf(unit.path)];

/** A unit by its official code, from the institutions data; NOT_FOUND or BAD_USER_INPUT otherwise. */
export async function resolveUnit(context: SubgraphContext, code: string, argument = 'unitCode'): Promise<UnitRecord> {
  const unit = await context.institutions.units.find(assertUnitCode(code, argument));
  if (!unit) throw notFound(`No administrative unit has code "${code}"`);
  return unit;
}

/** A unit by its version id (an entity key or a stored id): NOT_FOUND otherwise. */
export async function resolveUnitById(context: SubgraphContext, id: string): Promise<UnitRecord> {
  const unit = await context.institutions.units.findById(id);
  if (!unit) throw notFound(`No administrative unit has id "${id}"`);
  return unit;
}

/** A unit a new record goes to, by its code: one in force today (rule 13), else BAD_USER_INPUT naming its successors. */
export async function resolveWritableUnit(context: SubgraphContext, code: string, argument = 'unitCode'): Promise<UnitRecord> {
  const unit = await resolveUnit(context, code, argument);
  assertInForce(unit, argument);
  return unit;
}

/**
 * The unit of an agency a new record names (a sender, a recipient, a target, a certificate's
 * holder): in force today (rule 13), else BAD_USER_INPUT naming the agency and where its unit's
 * territory went; nothing is written.
 */
export function assertAgencyInForce(agency: { id: string; unit: UnitRecord }, argument: string): void {
  try {
    assertInForce(agency.unit, argument);
  } catch (error) {
    throw badInput(`Agency "${agency.id}": ${(error as Error).message}`, argument);
  }
}

/**
 * For an aggregate about a unit (`docs/architecture.md`, rule 2): the unit must lie within the principal's scope,
 * else FORBIDDEN. The path comes from the institutions data, never from the request.
 */
export async function assertCoversUnit(context: SubgraphContext, unitId: string, what: string): Promise<UnitRecord> {
  const unit = await resolveUnitById(context, unitId);
  assertCovers(context.principal, unit.path, `${what} of unit ${unit.code}`);
  return unit;
}
