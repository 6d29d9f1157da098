import type { SubgraphContext } from '../../core/context';
import { whereInScope, requirePrincipal } from '../../core/access';
import { paginate, type PageArgs } from '../../core/pagination';
import { Agency } from './agency';
import type { AgencyKind } from './agency-kind';

/** Agencies in the principal's scope, optionally of one unit and kind (lists are filtered, rule 2). */
export function listAgencies(
  context: SubgraphContext,
  filter: { unitId?: string; kind?: AgencyKind },
  page: PageArgs,
) {
  const principal = requirePrincipal(context.principal);
  const query = context.dataSource.getRepository(Agency).createQueryBuilder('agency');
  whereInScope(query, 'agency.unitPath', principal);
  if (filter.unitId) query.andWhere('agency.unitId = :unitId', { unitId: filter.unitId });
  if (filter.kind) query.andWhere('agency.kind = :kind', { kind: filter.kind });
  return paginate(query, 'agency.id', (agency) => agency.id, page);
}
