import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import { assertCoversUnit, territoryOf } from '../../core/access';
import { certificateStats } from '../stats/certificate-stats';
import { documentExchangeStats } from '../stats/exchange-stats';
import { CertificateStats, DocumentExchangeStats } from '../stats/stats-types';

/** AdministrativeUnit is owned by institutions; this subgraph adds certificate and exchange statistics. */
export const UnitRef = foreignEntity('AdministrativeUnit');
export type UnitRef = EntityReference;

/**
 * Aggregates about a unit (computed in `stats/`): FORBIDDEN outside the scope, never narrowed
 * (rule 2); over the unit's territory, its lineage's included for a unit of the reform (rule 13).
 */
@Resolver(() => UnitRef)
export class UnitDocumentStatsResolver {
  @FieldResolver(() => CertificateStats, { nullable: true, description: 'Certificates held within the unit and the units below it.' })
  async certificateStats(@Root() unit: UnitRef, @Ctx() context: SubgraphContext): Promise<CertificateStats> {
    const record = await assertCoversUnit(context, unit.id, 'Certificate statistics');
    return certificateStats(context, territoryOf(record));
  }

  @FieldResolver(() => DocumentExchangeStats, { nullable: true, description: 'Documents sent and received within the unit and below, from and to (YYYY-MM-DD, inclusive).' })
  async documentExchangeStats(
    @Root() unit: UnitRef,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<DocumentExchangeStats> {
    const record = await assertCoversUnit(context, unit.id, 'Document exchange statistics');
    return documentExchangeStats(context, territoryOf(record), from, to);
  }
}
