import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import { batchOf, unitFieldLoader } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { certificateStatsByKey } from '../stats/certificate-stats';
import { assertPeriod, documentExchangeStatsByKey } from '../stats/exchange-stats';
import { CertificateStats, DocumentExchangeStats } from '../stats/stats-types';
import { LocalDate } from '../../core/input';

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
  certificateStats(@Root() unit: UnitRef, @Ctx() context: SubgraphContext): Promise<CertificateStats | null> {
    const stats = async (units: readonly UnitRecord[]) => {
      const byKey = await certificateStatsByKey(context, batchOf(units));
      return units.map((record) => byKey.get(record.id)!);
    };
    return unitFieldLoader(context, 'certificateStats', null, stats, { covers: 'Certificate statistics' }).load(unit.id);
  }

  @FieldResolver(() => DocumentExchangeStats, { nullable: true, description: 'Documents sent and received within the unit and below, from and to (YYYY-MM-DD, inclusive).' })
  async documentExchangeStats(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive; not before from.' }) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<DocumentExchangeStats | null> {
    assertPeriod(from, to);
    const stats = async (units: readonly UnitRecord[]) => {
      const byKey = await documentExchangeStatsByKey(context, batchOf(units), from, to);
      return units.map((record) => byKey.get(record.id)!);
    };
    return unitFieldLoader(context, 'documentExchangeStats', [from, to], stats, { covers: 'Document exchange statistics' }).load(unit.id);
  }
}
