import { agencyIds, KIEN_GIANG_OTHER_PROVINCIAL_AGENCIES, PROVINCIAL_DEPARTMENTS } from '../../core/demo/agency-ids';
import { childrenOf } from '../../core/demo/administrative-tree';
import { unitById } from '../../core/demo/reform-2025-focus';
import { hashSeed } from '../../core/demo/names';
import { UnitLevel } from '../../core/unit-level';
import { demoAgencies } from '../../institutions/seed/demo-agencies';
import type { CertificateHolder } from '../certificate/certificate-issuance';
import { CertificateKind } from '../certificate/certificate-kind';

/**
 * The certificate holders of the demo, with the agencies and officials the institutions demo
 * seeds (same generator, so ids and names agree without reading its tables).
 *
 * Kiên Giang (seed 000, to 11/2019): 172 organization certificates (62 provincial agencies,
 * 15 district People's Committees, the first 95 commune People's Committees by code) and 199
 * personal ones (the 152 leaders of the 62 provincial agencies, the 47 district People's
 * Committee leaders). Plus the People's Committees of Tiền Giang and Gia Lai, which sign the
 * documents their reports name. After 1 July 2025, organization certificates issued on the
 * day of the reform to the agencies of the merged provinces that sign the post-reform demo
 * documents (POST_REFORM_SIGNERS); they count within `VN/51@2025/` and `VN/91@2025/`, never
 * within a pre-reform province.
 */
export interface DemoHolder extends CertificateHolder {
  issuedOn: string;
}

const KIEN_GIANG = '91';
/** Agencies of the merged provinces that sign the post-reform demo documents (demo-documents.ts). */
export const POST_REFORM_SIGNERS = [
  agencyIds.peoplesCommittee('51@2025'),
  agencyIds.department('51@2025', 'noi-vu'),
  agencyIds.peoplesCommittee('91@2025'),
  agencyIds.peoplesCommittee('30742@2025'),
];
const COMMUNE_CERTIFICATES = 95;

/** A day in [from, to], the same on every run. */
function dayBetween(seed: string, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return new Date(start + (hashSeed(seed) % (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}

let institutionsDemo: ReturnType<typeof demoAgencies> | undefined;

/** The institutions demo's agencies and officials (generated once per process). */
export function demoInstitutions() {
  institutionsDemo ??= demoAgencies();
  return institutionsDemo;
}

export function demoHolders(): DemoHolder[] {
  const { agencies, officials } = demoInstitutions();
  const agencyById = new Map(agencies.map((agency) => [agency.id, agency]));
  const holders: DemoHolder[] = [];
  const organization = (agencyId: string, issuedOn: string) => {
    const agency = agencyById.get(agencyId);
    if (!agency) throw new Error(`The institutions demo has no agency ${agencyId}`);
    const unit = unitById(agency.unitId);
    holders.push({
      kind: CertificateKind.ORGANIZATION,
      agencyId,
      agencyName: agency.name,
      officialId: null,
      officialName: null,
      position: null,
      unitId: unit.id,
      unitName: unit.fullName,
      unitPath: unit.path,
      unitLevel: unit.level as UnitLevel,
      issuedOn,
    });
  };
  const personal = (agencyId: string) => {
    const agency = agencyById.get(agencyId)!;
    const unit = unitById(agency.unitId);
    for (const official of officials.filter((candidate) => candidate.agencyId === agencyId)) {
      holders.push({
        kind: CertificateKind.PERSONAL,
        agencyId,
        agencyName: agency.name,
        officialId: official.id,
        officialName: official.name,
        position: official.position,
        unitId: unit.id,
        unitName: unit.fullName,
        unitPath: unit.path,
        unitLevel: unit.level as UnitLevel,
        issuedOn: dayBetween(official.id, '2018-01-01', '2019-11-30'),
      });
    }
  };

  const provincial = [
    agencyIds.peoplesCommittee(KIEN_GIANG),
    agencyIds.serviceCenter(KIEN_GIANG),
    ...PROVINCIAL_DEPARTMENTS.map((department) => agencyIds.department(KIEN_GIANG, department.slug)),
    ...KIEN_GIANG_OTHER_PROVINCIAL_AGENCIES.map((agency) => agencyIds.provincialAgency(KIEN_GIANG, agency.slug)),
  ];
  const councilId = agencyIds.provincialAgency(KIEN_GIANG, 'hdnd');
  for (const agencyId of provincial) {
    // The People's Council signed Resolution 77/2017/NQ-HĐND: its certificate predates it.
    organization(agencyId, agencyId === councilId ? '2017-01-03' : dayBetween(agencyId, '2017-01-01', '2019-11-30'));
  }
  const districts = childrenOf(KIEN_GIANG);
  for (const district of districts) organization(agencyIds.peoplesCommittee(district.code), dayBetween(district.code, '2017-01-01', '2019-11-30'));
  const communes = districts
    .flatMap((district) => childrenOf(district.code))
    .map((commune) => commune.code)
    .sort()
    .slice(0, COMMUNE_CERTIFICATES);
  for (const code of communes) organization(agencyIds.peoplesCommittee(code), dayBetween(code, '2018-01-01', '2019-11-30'));
  for (const agencyId of provincial) personal(agencyId);
  for (const district of districts) personal(agencyIds.peoplesCommittee(district.code));

  // The People's Committees that issued the other documents the articles name.
  for (const province of ['82', '64']) {
    organization(agencyIds.peoplesCommittee(province), '2019-01-02');
    personal(agencyIds.peoplesCommittee(province));
  }
  for (const agencyId of POST_REFORM_SIGNERS) organization(agencyId, '2025-07-01');
  return holders;
}
