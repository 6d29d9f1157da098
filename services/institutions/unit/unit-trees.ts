import type { QueryRunner } from 'typeorm';
import { storedPath } from '../../core/access/unit-path';
import { LAST_PRE_REFORM_DAY, REFORM_DAY, allUnits, reformTree } from '../../core/demo/reform-2025';
import { searchKey } from '../../core/text-search';

const BATCH = 500;

/**
 * The official unit trees are reference data, not demo data: every database gets them from the
 * TwoTierUnits migration, production included (docs/architecture.md, "Administrative units").
 * - An empty database gets both trees and their lineage (services/core/demo/reform-2025.ts).
 * - A database of the previous release holds the pre-reform tree alone: its units get `validTo`
 *   2025-06-30 (every other column kept), and the two-tier tree and the lineage are added.
 * - One that already holds the two-tier tree is left alone.
 */
export async function loadUnitTrees(queryRunner: QueryRunner): Promise<void> {
  const count = async (where: string, parameters: unknown[] = []) =>
    Number((await queryRunner.query(`SELECT COUNT(*) AS n FROM administrative_unit ${where}`, parameters))[0].n);
  const empty = (await count('')) === 0;
  if (!empty && (await count('WHERE validFrom = ?', [REFORM_DAY])) > 0) return;
  if (!empty) await queryRunner.query(`UPDATE administrative_unit SET validTo = ? WHERE validTo IS NULL AND level <> 'NATION'`, [LAST_PRE_REFORM_DAY]);
  const reformIds = new Set(reformTree().units.keys());
  const units = empty ? [...allUnits().values()] : [...reformTree().units.values()];
  const rows = units.map((unit) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    searchName: searchKey(unit.name),
    fullName: unit.fullName,
    level: unit.level,
    parentId: unit.parentId,
    unitPath: storedPath(unit.path),
    validFrom: reformIds.has(unit.id) ? REFORM_DAY : null,
    validTo: reformIds.has(unit.id) || unit.level === 'NATION' ? null : LAST_PRE_REFORM_DAY,
  }));
  // Plain statements over the columns given, not the entity's: a migration must not depend on
  // columns later migrations add (administrative_unit.updated_at, pull sync).
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  const insert = async (table: string, values: readonly object[]) => {
    const columns = Object.keys(values[0] ?? {});
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < values.length; start += BATCH) {
      const batch = values.slice(start, start + BATCH);
      await queryRunner.query(
        `INSERT INTO ${escape(table)} (${columns.map(escape).join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`,
        batch.flatMap((row) => columns.map((column) => (row as Record<string, unknown>)[column] ?? null)),
      );
    }
  };
  await insert('administrative_unit', rows);
  await insert('unit_lineage', reformTree().lineage);
}
