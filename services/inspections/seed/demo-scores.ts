import { childrenOf, demoUnits } from '../../core/demo/administrative-tree';
import { hashSeed } from '../../core/demo/names';
import { storedPath } from '../../core/access';
import { ReformArea } from '../finding/reform-area';
import type { ReformScoreAreaRecord, ReformScoreRecord } from '../score/reform-score-record';
import { scoreId } from '../score/score-query';

/** Maximum points of each area, in hundredths (they add up to a PAR INDEX out of 100). */
const MAX_POINTS: Record<ReformArea, number> = {
  [ReformArea.REFORM_DIRECTION]: 1300,
  [ReformArea.INSTITUTIONS]: 1100,
  [ReformArea.ADMINISTRATIVE_PROCEDURES]: 1450,
  [ReformArea.APPARATUS_ORGANISATION]: 1000,
  [ReformArea.CIVIL_SERVICE]: 1750,
  [ReformArea.PUBLIC_FINANCE]: 1300,
  [ReformArea.E_GOVERNMENT]: 2100,
};

/**
 * Gia Lai 2019 (seed 002): "93,8% cán bộ, công chức, viên chức được đánh giá, phân loại từ mức
 * hoàn thành tốt nhiệm vụ trở lên": 26,771 of 28,540 is 93.80% (cut to two decimals).
 */
export const GIA_LAI_2019_RATING = { rated: 28540, completedWell: 26771 };

export interface DemoScoreRows {
  scores: ReformScoreRecord[];
  areas: ReformScoreAreaRecord[];
}

/** Points between 65% and 97% of the maximum, from a hash: the same every time. */
const demoPoints = (key: string, max: number) => Math.floor((max * (65 + (hashSeed(key) % 33))) / 100);

/**
 * PAR INDEX 2019 of all 63 provinces (scored by the nation) and of the districts of the focus
 * provinces (scored by their province), so ranks among siblings are meaningful; SIPAS for the
 * provinces; the civil-service rating of Gia Lai.
 */
export function demoScoreRows(year = 2019): DemoScoreRows {
  const rows: DemoScoreRows = { scores: [], areas: [] };
  const provinces = [...demoUnits().values()].filter((unit) => unit.level === 'PROVINCE');
  const districts = ['64', '91'].flatMap((code) => childrenOf(code));
  for (const unit of [...provinces, ...districts]) {
    const id = scoreId(unit.id, year);
    const parentPath = storedPath(unit.path.slice(0, unit.path.lastIndexOf('/')));
    const rating = unit.id === '64' ? GIA_LAI_2019_RATING : null;
    rows.scores.push({
      id,
      unitId: unit.id,
      unitPath: storedPath(unit.path),
      year,
      sipasHundredths: unit.level === 'PROVINCE' ? 7800 + (hashSeed(`${id}|sipas`) % 1400) : null,
      civilServantsRated: rating?.rated ?? null,
      civilServantsCompletedWell: rating?.completedWell ?? null,
      recordedAt: `${year + 1}-05-20T03:00:00.000Z`,
    });
    for (const [area, max] of Object.entries(MAX_POINTS)) {
      rows.areas.push({
        id: `${id}|${area}`,
        scoreId: id,
        unitId: unit.id,
        parentPath,
        year,
        area,
        pointsHundredths: demoPoints(`${id}|${area}`, max),
        maxPointsHundredths: max,
      });
    }
  }
  return rows;
}
