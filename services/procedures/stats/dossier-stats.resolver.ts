import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import type { UnitLevel } from '../../core/unit-level';
import type { DossierChannel } from '../dossier/dossier-channel';
import { procedureField } from '../procedure/procedure-field';
import { rowsByKey } from '../../core/access';
import { dossierAggregates, type Grouping } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { ChannelDossierStats, DossierStats, FieldDossierStats, LegacyLevelDossierStats, LevelDossierStats } from './dossier-stats';

/**
 * One breakdown of the dossier statistics of every unit of the request with the same period, in
 * one statement (a batch of `_entities` representations: docs/architecture.md, "Entity batches").
 */
const breakdown = async (context: SubgraphContext, stats: DossierStats, grouping: Grouping) =>
  (await context.loaders
    .get<string, Record<string, unknown>[]>(`dossier-breakdown:${grouping}:${stats.period.start}|${stats.period.end}`, async (territories) => {
      const batch = { byKey: territories.map((key) => ({ key, territory: JSON.parse(key) as string[] })) };
      const rows = rowsByKey(batch, await dossierAggregates(context, batch, stats.period, grouping));
      return territories.map((key) => rows.get(key)!);
    })
    .load(JSON.stringify(stats.territory)))!;

/** Breakdowns of a unit's dossier statistics: each one SQL statement with GROUP BY, for all units asked at once. */
@Resolver(() => DossierStats)
export class DossierStatsResolver {
  @FieldResolver(() => [ChannelDossierStats], { description: 'By submission channel (a plain list: one entry per channel).' })
  async byChannel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<ChannelDossierStats[]> {
    const rows = await breakdown(context, stats, 'channel');
    return rows.map((row) => ({ ...countsFrom(row), channel: row.groupKey as DossierChannel }));
  }

  @FieldResolver(() => [LevelDossierStats], { description: 'By the level of government that resolves the procedure (a plain list: one entry per level).' })
  async byLevel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<LevelDossierStats[]> {
    const rows = await breakdown(context, stats, 'level');
    return rows.map((row) => ({ ...countsFrom(row), level: row.groupKey as UnitLevel }));
  }

  @FieldResolver(() => [FieldDossierStats], { description: 'By procedure field (lĩnh vực) (a plain list: bounded by the national list of fields, a few dozen).' })
  async byField(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<FieldDossierStats[]> {
    const rows = await breakdown(context, stats, 'fieldCode');
    return rows.map((row) => {
      const code = String(row.groupKey);
      return { ...countsFrom(row), field: procedureField(code) ?? { code, name: code } };
    });
  }

  @FieldResolver(() => [LegacyLevelDossierStats], { description: 'By the old online level (mức độ) of the procedure (a plain list: levels 1 to 4).' })
  async byLegacyLevel(@Root() stats: DossierStats, @Ctx() context: SubgraphContext): Promise<LegacyLevelDossierStats[]> {
    const rows = await breakdown(context, stats, 'legacyLevel');
    return rows.map((row) => ({ ...countsFrom(row), legacyLevel: toNumber(row.groupKey) }));
  }
}
