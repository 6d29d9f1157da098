import type { SelectQueryBuilder } from 'typeorm';
import { isSameUnit, storedPath, territoryOf, unitCodesOf, whereWithin, type StoredPath } from '../../core/access';
import { treeDay } from '../../core/time';
import type { UnitRecord } from '../../core/institutions/records';
import type { Procedure } from './procedure';

/**
 * The stored paths of the provinces whose catalogues apply to a unit on `day` (the nation: null,
 * every province). A unit's procedures are those its province publishes. A unit of the 2025
 * reform has, from its first day, its own province's catalogue alone (each merged province
 * republished its predecessors' procedures on 1 July 2025: services/procedures/seed/reform-2025.ts),
 * and before that day the history of its territory: the catalogues of its predecessors'
 * provinces (so the merged Quảng Ngãi asked about 2023 answers old Quảng Ngãi's and Kon Tum's).
 * A pre-reform unit has its own province's alone.
 */
export function cataloguePaths(unit: UnitRecord, day = treeDay()): StoredPath[] | null {
  if (unit.level === 'NATION') return null;
  const inForce = unit.validFrom === null || day >= unit.validFrom;
  const sources = inForce ? [unit.path] : territoryOf(unit).filter((path) => !isSameUnit(path, unit.path));
  const provinces = sources.map((path) => {
    const [root, province] = unitCodesOf(path);
    return storedPath(`${root}/${province}`);
  });
  return [...new Set(provinces)].sort();
}

/** Restricts a procedure query to the catalogues of a unit's provinces on `day` (`cataloguePaths`). */
export function whereInCatalogue(query: SelectQueryBuilder<Procedure>, alias: string, unit: UnitRecord, day?: string) {
  const paths = cataloguePaths(unit, day);
  if (paths !== null) return query.andWhere(`${alias}.unitPath IN (:...cataloguePaths)`, { cataloguePaths: paths });
  return whereWithin(query, `${alias}.unitPath`, unit.path);
}

/** Procedures in force on a day: published on or before it, not withdrawn by then. */
export function whereInForce(query: SelectQueryBuilder<Procedure>, alias: string, day: string) {
  return query.andWhere(`${alias}.publishedOn <= :inForceOn AND (${alias}.withdrawnOn IS NULL OR ${alias}.withdrawnOn > :inForceOn)`, {
    inForceOn: day,
  });
}
