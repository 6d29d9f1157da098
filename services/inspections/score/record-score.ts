import type { SubgraphContext } from '../../core/context';
import { insertInBatches } from '../../core/database';
import { badInput } from '../../core/errors';
import { assertMayActFor, parentPathOf, requirePrincipal, resolveWritableUnit, storedPath } from '../../core/access';
import { nowTimestamp } from '../../core/time';
import { assertYear } from '../validation';
import { ReformScoreAreaRecord, ReformScoreRecord } from './reform-score-record';
import type { RecordReformScoreInput } from './score-inputs';
import { reformScore, scoreId } from './score-query';
import type { ReformScore } from './reform-score';

/** Points with at most two decimals, as whole hundredths. */
function hundredths(value: number, argument: string, max = 1_000_000): number {
  const scaled = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || value > max || Math.abs(scaled - value * 100) > 1e-6) {
    throw badInput(`${argument} must be a number from 0 to ${max} with at most two decimals, got ${value}`, argument);
  }
  return scaled;
}

/**
 * The unit above scores the units below it (the Ministry of Home Affairs the provinces, a
 * province its departments and districts): an INSPECTOR of the scored unit's parent, or an
 * ADMIN above the scored unit. One transaction replaces the unit's results for the year.
 */
export async function recordReformScore(context: SubgraphContext, input: RecordReformScoreInput): Promise<ReformScore> {
  requirePrincipal(context.principal);
  const year = assertYear(input.year);
  // Scores go to units in force (rule 13): a dissolved unit is BAD_USER_INPUT naming its successors.
  const unit = await resolveWritableUnit(context, input.unitCode);
  const parent = parentPathOf(unit.path);
  const parentPath = parent === null ? null : storedPath(parent);
  if (!parentPath) throw badInput('The nation has no siblings to be ranked among: score a unit below it', 'unitCode');
  assertMayActFor(context, parentPath, 'INSPECTOR', 'Recording reform scores');
  const seen = new Set<string>();
  const id = scoreId(unit.id, year);
  const areas: ReformScoreAreaRecord[] = (input.areas ?? []).map((area, index) => {
    if (seen.has(area.area)) throw badInput(`areas names ${area.area} twice`, 'areas');
    seen.add(area.area);
    const points = hundredths(area.points, `areas[${index}].points`);
    const maxPoints = hundredths(area.maxPoints, `areas[${index}].maxPoints`);
    if (maxPoints === 0 || points > maxPoints) throw badInput(`areas[${index}]: points must be at most maxPoints, and maxPoints above 0`, 'areas');
    return { id: `${id}|${area.area}`, scoreId: id, unitId: unit.id, parentPath, year, area: area.area, pointsHundredths: points, maxPointsHundredths: maxPoints };
  });
  const rated = input.civilServantsRated ?? null;
  const completedWell = input.civilServantsCompletedWell ?? null;
  if ((rated === null) !== (completedWell === null)) {
    throw badInput('civilServantsRated and civilServantsCompletedWell go together', 'civilServantsCompletedWell');
  }
  if (rated !== null && completedWell !== null && (rated < 1 || completedWell < 0 || completedWell > rated)) {
    throw badInput('civilServantsCompletedWell must be from 0 to civilServantsRated, and civilServantsRated at least 1', 'civilServantsCompletedWell');
  }
  const sipas = input.sipas === undefined || input.sipas === null ? null : hundredths(input.sipas, 'sipas', 100);
  if (areas.length === 0 && sipas === null && rated === null) throw badInput('Give at least one area, the SIPAS index or the civil-service rating', 'areas');
  const record: ReformScoreRecord = {
    id,
    unitId: unit.id,
    unitPath: storedPath(unit.path),
    year,
    sipasHundredths: sipas,
    civilServantsRated: rated,
    civilServantsCompletedWell: completedWell,
    recordedAt: nowTimestamp(),
  };
  await context.dataSource.transaction(async (manager) => {
    await manager.delete(ReformScoreAreaRecord, { scoreId: id });
    await manager.delete(ReformScoreRecord, { id });
    await manager.insert(ReformScoreRecord, record);
    await insertInBatches(manager, ReformScoreAreaRecord, areas);
  });
  return (await reformScore(context, unit.id, year))!;
}
