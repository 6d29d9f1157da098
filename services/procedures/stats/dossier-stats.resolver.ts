import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import type { UnitLevel } from '../../core/unit-level';
import type { DossierChannel } from '../dossier/dossier-channel';
import { procedureField } from '../procedure/procedure-field';
import { dossierAggregates } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { ChannelDossierStats, DossierStats, FieldDossierStats, LegacyLevelDossierStats, LevelDossierStats } from './dossier-stats';

/** Breakdowns of a unit's dossier statistics: each one SQL statement with GROUP BY. */
@Resolver(() => DossierStats)
export class DossierStatsResolver {
  @FieldResolver(() => [ChannelDossierStats], { description: 'By submission channel.' })
  async byChannel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<ChannelDossierStats[]> {
    const rows = await dossierAggregates(context, stats.territory, stats.period, 'channel');
    return rows.map((row) => ({ ...countsFrom(row), channel: row.groupKey as DossierChannel }));
  }

  @FieldResolver(() => [LevelDossierStats], { description: 'By the level of government that resolves the procedure.' })
  async byLevel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<LevelDossierStats[]> {
    const rows = await dossierAggregates(context, stats.territory, stats.period, 'level');
    return rows.map((row) => ({ ...countsFrom(row), level: row.groupKey as UnitLevel }));
  }

  @FieldResolver(() => [FieldDossierStats], { description: 'By procedure field (lĩnh vực).' })
  async byField(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<FieldDossierStats[]> {
    const rows = await dossierAggregates(context, stats.territory, stats.period, 'fieldCode');
    return rows.map((row) => {
      const code = String(row.groupKey);
      return { ...countsFrom(row), field: procedureField(code) ?? { code, name: code } };
    });
  }

  @FieldResolver(() => [LegacyLevelDossierStats], { description: 'By the old online level (mức độ) of the procedure.' })
  async byLegacyLevel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<LegacyLevelDossierStats[]> {
    const rows = await dossierAggregates(context, stats.territory, stats.period, 'legacyLevel');
    return rows.map((row) => ({ ...countsFrom(row), legacyLevel: toNumber(row.groupKey) }));
  }
}
