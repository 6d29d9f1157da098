import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { groupedByKeys } from '../../core/loaders';
import { inForceOn } from '../../core/time';
import { AdministrativeUnit } from './administrative-unit';

/**
 * Codes across time (docs/architecture.md, rule 13): a code names one unit on a given day,
 * and the versions of a code are at most a handful of rows, read together.
 */

/** Every version of each code asked for, one statement per batch. */
export const unitVersionsByCode = (context: SubgraphContext) =>
  context.loaders.get<string, AdministrativeUnit[]>('unit:versions', async (codes) => {
    const rows = await context.dataSource
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.code IN (:...codes)', { codes: [...codes] })
      .getMany();
    return groupedByKeys(codes, rows, (row) => row.code);
  });

/**
 * The unit that held the code on `day`; when none did that day, the last one that held it
 * before (a dissolved unit's code still names it: `unit(code: "62")` is Kon Tum, with its
 * `validTo`). Null when no unit had held the code by then.
 */
export function holderOn(versions: readonly AdministrativeUnit[], day: string): AdministrativeUnit | null {
  const begun = versions.filter((unit) => unit.validFrom === null || unit.validFrom <= day);
  const inForce = begun.find((unit) => inForceOn(unit.validFrom, unit.validTo, day));
  if (inForce) return inForce;
  return [...begun].sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''))[0] ?? null;
}

export async function unitByCodeOn(context: SubgraphContext, code: string, day: string): Promise<AdministrativeUnit | null> {
  return holderOn((await unitVersionsByCode(context).load(code)) ?? [], day);
}

/** Keeps the units in force on `day`. */
export const whereInForce = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, day: string) =>
  query.andWhere(`(${alias}.validFrom IS NULL OR ${alias}.validFrom <= :asOf) AND (${alias}.validTo IS NULL OR ${alias}.validTo >= :asOf)`, { asOf: day });
