import type { SubgraphContext } from '../core/context';
import { byKeys } from '../core/loaders';
import { publicFactsLoader, scopedLoader } from '../core/access';
import { Agency } from './agency/agency';
import { Official } from './official/official';
import { AdministrativeUnit } from './unit/administrative-unit';

/** Units are public (docs/architecture.md, rule 5): looked up by version id without scope, batched per request. */
export const unitById = (context: SubgraphContext) =>
  context.loaders.get<string, AdministrativeUnit>('unit:id', async (ids) => {
    const rows = await context.dataSource
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    return byKeys(ids, rows, (row) => row.id);
  });
export const agencyById = (context: SubgraphContext) => scopedLoader(context, { entity: Agency, label: 'Agency' });
export const officialById = (context: SubgraphContext) => scopedLoader(context, { entity: Official, label: 'Official' });

/**
 * An agency or official another record points to (a document's recipient, an inspection's
 * team): its public facts, whatever the caller's scope (docs/architecture.md, rule 12).
 */
export const agencyFactsById = (context: SubgraphContext) => publicFactsLoader(context, { entity: Agency, label: 'Agency' });
export const officialFactsById = (context: SubgraphContext) => publicFactsLoader(context, { entity: Official, label: 'Official' });
