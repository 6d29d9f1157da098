import { demoUnit } from '../../core/demo/administrative-tree';
import { storedPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import { onlineServiceOf } from '../procedure/online-service';
import type { Procedure } from '../procedure/procedure';
import { searchKey } from '../../core/text-search';
import { PROCEDURE_FIELDS } from '../procedure/procedure-field';
import { blockOf, chosen, pad } from './spread';

/** One block of a province's catalogue: procedures of one level published (and maybe withdrawn) together. */
export interface CatalogBlock {
  level: UnitLevel;
  /** How many procedures at each old online level 2, 3, 4 (their sum is the block size). */
  legacy: { 2?: number; 3?: number; 4?: number };
  /** How many distinct fields the block spreads over (round-robin). */
  fields: number;
  nationalPortal: number;
  atServiceCenter?: number;
  /** Deciding documents in publication order, with how many procedures each published. */
  decisions: { number: string; on: string; count: number }[];
  withdrawnOn?: string;
}

const LEVEL_LETTER: Record<string, string> = { PROVINCE: 'T', DISTRICT: 'H', COMMUNE: 'X' };
const PROCESSING_DAYS = [3, 5, 1, 7, 10, 15, 2, 20, 5, 12];
const FEES = [0, 0, 0, 10_000, 20_000, 50_000, 0, 100_000];

/** Well-known procedure names, so the demo reads like a real catalogue. */
const KNOWN_NAMES: Record<string, string[]> = {
  'ho-tich': ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử', 'Trích lục hộ tịch', 'Đăng ký nhận cha, mẹ, con'],
  'chung-thuc': ['Chứng thực bản sao từ bản chính', 'Chứng thực chữ ký', 'Chứng thực hợp đồng, giao dịch'],
  'dat-dai': ['Đăng ký biến động quyền sử dụng đất', 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', 'Chuyển mục đích sử dụng đất'],
  'xay-dung': ['Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Cấp giấy phép sửa chữa, cải tạo công trình'],
  'ho-kinh-doanh': ['Đăng ký thành lập hộ kinh doanh', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Tạm ngừng kinh doanh'],
  'dang-ky-doanh-nghiep': ['Đăng ký thành lập doanh nghiệp tư nhân', 'Đăng ký thành lập công ty TNHH một thành viên'],
  'bao-tro-xa-hoi': ['Trợ cấp xã hội hằng tháng', 'Hỗ trợ chi phí mai táng'],
  'nguoi-co-cong': ['Giải quyết chế độ ưu đãi người có công', 'Cấp giấy giới thiệu đi điều dưỡng'],
  'giao-thong': ['Cấp đổi giấy phép lái xe', 'Cấp phép thi công công trình đường bộ'],
  'lao-dong': ['Đăng ký nội quy lao động', 'Cấp giấy phép lao động cho người nước ngoài'],
};

/** Fields used at each level, in order: district and commune catalogues use the most local ones. */
const FIELD_ORDER = PROCEDURE_FIELDS.map((field) => field.code);

export function catalogRows(provinceCode: string, blocks: CatalogBlock[]): Procedure[] {
  const province = demoUnit(provinceCode);
  const rows: Procedure[] = [];
  const seqByLevel = new Map<string, number>();
  const namesUsed = new Map<string, number>();
  for (const block of blocks) {
    const legacySizes = [block.legacy[4] ?? 0, block.legacy[3] ?? 0, block.legacy[2] ?? 0];
    const size = legacySizes.reduce((sum, count) => sum + count, 0);
    const decided = block.decisions.reduce((sum, decision) => sum + decision.count, 0);
    if (decided !== size) throw new Error(`catalogue block of ${provinceCode}: decisions cover ${decided}, legacy levels ${size}`);
    if (block.nationalPortal > size || (block.atServiceCenter ?? 0) > size) throw new Error(`catalogue block of ${provinceCode} over-counts`);
    for (let index = 0; index < size; index += 1) {
      const seq = (seqByLevel.get(block.level) ?? 0) + 1;
      seqByLevel.set(block.level, seq);
      const legacyLevel = 4 - blockOf(index, legacySizes);
      const fieldCode = FIELD_ORDER[(seq - 1) % block.fields];
      const nameIndex = namesUsed.get(fieldCode) ?? 0;
      namesUsed.set(fieldCode, nameIndex + 1);
      const fieldName = PROCEDURE_FIELDS.find((field) => field.code === fieldCode)!.name;
      const decision = block.decisions[blockOf(index, block.decisions.map((entry) => entry.count))];
      const nationalSeq = (block.level === UnitLevel.PROVINCE ? 1000 : 2000) + seq;
      const name = KNOWN_NAMES[fieldCode]?.[nameIndex] ?? `${fieldName}: thủ tục số ${nameIndex + 1}`;
      rows.push({
        id: `${provinceCode}-${LEVEL_LETTER[block.level]}${pad(seq, 4)}`,
        code: `${block.level === UnitLevel.PROVINCE ? '1' : '2'}.${pad(nationalSeq, 6)}`,
        name,
        searchName: searchKey(name),
        fieldCode,
        level: block.level,
        provinceId: provinceCode,
        unitPath: storedPath(province.path),
        onlineService: onlineServiceOf(legacyLevel),
        legacyLevel,
        processingDays: PROCESSING_DAYS[seq % PROCESSING_DAYS.length],
        fee: FEES[seq % FEES.length],
        publishedOn: decision.on,
        decisionNumber: decision.number,
        withdrawnOn: block.withdrawnOn ?? null,
        // The most online procedures come first in a block, and are the ones integrated first.
        nationalPortal: index < block.nationalPortal,
        atServiceCenter: chosen(index, size, block.atServiceCenter ?? 0),
        // Stamped by demoData (seed/seed.ts) once the row is final: pull sync.
        updatedAt: '',
      });
    }
  }
  return rows;
}
