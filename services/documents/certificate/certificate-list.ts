import type { SubgraphContext } from '../../core/context';
import { requirePrincipal, whereInScope, whereWithin, type UnitPath } from '../../core/access';
import { listsByColumn } from '../../core/page-batch';
import { paginate } from '../../core/pagination';
import type { SyncPageArgs } from '../../core/updated-since';
import { Certificate } from './certificate';
import type { CertificateKind } from './certificate-kind';

/** Certificates whose holder lies in the principal's scope (lists are filtered, rule 2). */
export function listCertificates(
  context: SubgraphContext,
  filter: { kind?: CertificateKind; agencyId?: string; officialId?: string; territory?: readonly UnitPath[] },
  page: SyncPageArgs,
) {
  return paginate(certificateListQuery(context, filter), 'certificate.id', (certificate) => certificate.id, page);
}

/** `listCertificates`' query, unpaged (for a batch of lists: core/page-batch.ts). */
export function certificateListQuery(context: SubgraphContext, filter: { kind?: CertificateKind; agencyId?: string; officialId?: string; territory?: readonly UnitPath[] }) {
  const principal = requirePrincipal(context.principal);
  const query = context.dataSource.getRepository(Certificate).createQueryBuilder('certificate');
  whereInScope(query, 'certificate.unitPath', principal);
  if (filter.territory) whereWithin(query, 'certificate.unitPath', filter.territory);
  if (filter.kind) query.andWhere('certificate.kind = :kind', { kind: filter.kind });
  if (filter.agencyId) query.andWhere('certificate.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.officialId) query.andWhere('certificate.officialId = :officialId', { officialId: filter.officialId });
  return query;
}

/**
 * The certificates of many agencies or officials (`by`) in the same statements, filtered by the
 * scope like `listCertificates` (docs/architecture.md, "Entity batches").
 */
export const certificatesOf = (context: SubgraphContext, by: 'agencyId' | 'officialId', kind: CertificateKind | undefined, page: SyncPageArgs) =>
  listsByColumn(context, `certificates:${by}:${kind ?? ''}`, page, () => certificateListQuery(context, { kind }), 'certificate.id', (certificate) => certificate.id, `certificate.${by}`);
