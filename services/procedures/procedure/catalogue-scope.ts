import type { SelectQueryBuilder } from 'typeorm';
import { storedPath, whereWithin } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import type { Procedure } from './procedure';

/** The stored path of the province whose catalogue applies to a unit (the nation: every province). */
export function cataloguePath(unit: UnitRecord): string | null {
  if (unit.level === 'NATION') return null;
  const [root, province] = unit.path.split('/');
  return storedPath(`${root}/${province}`);
}

/** Restricts a procedure query to the catalogue of a unit's province. */
export function whereInCatalogue(query: SelectQueryBuilder<Procedure>, alias: string, unit: UnitRecord) {
  const path = cataloguePath(unit);
  if (path !== null) return query.andWhere(`${alias}.unitPath = :cataloguePath`, { cataloguePath: path });
  return whereWithin(query, `${alias}.unitPath`, unit.path);
}

/** Procedures in force on a day: published on or before it, not withdrawn by then. */
export function whereInForce(query: SelectQueryBuilder<Procedure>, alias: string, day: string) {
  return query.andWhere(`${alias}.publishedOn <= :inForceOn AND (${alias}.withdrawnOn IS NULL OR ${alias}.withdrawnOn > :inForceOn)`, {
    inForceOn: day,
  });
}
