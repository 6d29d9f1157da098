import type { SubgraphContext } from '../core/context';
import { byKeys } from '../core/loaders';
import { scopedLoader } from '../core/access';
import { Dossier } from './dossier/dossier';
import { Procedure } from './procedure/procedure';

/** The published catalogue (and its withdrawn history) is public data (docs/architecture.md, rule 5): no scope. */
export const procedureById = (context: SubgraphContext) =>
  context.loaders.get<string, Procedure>('procedure:id', async (ids) => {
    const rows = await context.dataSource
      .getRepository(Procedure)
      .createQueryBuilder('procedure')
      .where('procedure.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    return byKeys(ids, rows, (row) => row.id);
  });

/** Dossiers by id within the principal's scope: FORBIDDEN outside it, null when there is none. */
export const dossierById = (context: SubgraphContext) => scopedLoader(context, { entity: Dossier, label: 'Dossier' });
