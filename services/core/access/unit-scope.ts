import type { SubgraphContext } from '../context';
import { notFound } from '../errors';
import { assertUnitCode } from '../unit-code';
import type { UnitRecord } from '../institutions/records';
import { assertCovers } from './principal-scope';

/** A unit by its official code, from the institutions data; NOT_FOUND or BAD_USER_INPUT otherwise. */
export async function resolveUnit(context: SubgraphContext, code: string, argument = 'unitCode'): Promise<UnitRecord> {
  const unit = await context.institutions.units.find(assertUnitCode(code, argument));
  if (!unit) throw notFound(`No administrative unit has code "${code}"`);
  return unit;
}

/**
 * For an aggregate about a unit (`docs/architecture.md`, rule 2): the unit must lie within the principal's scope,
 * else FORBIDDEN. The path comes from the institutions data, never from the request.
 */
export async function assertCoversUnit(context: SubgraphContext, unitId: string, what: string): Promise<UnitRecord> {
  const unit = await resolveUnit(context, unitId);
  assertCovers(context.principal, unit.path, `${what} of unit ${unit.code}`);
  return unit;
}
