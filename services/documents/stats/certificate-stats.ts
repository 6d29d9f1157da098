import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { rowsByKey, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import { Certificate } from '../certificate/certificate';
import type { CertificateStats } from './stats-types';

const LEVEL_ORDER = [UnitLevel.NATION, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];

/** One GROUP BY over the subtree's certificates; validity compared with now in SQL. */
export async function certificateStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[]): Promise<CertificateStats> {
  return certificateStatsFrom(await certificateRows(context, territory));
}

/** The same for a batch of territories in one statement (docs/architecture.md, "Entity batches"), by key. */
export async function certificateStatsByKey(context: SubgraphContext, batch: TerritoryBatch): Promise<Map<string, CertificateStats>> {
  const rows = rowsByKey(batch, await certificateRows(context, batch));
  return new Map([...rows].map(([key, mine]) => [key, certificateStatsFrom(mine)]));
}

type CertificateRow = { level: UnitLevel; organization: unknown; personal: unknown; revoked: unknown; valid: unknown };

function certificateRows(context: SubgraphContext, territory: UnitPath | readonly UnitPath[] | TerritoryBatch) {
  const now = new Date().toISOString();
  const query = context.dataSource
    .getRepository(Certificate)
    .createQueryBuilder('certificate')
    .select('certificate.holderLevel', 'level')
    .addSelect("SUM(CASE WHEN certificate.kind = 'ORGANIZATION' THEN 1 ELSE 0 END)", 'organization')
    .addSelect("SUM(CASE WHEN certificate.kind = 'PERSONAL' THEN 1 ELSE 0 END)", 'personal')
    .addSelect('SUM(CASE WHEN certificate.revokedAt IS NOT NULL THEN 1 ELSE 0 END)', 'revoked')
    .addSelect('SUM(CASE WHEN certificate.revokedAt IS NULL AND certificate.expiresAt > :now AND certificate.issuedAt <= :now THEN 1 ELSE 0 END)', 'valid')
    .setParameters({ now })
    .groupBy('certificate.holderLevel');
  return whereInTerritories(query, 'certificate.unitPath', territory).getRawMany<CertificateRow>();
}

function certificateStatsFrom(rows: readonly CertificateRow[]): CertificateStats {
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
