import type { SelectQueryBuilder } from 'typeorm';
import { storedPath, territoryOf, unitCodesOf, whereWithin, type StoredPath } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import type { Procedure } from './procedure';

/**
 * The stored paths of the provinces whose catalogues apply to a unit (the nation: null, every
 * province). A unit's procedures are those its province publishes; for a unit of the 2025
 * reform also those its predecessors' provinces published and have not withdrawn, since the
 * decisions of a merged province stay in force on its former territory until replaced
 * (Resolution 190/2025/QH15). So a new commune of Quảng Ngãi (51@2025) made of Kon Tum
 * communes has the catalogues of 51@2025 and of old Kon Tum 62, not old Quảng Ngãi's; a
 * pre-reform unit has its own province's alone.
 */
export function cataloguePaths(unit: UnitRecord): StoredPath[] | null {
  if (unit.level === 'NATION') return null;
  const provinces = territoryOf(unit).map((path) => {
    const [root, province] = unitCodesOf(path);
    return storedPath(`${root}/${province}`);
  });
  return [...new Set(provinces)].sort();
}

/** Restricts a procedure query to the catalogues of a unit's provinces (`cataloguePaths`). */
export function whereInCatalogue(query: SelectQueryBuilder<Procedure>, alias: string, unit: UnitRecord) {
  const paths = cataloguePaths(unit);
  if (paths !== null) return query.andWhere(`${alias}.unitPath IN (:...cataloguePaths)`, { cataloguePaths: paths });
  return whereWithin(query, `${alias}.unitPath`, unit.path);
}

/** Procedures in force on a day: published on or before it, not withdrawn by then. */
export function whereInForce(query: SelectQueryBuilder<Procedure>, alias: string, day: string) {
  return query.andWhere(`${alias}.publishedOn <= :inForceOn AND (${alias}.withdrawnOn IS NULL OR ${alias}.withdrawnOn > :inForceOn)`, {
    inForceOn: day,
  });
}
