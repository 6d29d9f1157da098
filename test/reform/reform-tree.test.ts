import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoUnits } from '../../services/core/demo/administrative-tree';
import { reformTree } from '../../services/core/demo/reform-2025';
import { inForceOn, treeDay } from '../../services/core/time';
import { reformExceptionsFile } from '../../scripts/reform-exceptions';

/** The two trees and their reconciliation (services/core/demo/reform-2025.ts; README, "Two tiers"). */
describe('the two-tier tree and its lineage', () => {
  const tree = reformTree();
  const provinceOf = (id: string) => tree.units.get(id)!;
  const predecessorsOf = (id: string) => tree.lineage.filter((edge) => edge.successorId === id).map((edge) => edge.predecessorId);

  it('holds 34 provinces and 3,321 communes, ids <code>@2025, paths of ids', () => {
    const units = [...tree.units.values()];
    expect(units.filter((unit) => unit.level === 'PROVINCE')).toHaveLength(34);
    expect(units.filter((unit) => unit.level === 'COMMUNE')).toHaveLength(3321);
    expect(provinceOf('91@2025')).toMatchObject({ code: '91', name: 'An Giang', path: 'VN/91@2025' });
    expect(units.every((unit) => unit.id === `${unit.code}@2025` && unit.path.endsWith(`/${unit.id}`))).toBe(true);
  });

  it('gives the provinces the lineage Resolution 202/2025/QH15 gives them', () => {
    const provinces = (id: string) => predecessorsOf(id).filter((code) => code.length === 2).sort();
    expect(provinces('51@2025')).toEqual(['51', '62']);
    expect(provinces('91@2025')).toEqual(['89', '91']);
    expect(provinces('52@2025')).toEqual(['52', '64']);
    expect(provinces('82@2025')).toEqual(['82', '87']);
    // Every old province and district went somewhere.
    const succeeded = new Set(tree.lineage.map((edge) => edge.predecessorId));
    const upper = [...demoUnits().values()].filter((unit) => unit.level === 'PROVINCE' || unit.level === 'DISTRICT');
    expect(upper.filter((unit) => !succeeded.has(unit.id))).toEqual([]);
  });

  it('gives every pre-reform commune a successor or a reasoned line in the checked-in exceptions file', () => {
    const checkedIn = JSON.parse(readFileSync(join(__dirname, '../../services/core/demo/reform-2025-exceptions.json'), 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(reformExceptionsFile())));
    const succeeded = new Set(tree.lineage.map((edge) => edge.predecessorId));
    const excepted = new Set(checkedIn.exceptions.map((line: { code: string }) => line.code));
    const communes = [...demoUnits().values()].filter((unit) => unit.level === 'COMMUNE');
    expect(communes.filter((unit) => !succeeded.has(unit.id) && !excepted.has(unit.id))).toEqual([]);
    expect(communes.filter((unit) => succeeded.has(unit.id) && excepted.has(unit.id))).toEqual([]);
    expect(checkedIn.exceptions.every((line: { reason: string }) => line.reason.length > 20)).toBe(true);
    // The README quotes these counts.
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`${(communes.length - excepted.size).toLocaleString('en-US')} of the 10,599 pre-reform communes`);
    expect(readme).toContain(`the other ${excepted.size} are listed`);
  });

  it('links a commune mapping only inside the province line, never across it', () => {
    const pre = demoUnits();
    for (const { predecessorId, successorId } of tree.lineage) {
      const old = pre.get(predecessorId)!;
      if (old.level !== 'COMMUNE') continue;
      const oldProvince = old.path.split('/')[1];
      expect(predecessorsOf(provinceOf(successorId).parentId!)).toContain(oldProvince);
    }
  });

  it('ends the pre-reform tree at 24:00 on 30 June 2025 in Vietnam (UTC+7)', () => {
    const saved = process.env.HUB_AS_OF;
    process.env.HUB_AS_OF = '';
    try {
      expect(inForceOn(null, '2025-06-30', treeDay(Date.parse('2025-06-30T16:59:59Z')))).toBe(true);
      expect(inForceOn(null, '2025-06-30', treeDay(Date.parse('2025-06-30T17:00:00Z')))).toBe(false);
      expect(inForceOn('2025-07-01', null, treeDay(Date.parse('2025-06-30T17:00:00Z')))).toBe(true);
    } finally {
      process.env.HUB_AS_OF = saved;
    }
  });
});
