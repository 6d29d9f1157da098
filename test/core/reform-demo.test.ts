import { agencyIds } from '../../services/core/demo/agency-ids';
import { REFORM_DAY } from '../../services/core/demo/reform-2025';
import { REFORM_FOCUS_COMMUNES, REFORM_FOCUS_PROVINCES } from '../../services/core/demo/reform-2025-focus';
import { demoDocuments } from '../../services/documents/seed/demo-documents';
import { demoHolders } from '../../services/documents/seed/demo-certificates';
import { demoInspectionRows } from '../../services/inspections/seed/demo-inspections';
import { demoAgencies, postReformAgencies, preReformAgencies } from '../../services/institutions/seed/demo-agencies';
import { demoData } from '../../services/procedures/seed/seed';

/**
 * The demo after 1 July 2025, checked on the generators (no database): ids of both trees never
 * collide, every post-reform record names post-reform units and agencies and is dated from the
 * reform on, and the figures the README and docs/reporting-contract.md quote come out of it.
 * The stats below count as dossierStats does (services/procedures/stats/dossier-aggregates.ts).
 */
describe('demo data after the 2025 reform', () => {
  const data = demoData();
  const agencies = demoAgencies();
  const agencyIdsSeen = new Set(agencies.agencies.map((agency) => agency.id));

  const stats = (prefixes: string[], from: string, to: string) => {
    const start = `${from} 00:00:00`;
    const end = `${new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)} 00:00:00`;
    const counts = { received: 0, carriedOver: 0, resolved: 0, inProgress: 0 };
    for (const row of data.dossiers) {
      if (!prefixes.some((prefix) => row.unitPath.startsWith(prefix))) continue;
      if (row.receivedAt >= end || (row.closedAt !== null && row.closedAt < start)) continue;
      counts.received += 1;
      if (row.receivedAt < start) counts.carriedOver += 1;
      if (row.resolvedAt !== null && row.resolvedAt >= start && row.resolvedAt < end) counts.resolved += 1;
      if (row.closedAt === null || row.closedAt >= end) counts.inProgress += 1;
    }
    return counts;
  };

  it('keeps every pre-reform agency id and gives post-reform units their own (91.ubnd is Kiên Giang, 91@2025.ubnd An Giang)', () => {
    const before = preReformAgencies();
    const after = postReformAgencies();
    expect(agencyIdsSeen.size).toBe(agencies.agencies.length);
    expect(before.agencies.find((agency) => agency.id === '91.ubnd')).toMatchObject({ name: 'UBND Tỉnh Kiên Giang', unitPath: 'VN/91/' });
    expect(after.agencies.find((agency) => agency.id === '91@2025.ubnd')).toMatchObject({ name: 'UBND Tỉnh An Giang', unitPath: 'VN/91@2025/' });
    expect(after.agencies).toHaveLength(3_387);
    expect(after.agencies.every((agency) => agency.unitId.endsWith('@2025') && /^VN\/\d+@2025\//.test(agency.unitPath))).toBe(true);
    expect(after.officials).toHaveLength(82);
    for (const province of REFORM_FOCUS_PROVINCES) {
      for (const id of [agencyIds.serviceCenter(province), agencyIds.department(province, 'noi-vu'), ...REFORM_FOCUS_COMMUNES[province].map(agencyIds.oneStopDesk)]) {
        expect([id, agencyIdsSeen.has(id)]).toEqual([id, true]);
      }
    }
  });

  it('stores post-reform dossiers and procedures under post-reform units only, from 1 July 2025, at agencies that exist', () => {
    const reformRows = data.dossiers.filter((row) => row.unitId.endsWith('@2025'));
    expect(reformRows).toHaveLength(22_000);
    expect(reformRows.every((row) => row.receivedAt >= REFORM_DAY && row.unitPath.includes('@2025/') && agencyIdsSeen.has(row.agencyId))).toBe(true);
    expect(data.dossiers.filter((row) => !row.unitId.endsWith('@2025')).every((row) => row.receivedAt < REFORM_DAY && !row.unitPath.includes('@'))).toBe(true);
    expect(new Set(data.dossiers.map((row) => row.id)).size).toBe(data.dossiers.length);
    const catalogue = (province: string) => data.procedures.filter((procedure) => procedure.provinceId === province);
    expect([catalogue('51@2025').length, catalogue('91@2025').length]).toEqual([1_711, 1_991]);
    expect(catalogue('51@2025').every((procedure) => procedure.unitPath === 'VN/51@2025/' && procedure.publishedOn === REFORM_DAY && procedure.level !== 'DISTRICT')).toBe(true);
  });

  it('gives the figures the README quotes', () => {
    expect(stats(['VN/51@2025/'], '2025-07-01', '2025-10-31')).toEqual({ received: 12_000, carriedOver: 0, resolved: 11_470, inProgress: 480 });
    expect(stats(['VN/51@2025/', 'VN/62/', 'VN/51/'], '2025-07-01', '2025-10-31')).toEqual({ received: 12_383, carriedOver: 383, resolved: 11_710, inProgress: 623 });
    expect(stats(['VN/91@2025/'], '2025-07-01', '2025-10-31')).toMatchObject({ received: 10_000, resolved: 9_558 });
    expect(stats(['VN/91@2025/', 'VN/91/', 'VN/89/'], '2025-07-01', '2025-10-31')).toMatchObject({ received: 10_200, resolved: 9_758 });
    expect(stats(['VN/51@2025/', 'VN/62/', 'VN/51/'], '2025-01-01', '2025-12-31')).toMatchObject({ received: 18_143, resolved: 17_925 });
    expect(stats(['VN/62/'], '2025-01-01', '2025-06-30')).toMatchObject({ received: 6_143, carriedOver: 143 });
    // The contract's own figure is untouched.
    expect(stats(['VN/62/'], '2023-01-01', '2023-10-31')).toMatchObject({ received: 199_352, carriedOver: 4_425, resolved: 193_339, inProgress: 5_710 });
  });

  it('signs post-reform documents with post-reform certificates and plans 2025 inspections of post-reform agencies', () => {
    const holders = demoHolders();
    expect(holders).toHaveLength(383);
    const reformDocuments = demoDocuments().filter((document) => document.issueDate >= REFORM_DAY);
    expect(reformDocuments).toHaveLength(7);
    for (const document of reformDocuments) {
      expect(holders.some((holder) => holder.agencyId === document.agencyId && holder.unitId.endsWith('@2025'))).toBe(true);
      expect(document.sentTo.every((recipient) => recipient.agencyId.includes('@2025.') && agencyIdsSeen.has(recipient.agencyId))).toBe(true);
    }
    const rows = demoInspectionRows();
    const reformTargets = rows.targets.filter((target) => target.year === 2025);
    expect(reformTargets).toHaveLength(11);
    expect(reformTargets.every((target) => agencyIdsSeen.has(target.targetAgencyId) && target.targetPath.includes('@2025/'))).toBe(true);
    const quangNgai = rows.inspections.filter((inspection) => inspection.planId === 'kh-51@2025-2025');
    expect(quangNgai.map((inspection) => inspection.targetLevel)).toEqual(['PROVINCE', 'PROVINCE', 'PROVINCE', 'COMMUNE', 'COMMUNE']);
    expect(rows.inspections.filter((inspection) => inspection.year === 2025).every((inspection) => inspection.scheduledOn > '2025-08-20')).toBe(true);
  });
});
