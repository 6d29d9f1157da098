import type { QueryRunner } from 'typeorm';
import { storedPath } from '../../core/access/unit-path';
import { LAST_PRE_REFORM_DAY, REFORM_DAY, reformTree } from '../../core/demo/reform-2025';
import { searchKey } from '../../core/text-search';

const BATCH = 500;

/**
 * The data half of the TwoTierUnits migration: a database of the previous release holds the
 * pre-reform tree alone. Its units get `validTo` 2025-06-30, and the two-tier tree (from
 * 2025-07-01) and the lineage are added (services/core/demo/reform-2025.ts), so an upgraded hub
 * answers like a new one. A new, empty database is left to the seed; one that already has the
 * two-tier tree is left alone. Every previous row keeps every other column.
 */
export async function upgradeToTwoTiers(queryRunner: QueryRunner): Promise<void> {
  const count = async (where: string, parameters: unknown[] = []) =>
    Number((await queryRunner.query(`SELECT COUNT(*) AS n FROM administrative_unit ${where}`, parameters))[0].n);
  if ((await count('')) === 0 || (await count('WHERE validFrom = ?', [REFORM_DAY])) > 0) return;
  await queryRunner.query(`UPDATE administrative_unit SET validTo = ? WHERE validTo IS NULL AND level <> 'NATION'`, [LAST_PRE_REFORM_DAY]);
  const { units, lineage } = reformTree();
  const rows = [...units.values()].map((unit) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    searchName: searchKey(unit.name),
    fullName: unit.fullName,
    level: unit.level,
    parentId: unit.parentId,
    unitPath: storedPath(unit.path),
    validFrom: REFORM_DAY,
    validTo: null,
  }));
  const insert = async (table: string, values: object[]) => {
    for (let start = 0; start < values.length; start += BATCH) {
      await queryRunner.manager.createQueryBuilder().insert().into(table).values(values.slice(start, start + BATCH)).execute();
    }
  };
  await insert('administrative_unit', rows);
  await insert('unit_lineage', lineage);
}
