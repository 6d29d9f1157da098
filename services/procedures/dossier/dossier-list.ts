import type { SubgraphContext } from '../../core/context';
import { batchOf, requirePrincipal, whereInScope, whereWithin, type UnitPath } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { listsByColumn, paginateBatch } from '../../core/page-batch';
import { paginate, type Page } from '../../core/pagination';
import { addDays, assertDate } from '../../core/time';
import { Dossier } from './dossier';
import type { DossierFilterArgs } from './dossier-args';

/**
 * Dossiers in the principal's scope (rule 1, one indexed range), narrowed by the filters:
 * a list is filtered, never refused. `territory` narrows further to one unit's territory
 * (its subtree, and its lineage's for a unit of the reform: rule 13).
 */
export function listDossiers(
  context: SubgraphContext,
  filter: DossierFilterArgs & { territory?: readonly UnitPath[]; agencyId?: string },
): Promise<Page<Dossier>> {
  return paginate(dossierListQuery(context, filter), 'dossier.id', (dossier) => dossier.id, filter);
}

/** `listDossiers`' query, unpaged (for a batch of lists: core/page-batch.ts). */
export function dossierListQuery(context: SubgraphContext, filter: DossierFilterArgs & { territory?: readonly UnitPath[]; agencyId?: string }) {
  const principal = requirePrincipal(context.principal);
  const query = context.dataSource.getRepository(Dossier).createQueryBuilder('dossier');
  whereInScope(query, 'dossier.unitPath', principal);
  if (filter.territory !== undefined) whereWithin(query, 'dossier.unitPath', filter.territory);
  if (filter.agencyId !== undefined) query.andWhere('dossier.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.status) query.andWhere('dossier.status = :status', { status: filter.status });
  if (filter.channel) query.andWhere('dossier.channel = :channel', { channel: filter.channel });
  if (filter.procedureId) query.andWhere('dossier.procedureId = :procedureId', { procedureId: filter.procedureId });
  if (filter.receivedFrom) {
    query.andWhere('dossier.receivedAt >= :receivedFrom', { receivedFrom: `${assertDate(filter.receivedFrom, 'receivedFrom')} 00:00:00` });
  }
  if (filter.receivedTo) {
    query.andWhere('dossier.receivedAt < :receivedBefore', { receivedBefore: `${addDays(assertDate(filter.receivedTo, 'receivedTo'), 1)} 00:00:00` });
  }
  return query;
}

/**
 * The dossiers of many units (each its territory, rule 13) or agencies at once, in the same
 * statements (docs/architecture.md, "Entity batches"), by unit or agency id.
 */
export async function listDossiersOfUnits(context: SubgraphContext, filter: DossierFilterArgs, units: readonly UnitRecord[]): Promise<Page<Dossier>[]> {
  const pages = await paginateBatch(context, `unit-dossiers:${JSON.stringify(filter)}`, () => dossierListQuery(context, filter), 'dossier.id', (dossier) => dossier.id, filter, {
    column: 'dossier.unitPath',
    territories: batchOf(units).byKey,
  });
  return units.map((unit) => pages.get(unit.id)!);
}

export const dossiersOfAgency = (context: SubgraphContext, filter: DossierFilterArgs) =>
  listsByColumn(context, 'agency-dossiers', filter, () => dossierListQuery(context, filter), 'dossier.id', (dossier) => dossier.id, 'dossier.agencyId');
