import {
  agencyIds,
  DISTRICT_DIVISIONS,
  KIEN_GIANG_DISTRICT_LEADER_SEATS,
  KIEN_GIANG_OTHER_PROVINCIAL_AGENCIES,
  officialId,
  PROVINCIAL_DEPARTMENTS,
} from '../../core/demo/agency-ids';
import { childrenOf, demoUnit, demoUnits, FOCUS_PROVINCES, type DemoUnit } from '../../core/demo/administrative-tree';
import { demoPersonName, hashSeed } from '../../core/demo/names';
import { REFORM_DAY, reformTree } from '../../core/demo/reform-2025';
import { POST_REFORM_DEPARTMENTS, REFORM_FOCUS_COMMUNES, REFORM_FOCUS_PROVINCES, unitById } from '../../core/demo/reform-2025-focus';
import { storedPath } from '../../core/access';
import type { Agency } from '../agency/agency';
import { instantOf } from '../../core/time';
import { AgencyKind } from '../agency/agency-kind';
import type { Official } from '../official/official';

type AgencyRow = Omit<Agency, never>;
type OfficialRow = Omit<Official, never>;

/**
 * Pull sync: a demo agency's record last changed when its unit's tree entry did, at the reform
 * of 1 July 2025 (00:00 in Vietnam) for both trees: the pre-reform units ended, the new began.
 */
const TREE_CHANGED_AT = instantOf(`${REFORM_DAY} 00:00:00`).toISOString();

const agencyRow = (id: string, name: string, kind: AgencyKind, unit: DemoUnit, parentId: string | null): AgencyRow => ({
  id,
  name,
  kind,
  unitId: unit.id,
  unitPath: storedPath(unit.path),
  parentId,
  updatedAt: TREE_CHANGED_AT,
});

function officials(agency: AgencyRow, positions: string[], emailDomain: string): OfficialRow[] {
  return positions.map((position, index) => {
    const id = officialId(agency.id, index + 1);
    const seed = hashSeed(id);
    return {
      id,
      name: demoPersonName(seed),
      position,
      isLeader: index === 0,
      agencyId: agency.id,
      unitPath: agency.unitPath,
      phone: `09${String(seed % 100_000_000).padStart(8, '0')}`,
      email: `${id.replace(/\./g, '-')}@${emailDomain}`,
      updatedAt: agency.updatedAt,
    };
  });
}

/**
 * The agencies and officials of both trees: the pre-reform ones (`preReformAgencies`, ids as
 * they always were) and the post-reform ones (`postReformAgencies`, ids `<unit id>.…` such as
 * `51@2025.ubnd`). The institutions seed inserts all of them.
 */
export function demoAgencies(): { agencies: AgencyRow[]; officials: OfficialRow[] } {
  const before = preReformAgencies();
  const after = postReformAgencies();
  return { agencies: [...before.agencies, ...after.agencies], officials: [...before.officials, ...after.officials] };
}

/**
 * Before 1 July 2025: a People's Committee for every unit; for the focus provinces also the
 * departments, the Public Administration Service Center, district divisions, one-stop desks
 * and their leaders.
 */
