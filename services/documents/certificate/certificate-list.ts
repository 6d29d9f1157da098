import type { SubgraphContext } from '../../core/context';
import { requirePrincipal, whereInScope, whereWithin, type UnitPath } from '../../core/access';
import { paginate, type PageArgs } from '../../core/pagination';
import { Certificate } from './certificate';
import type { CertificateKind } from './certificate-kind';

/** Certificates whose holder lies in the principal's scope (lists are filtered, rule 2). */
export function listCertificates(
  context: SubgraphContext,
  filter: { kind?: CertificateKind; agencyId?: string; officialId?: string; territory?: readonly UnitPath[] },
  page: PageArgs,
) {
  const principal = requirePrincipal(context.principal);
  const query = context.dataSource.getRepository(Certificate).createQueryBuilder('certificate');
  whereInScope(query, 'certificate.unitPath', principal);
  if (filter.territory) whereWithin(query, 'certificate.unitPath', filter.territory);
  if (filter.kind) query.andWhere('certificate.kind = :kind', { kind: filter.kind });
  if (filter.agencyId) query.andWhere('certificate.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.officialId) query.andWhere('certificate.officialId = :officialId', { officialId: filter.officialId });
  return paginate(query, 'certificate.id', (certificate) => certificate.id, page);
}
