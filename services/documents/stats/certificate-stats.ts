import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { subtreeCondition, type UnitPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import { Certificate } from '../certificate/certificate';
import type { CertificateStats } from './stats-types';

const LEVEL_ORDER = [UnitLevel.NATION, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];

/** One GROUP BY over the subtree's certificates; validity compared with now in SQL. */
export async function certificateStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[]): Promise<CertificateStats> {
  const subtree = subtreeCondition('certificate.unitPath', territory);
  const now = new Date().toISOString();
  const rows = await context.dataSource
    .getRepository(Certificate)
    .createQueryBuilder('certificate')
    .select('certificate.holderLevel', 'level')
    .addSelect("SUM(CASE WHEN certificate.kind = 'ORGANIZATION' THEN 1 ELSE 0 END)", 'organization')
    .addSelect("SUM(CASE WHEN certificate.kind = 'PERSONAL' THEN 1 ELSE 0 END)", 'personal')
    .addSelect('SUM(CASE WHEN certificate.revokedAt IS NOT NULL THEN 1 ELSE 0 END)', 'revoked')
    .addSelect('SUM(CASE WHEN certificate.revokedAt IS NULL AND certificate.expiresAt > :now AND certificate.issuedAt <= :now THEN 1 ELSE 0 END)', 'valid')
    .where(subtree.sql, { ...subtree.parameters, now })
    .groupBy('certificate.holderLevel')
    .getRawMany<{ level: UnitLevel; organization: unknown; personal: unknown; revoked: unknown; valid: unknown }>();
  const byLevel = rows
    .map((row) => {
      const organization = toNumber(row.organization);
      const personal = toNumber(row.personal);
      return { level: row.level, organization, personal, total: organization + personal, revoked: toNumber(row.revoked), valid: toNumber(row.valid) };
    })
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const sum = (key: 'organization' | 'personal' | 'revoked' | 'valid') => byLevel.reduce((total, row) => total + row[key], 0);
  const total = sum('organization') + sum('personal');
  return {
    total,
    organization: sum('organization'),
    personal: sum('personal'),
    valid: sum('valid'),
    revoked: sum('revoked'),
    expired: total - sum('valid') - sum('revoked'),
    byLevel: byLevel.map(({ level, organization, personal, total: levelTotal }) => ({ level, organization, personal, total: levelTotal })),
  };
}