export function preReformAgencies(): { agencies: AgencyRow[]; officials: OfficialRow[] } {
  const agencies: AgencyRow[] = [];
  const people: OfficialRow[] = [];
  for (const unit of demoUnits().values()) {
    if (unit.level === 'NATION') continue;
    agencies.push(agencyRow(agencyIds.peoplesCommittee(unit.code), `UBND ${unit.fullName}`, AgencyKind.PEOPLES_COMMITTEE, unit, null));
  }
  for (const provinceCode of FOCUS_PROVINCES) {
    const province = demoUnit(provinceCode);
    const domain = `${hashSeed(province.name).toString(36)}.gov.vn`;
    const committee = agencies.find((agency) => agency.id === agencyIds.peoplesCommittee(provinceCode))!;
    people.push(...officials(committee, ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh'], domain));
    const center = agencyRow(
      agencyIds.serviceCenter(provinceCode),
      `Trung tâm Phục vụ hành chính công ${province.fullName}`,
      AgencyKind.SERVICE_CENTER,
      province,
      committee.id,
    );
    agencies.push(center);
    people.push(...officials(center, ['Giám đốc Trung tâm', 'Phó Giám đốc Trung tâm'], domain));
    for (const department of PROVINCIAL_DEPARTMENTS) {
      const row = agencyRow(
        agencyIds.department(provinceCode, department.slug),
        `${department.name} ${province.fullName}`,
        AgencyKind.DEPARTMENT,
        province,
        committee.id,
      );
      agencies.push(row);
      people.push(...officials(row, ['Giám đốc', 'Phó Giám đốc'], domain));
    }
    if (provinceCode === '91') {
      // Kiên Giang's report counts 62 provincial agencies and their 152 leaders (seed 000).
      for (const other of KIEN_GIANG_OTHER_PROVINCIAL_AGENCIES) {
        const row = agencyRow(agencyIds.provincialAgency(provinceCode, other.slug), other.name, AgencyKind.DEPARTMENT, province, committee.id);
        agencies.push(row);
        people.push(...officials(row, ['Thủ trưởng', 'Phó Thủ trưởng', 'Phó Thủ trưởng'].slice(0, other.seats), domain));
      }
    }
    for (const district of childrenOf(provinceCode)) {
      const districtCommittee = agencyIds.peoplesCommittee(district.code);
      const seats = provinceCode === '91' ? KIEN_GIANG_DISTRICT_LEADER_SEATS(district.code) : 2;
      const districtLeaders = ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Phó Chủ tịch UBND'].slice(0, seats);
      people.push(...officials(agencies.find((agency) => agency.id === districtCommittee)!, districtLeaders, domain));
      const desk = agencyRow(agencyIds.oneStopDesk(district.code), `Bộ phận Một cửa ${district.fullName}`, AgencyKind.ONE_STOP_DESK, district, districtCommittee);
      agencies.push(desk);
      people.push(...officials(desk, ['Trưởng Bộ phận Một cửa'], domain));
      for (const division of DISTRICT_DIVISIONS) {
        agencies.push(
          agencyRow(agencyIds.division(district.code, division.slug), `${division.name} ${district.fullName}`, AgencyKind.DIVISION, district, districtCommittee),
        );
      }
      for (const commune of childrenOf(district.code)) {
        const communeCommittee = agencyIds.peoplesCommittee(commune.code);
        people.push(...officials(agencies.find((agency) => agency.id === communeCommittee)!, ['Chủ tịch UBND'], domain));
        agencies.push(
          agencyRow(agencyIds.oneStopDesk(commune.code), `Bộ phận Một cửa ${commune.fullName}`, AgencyKind.ONE_STOP_DESK, commune, communeCommittee),
        );
      }
    }
  }
  return { agencies, officials: people };
}

/**
 * From 1 July 2025: a People's Committee for every post-reform unit (34 provinces, 3,321
 * communes); for Quảng Ngãi (51@2025) and An Giang (91@2025) also the Public Administration
 * Service Center, the departments of the 2025 apparatus, the one-stop desks of the communes
 * the demo gives activity to (REFORM_FOCUS_COMMUNES) and their leaders. No districts: a
 * commune's People's Committee answers to the province's.
 */
export function postReformAgencies(): { agencies: AgencyRow[]; officials: OfficialRow[] } {
  const agencies: AgencyRow[] = [];
  const people: OfficialRow[] = [];
  const committees = new Map<string, AgencyRow>();
  for (const unit of reformTree().units.values()) {
    const row = agencyRow(agencyIds.peoplesCommittee(unit.id), `UBND ${unit.fullName}`, AgencyKind.PEOPLES_COMMITTEE, unit, null);
    agencies.push(row);
    committees.set(unit.id, row);
  }
  for (const provinceId of REFORM_FOCUS_PROVINCES) {
    const province = unitById(provinceId);
    // The merged province's own domain: not the pre-reform province's of the same name.
    const domain = `${hashSeed(`${province.name} ${provinceId}`).toString(36)}.gov.vn`;
    const committee = committees.get(provinceId)!;
    people.push(...officials(committee, ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh'], domain));
    const center = agencyRow(
      agencyIds.serviceCenter(provinceId),
      `Trung tâm Phục vụ hành chính công ${province.fullName}`,
      AgencyKind.SERVICE_CENTER,
      province,
      committee.id,
    );
    agencies.push(center);
    people.push(...officials(center, ['Giám đốc Trung tâm', 'Phó Giám đốc Trung tâm'], domain));
    for (const department of POST_REFORM_DEPARTMENTS) {
      const row = agencyRow(agencyIds.department(provinceId, department.slug), `${department.name} ${province.fullName}`, AgencyKind.DEPARTMENT, province, committee.id);
      agencies.push(row);
      people.push(...officials(row, ['Giám đốc', 'Phó Giám đốc'], domain));
    }
    for (const communeId of REFORM_FOCUS_COMMUNES[provinceId]) {
      const commune = unitById(communeId);
      const communeCommittee = committees.get(communeId)!;
      people.push(...officials(communeCommittee, ['Chủ tịch UBND', 'Phó Chủ tịch UBND'], domain));
      // From 1 July 2025 a commune's one-stop desk is its Public Administration Service Center (Decree 118/2025/NĐ-CP).
      const desk = agencyRow(
        agencyIds.oneStopDesk(communeId),
        `Trung tâm Phục vụ hành chính công ${commune.fullName}`,
        AgencyKind.ONE_STOP_DESK,
        commune,
        communeCommittee.id,
      );
      agencies.push(desk);
      people.push(...officials(desk, ['Trưởng Bộ phận Một cửa'], domain));
    }
  }
  return { agencies, officials: people };
}
