import { hashSeed } from '../../core/demo/names';
import type { Finding } from '../finding/finding';
import { FindingSeverity } from '../finding/finding-severity';
import { REFORM_AREAS, ReformArea } from '../finding/reform-area';
import type { Inspection } from '../inspection/inspection';

/** Shortcomings (tồn tại, hạn chế) typical of reform inspection conclusions, by area. */
const SHORTCOMINGS: Record<ReformArea, string[]> = {
  [ReformArea.INSTITUTIONS]: [
    'Chưa rà soát, hệ thống hóa văn bản quy phạm pháp luật theo quy định.',
    'Chưa kiểm tra việc thực hiện văn bản quy phạm pháp luật sau ban hành.',
  ],
  [ReformArea.ADMINISTRATIVE_PROCEDURES]: [
    'Niêm yết thủ tục hành chính tại bộ phận một cửa chưa đầy đủ, chưa cập nhật.',
    'Một số hồ sơ giải quyết quá hạn chưa có văn bản xin lỗi và hẹn lại.',
  ],
  [ReformArea.APPARATUS_ORGANISATION]: [
    'Chưa ban hành quy chế làm việc theo cơ cấu tổ chức mới.',
    'Chưa kiện toàn vị trí việc làm theo đề án được phê duyệt.',
  ],
  [ReformArea.CIVIL_SERVICE]: [
    'Chưa công khai kết quả đánh giá, xếp loại công chức.',
    'Một số công chức chưa đạt chuẩn chức danh theo quy định.',
  ],
  [ReformArea.PUBLIC_FINANCE]: [
    'Quy chế chi tiêu nội bộ chưa được sửa đổi theo quy định mới.',
    'Chưa công khai dự toán, quyết toán ngân sách đúng thời hạn.',
  ],
  [ReformArea.E_GOVERNMENT]: [
    'Tỷ lệ văn bản điện tử gửi, nhận qua hệ thống còn thấp.',
    'Tỷ lệ hồ sơ trực tuyến mức độ 3, 4 còn thấp; chưa số hóa hồ sơ khi tiếp nhận.',
  ],
  [ReformArea.REFORM_DIRECTION]: [
    'Kế hoạch cải cách hành chính năm ban hành chậm, chưa bố trí kinh phí.',
    'Chưa thực hiện đầy đủ chế độ báo cáo cải cách hành chính định kỳ.',
  ],
};

const SEVERITIES = [FindingSeverity.MINOR, FindingSeverity.MINOR, FindingSeverity.MODERATE, FindingSeverity.SERIOUS];

export const addDays = (date: string, days: number) => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
};

/** How the findings of a demo year stand today: the older, the more of them remedied. */
export interface FindingPolicy {
  /** Out of 10, how many findings stay open (their due dates have long passed: overdue). */
  openInTen: number;
  /** Out of 10, how many get a long-term due date (end of 2030): open but not overdue. */
  longTermInTen?: number;
}

/** 0 to 3 findings per concluded inspection, chosen by a hash of its id: the same every time. */
export function demoFindings(inspection: Inspection, policy: FindingPolicy): Finding[] {
  const seed = hashSeed(inspection.id);
  const count = seed % 4;
  const findings: Finding[] = [];
  for (let index = 0; index < count; index += 1) {
    const pick = hashSeed(`${inspection.id}#${index}`);
    const area = REFORM_AREAS[(seed + index * 3) % REFORM_AREAS.length];
    const longTerm = pick % 10 < (policy.longTermInTen ?? 0);
    const open = longTerm || Math.floor(pick / 16) % 10 < policy.openInTen;
    const dueOn = longTerm ? '2030-12-31' : addDays(inspection.conductedOn!, 60 + (pick % 4) * 30);
    findings.push({
      id: `${inspection.id}.f${index + 1}`,
      inspectionId: inspection.id,
      inspectorPath: inspection.inspectorPath,
      targetAgencyId: inspection.targetAgencyId,
      targetPath: inspection.targetPath,
      area,
      severity: SEVERITIES[pick % SEVERITIES.length],
      description: SHORTCOMINGS[area][pick % 2],
      evidence: `Biên bản kiểm tra ngày ${inspection.conductedOn}`,
      dueOn,
      remediatedAt: open ? null : `${addDays(dueOn, -((pick % 20) + 1))}T02:00:00.000Z`,
      remediationEvidence: open ? null : `Báo cáo khắc phục số ${(pick % 200) + 1}/BC`,
      recordedAt: `${inspection.concludedOn}T02:00:00.000Z`,
      // Last changed when remedied, else when recorded with the conclusion.
      updatedAt: open ? `${inspection.concludedOn}T02:00:00.000Z` : `${addDays(dueOn, -((pick % 20) + 1))}T02:00:00.000Z`,
    });
  }
  return findings;
}
