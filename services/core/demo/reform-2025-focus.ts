import { allUnits, reformTree } from './reform-2025';
import type { DemoUnit } from './administrative-tree';

/**
 * What the demo seeds after 1 July 2025: the two post-reform provinces it gives activity to,
 * the new communes whose one-stop desks receive dossiers, and the departments a province has
 * after the 2025 restructuring of the provincial apparatus (Decree 45/2025/NĐ-CP: Nội vụ took
 * in Lao động - Thương binh và Xã hội, Tài chính took in Kế hoạch và Đầu tư, Nông nghiệp và
 * Môi trường, Xây dựng took in Giao thông vận tải, Khoa học và Công nghệ took in Thông tin và
 * Truyền thông). Ids are unit ids (`51@2025`), never bare codes.
 */
export const REFORM_FOCUS_PROVINCES = ['51@2025', '91@2025'] as const;

/**
 * New communes with a one-stop desk and activity in the demo, chosen so that their lineage
 * can be tried: the provincial seats (Cẩm Thành, Rạch Giá), the old provincial capitals now
 * wards (Kon Tum, Long Xuyên), special zones made from island districts (Lý Sơn, Phú Quốc),
 * and two neighbours made from Châu Thành district's old communes (Châu Thành from Minh Lương
 * 30880 and two others; Thạnh Lộc from three Mong Thọ communes of 905 and Thạnh Lộc of 906).
 */
export const REFORM_FOCUS_COMMUNES: Record<(typeof REFORM_FOCUS_PROVINCES)[number], string[]> = {
  '51@2025': ['21025@2025', '23293@2025', '23500@2025', '23473@2025', '21548@2025'],
  '91@2025': ['30742@2025', '30307@2025', '30880@2025', '30886@2025', '31078@2025'],
};

/** Provincial departments (sở) after the 2025 restructuring; the slugs of the ones kept are the pre-reform ones. */
export const POST_REFORM_DEPARTMENTS: { slug: string; name: string }[] = [
  { slug: 'noi-vu', name: 'Sở Nội vụ' },
  { slug: 'tai-chinh', name: 'Sở Tài chính' },
  { slug: 'tu-phap', name: 'Sở Tư pháp' },
  { slug: 'nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường' },
  { slug: 'xay-dung', name: 'Sở Xây dựng' },
  { slug: 'khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ' },
  { slug: 'cong-thuong', name: 'Sở Công Thương' },
  { slug: 'giao-duc', name: 'Sở Giáo dục và Đào tạo' },
  { slug: 'y-te', name: 'Sở Y tế' },
  { slug: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh' },
];

/** A unit of either tree by id; throws on an unknown id (a demo seed's own mistake). */
export function unitById(id: string): DemoUnit {
  const unit = allUnits().get(id);
  if (!unit) throw new Error(`No demo unit has id ${id}`);
  return unit;
}

/** The post-reform units whose parent is the given post-reform unit. */
export const reformChildrenOf = (id: string) => [...reformTree().units.values()].filter((unit) => unit.parentId === id);

/** The pre-reform provinces a post-reform province was made of, its seat's first (the one whose code it kept). */
export function predecessorProvinces(provinceId: string): string[] {
  const province = unitById(provinceId);
  const predecessors = reformTree()
    .lineage.filter((edge) => edge.successorId === provinceId && allUnits().get(edge.predecessorId)?.level === 'PROVINCE')
    .map((edge) => edge.predecessorId);
  return predecessors.sort((a, b) => Number(b === province.code) - Number(a === province.code) || a.localeCompare(b));
}
