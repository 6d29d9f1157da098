import { agencyIds, officialId, PROVINCIAL_DEPARTMENTS } from '../../core/demo/agency-ids';
import { childrenOf } from '../../core/demo/administrative-tree';
import { REFORM_FOCUS_COMMUNES, unitById } from '../../core/demo/reform-2025-focus';
import { hashSeed } from '../../core/demo/names';
import { storedPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import type { Finding } from '../finding/finding';
import type { Inspection } from '../inspection/inspection';
import { InspectionStatus } from '../inspection/inspection-status';
import type { InspectionPlan } from '../plan/inspection-plan';
import type { PlanTarget } from '../plan/plan-target';
import { addDays, demoFindings, type FindingPolicy } from './demo-findings';

/** Units are named by id (`51@2025`), which for a pre-reform unit is its code. */
interface DemoTarget {
  agencyId: string;
  unitId: string;
}

/** What became of a planned target: inspected (the default), cancelled, or never scheduled. */
type Outcome = 'CONCLUDED' | 'CANCELLED' | 'NOT_SCHEDULED';

interface DemoPlan {
  unitId: string;
  year: number;
  decisionNumber: string;
  decidedOn: string;
  targets: DemoTarget[];
  outcomes?: Record<string, Outcome>;
  cancellationReason?: string;
  findings: FindingPolicy;
  /** First month inspections are scheduled in (default April): a plan decided late in the year starts later. */
  firstMonth?: number;
}

const department = (province: string, slug: string): DemoTarget => ({ agencyId: agencyIds.department(province, slug), unitId: province });
const committee = (unitId: string): DemoTarget => ({ agencyId: agencyIds.peoplesCommittee(unitId), unitId });

/** `count` items of `list` from a year-dependent start, wrapping around: each year inspects others. */
const rotation = <T>(list: T[], start: number, count: number) => Array.from({ length: count }, (_, index) => list[(start + index) % list.length]);

const departmentsOf = (province: string, year: number, count: number) =>
  rotation(PROVINCIAL_DEPARTMENTS, (year * 7) % PROVINCIAL_DEPARTMENTS.length, count).map((entry) => department(province, entry.slug));

const districtsOf = (province: string, year: number, count: number) => {
  const districts = childrenOf(province);
  return rotation(districts, (year * 5) % districts.length, count).map((district) => committee(district.code));
};

/**
 * Gia Lai (64), seed 002: "Năm 2016: 13 đơn vị (cấp sở 07, cấp huyện 06); năm 2017: 19 (10, 09);
 * năm 2018: 14 (06, 08); năm 2019: 17 (07, 10); năm 2020: 20 (10, 10)". Some years planned one
 * more target than were inspected (a cancellation, a target never scheduled), so rates differ.
 */
function giaLaiPlans(): DemoPlan[] {
  const years: { year: number; departments: number; districts: number; extra?: 'department' | 'district'; outcome?: Outcome; reason?: string; findings: FindingPolicy }[] = [
    { year: 2016, departments: 7, districts: 6, findings: { openInTen: 0 } },
    { year: 2017, departments: 10, districts: 9, extra: 'district', outcome: 'CANCELLED', reason: 'Đơn vị đang sắp xếp, kiện toàn tổ chức bộ máy.', findings: { openInTen: 1 } },
    { year: 2018, departments: 6, districts: 8, extra: 'department', outcome: 'NOT_SCHEDULED', findings: { openInTen: 1 } },
    { year: 2019, departments: 7, districts: 10, findings: { openInTen: 2 } },
    { year: 2020, departments: 10, districts: 10, extra: 'district', outcome: 'CANCELLED', reason: 'Tạm hoãn do dịch COVID-19.', findings: { openInTen: 3 } },
    { year: 2021, departments: 6, districts: 6, findings: { openInTen: 5, longTermInTen: 2 } },
  ];
  return years.map((spec, index) => {
    const departments = departmentsOf('64', spec.year, spec.departments + (spec.extra === 'department' ? 1 : 0));
    const districts = districtsOf('64', spec.year, spec.districts + (spec.extra === 'district' ? 1 : 0));
    const extra = spec.extra === 'department' ? departments[departments.length - 1] : spec.extra === 'district' ? districts[districts.length - 1] : undefined;
    return {
      unitId: '64',
      year: spec.year,
      decisionNumber: `${30 + index * 7}/KH-UBND`,
      decidedOn: `${spec.year}-02-${String(10 + index).padStart(2, '0')}`,
      targets: [...departments, ...districts],
      outcomes: extra && spec.outcome ? { [extra.agencyId]: spec.outcome } : undefined,
      cancellationReason: spec.reason,
      findings: spec.findings,
    };
  });
}

/** Kiên Giang (91), seed 000: "9 sở, ban, ngành cấp tỉnh, 5 UBND cấp huyện và 9 đơn vị cấp xã, đạt 100% kế hoạch". */
function kienGiangPlan(): DemoPlan {
  const districts = ['899', '903', '905', '908', '911'].map(committee);
  const communeDistricts = ['902', '904', '905', '906', '907', '909', '910', '912', '913'];
  const communes = communeDistricts.map((district) => committee(childrenOf(district)[0].code));
  return {
    unitId: '91',
    year: 2019,
    decisionNumber: '42/KH-UBND',
    decidedOn: '2019-03-04',
    targets: [...PROVINCIAL_DEPARTMENTS.slice(0, 9).map((entry) => department('91', entry.slug)), ...districts, ...communes],
    findings: { openInTen: 1 },
  };
}

/** Châu Thành district (905) inspects five of its communes in 2018: a district-level plan. */
function chauThanhPlan(): DemoPlan {
  return {
    unitId: '905',
    year: 2018,
    decisionNumber: '15/KH-UBND',
    decidedOn: '2018-03-12',
    targets: childrenOf('905').slice(0, 5).map((commune) => committee(commune.code)),
    findings: { openInTen: 0 },
  };
}

/**
 * After the reform: the merged provinces' 2025 reform inspection plans, decided after 1 July
 * 2025 and carried out from September, of departments of the 2025 apparatus and new communes
 * (a commune's People's Committee answers to the province's: there are no districts).
 * Quảng Ngãi: 6 targets, one not scheduled in 2025; An Giang: 5, one cancelled.
 */
function reformPlans(): DemoPlan[] {
  const [quangNgai, anGiang] = [REFORM_FOCUS_COMMUNES['51@2025'], REFORM_FOCUS_COMMUNES['91@2025']];
  return [
    {
      unitId: '51@2025',
      year: 2025,
      decisionNumber: '45/KH-UBND',
      decidedOn: '2025-08-15',
      firstMonth: 9,
      targets: [
        ...['tu-phap', 'xay-dung', 'nong-nghiep-moi-truong'].map((slug) => department('51@2025', slug)),
        ...[quangNgai[1], quangNgai[2], quangNgai[4]].map(committee),
      ],
      outcomes: { [agencyIds.peoplesCommittee(quangNgai[4])]: 'NOT_SCHEDULED' },
      findings: { openInTen: 3 },
    },
    {
      unitId: '91@2025',
      year: 2025,
      decisionNumber: '112/KH-UBND',
      decidedOn: '2025-08-20',
      firstMonth: 9,
      targets: [...['tai-chinh', 'y-te'].map((slug) => department('91@2025', slug)), ...[anGiang[0], anGiang[2], anGiang[4]].map(committee)],
      outcomes: { [agencyIds.peoplesCommittee(anGiang[2])]: 'CANCELLED' },
      cancellationReason: 'Đơn vị đang kiện toàn tổ chức bộ máy sau sắp xếp đơn vị hành chính.',
      findings: { openInTen: 4 },
    },
  ];
}

export interface DemoInspectionRows {
  plans: InspectionPlan[];
  targets: PlanTarget[];
  inspections: Inspection[];
  findings: Finding[];
}

/** The team: Home Affairs (or the one-stop desk) and a deputy chair of the inspecting unit's People's Committee. */
function team(unitId: string, seat: number): string[] {
  const deputy = officialId(agencyIds.peoplesCommittee(unitId), 2);
  if (unitById(unitId).level === 'PROVINCE') return [officialId(agencyIds.department(unitId, 'noi-vu'), 1 + (seat % 2)), deputy];
  return [deputy, officialId(agencyIds.oneStopDesk(unitId), 1)];
}

export function demoInspectionRows(): DemoInspectionRows {
  const rows: DemoInspectionRows = { plans: [], targets: [], inspections: [], findings: [] };
  for (const spec of [...giaLaiPlans(), kienGiangPlan(), chauThanhPlan(), ...reformPlans()]) {
    const inspecting = unitById(spec.unitId);
    const inspectorPath = storedPath(inspecting.path);
    const planId = `kh-${spec.unitId}-${spec.year}`;
    rows.plans.push({
      id: planId,
      unitId: spec.unitId,
      unitPath: inspectorPath,
      year: spec.year,
      coverageTarget: 30,
      decisionNumber: spec.decisionNumber,
      decidedOn: spec.decidedOn,
      createdAt: `${spec.decidedOn}T01:00:00.000Z`,
      updatedAt: `${spec.decidedOn}T01:00:00.000Z`,
    });
    spec.targets.forEach((target, index) => {
      const unit = unitById(target.unitId);
      const targetPath = storedPath(unit.path);
      const targetLevel = unit.level as UnitLevel;
      rows.targets.push({ id: `${planId}|${target.agencyId}`, planId, year: spec.year, inspectorPath, targetAgencyId: target.agencyId, targetUnitId: unit.id, targetPath, targetLevel });
      const outcome = spec.outcomes?.[target.agencyId] ?? 'CONCLUDED';
      if (outcome === 'NOT_SCHEDULED') return;
      const seed = hashSeed(`${planId}|${target.agencyId}`);
      const month = (spec.firstMonth ?? 4) + (index % (spec.firstMonth ? 3 : 7));
      const scheduledOn = `${spec.year}-${String(month).padStart(2, '0')}-${String(3 + (seed % 24)).padStart(2, '0')}`;
      const concluded = outcome === 'CONCLUDED';
      const concludedOn = concluded ? addDays(scheduledOn, 10 + (seed % 15)) : null;
      const inspection: Inspection = {
        id: `${planId}.${String(index + 1).padStart(2, '0')}`,
        planId,
        year: spec.year,
        inspectingUnitId: spec.unitId,
        inspectorPath,
        targetAgencyId: target.agencyId,
        targetUnitId: unit.id,
        targetPath,
        targetLevel,
        teamOfficialIds: team(spec.unitId, index),
        scheduledOn,
        conductedOn: concluded ? scheduledOn : null,
        concludedOn,
        status: concluded ? InspectionStatus.CONCLUDED : InspectionStatus.CANCELLED,
        conclusion: concluded ? 'Đơn vị cơ bản thực hiện tốt nhiệm vụ cải cách hành chính; còn một số tồn tại, hạn chế cần khắc phục.' : null,
        cancellationReason: concluded ? null : spec.cancellationReason ?? 'Tạm hoãn.',
        createdAt: `${spec.decidedOn}T02:00:00.000Z`,
        // Concluded at 09:00 in Vietnam on its conclusion day (with its findings); a cancelled one the day before it was due.
        updatedAt: concludedOn ? `${concludedOn}T02:00:00.000Z` : `${addDays(scheduledOn, -1)}T02:00:00.000Z`,
      };
      rows.inspections.push(inspection);
      if (concluded) rows.findings.push(...demoFindings(inspection, spec.findings));
    });
  }
  return rows;
}
