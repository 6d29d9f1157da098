import type { EntityManager, QueryRunner } from 'typeorm';
import { COUNTER_COLUMNS, TOTALS } from './daily-count';
import { dossierEventRowsSql, feedbackEventRowsSql } from './events';

/** Stored paths have at most this many levels: nation, province, district, commune (before 1 July 2025). */
const MAX_DEPTH = 4;

/** How many `/` a stored path holds: its number of levels (`VN/62/` -> 2). */
const levelsOf = (column: string) => `(LENGTH(${column}) - LENGTH(REPLACE(${column}, '/', '')))`;

/** The length of the first `levels` levels of a stored path, in SQL that means the same on SQLite and MariaDB. */
function prefixLength(column: string, levels: number): string {
  if (levels === 1) return `INSTR(${column}, '/')`;
  const before = prefixLength(column, levels - 1);
  return `(${before} + INSTR(SUBSTR(${column}, ${before} + 1), '/'))`;
}

/** The statements that rebuild the rollups from the dossiers and feedback (tables named as in the database). */
export function backfillStatements(tables = { dossier: 'dossier', feedback: 'procedure_feedback', rollups: 'dossier_daily_counts' }): string[] {
  const columns = COUNTER_COLUMNS.join(', ');
  const sums = (alias: string) => COUNTER_COLUMNS.map((name) => `SUM(${alias}.${name})`).join(', ');
  const statements = [
    `DELETE FROM ${tables.rollups}`,
    // The details: per unit, day, procedure and channel.
    `INSERT INTO ${tables.rollups} (scopePath, day, procedureId, channel, ${columns}) ` +
      `SELECT e.unitPath, e.day, e.procedureId, e.channel, ${sums('e')} FROM (${dossierEventRowsSql(tables.dossier)}) e ` +
      'GROUP BY e.unitPath, e.day, e.procedureId, e.channel',
  ];
  // The totals of each level of every path: the details and the feedback summed up to it.
  for (let levels = 1; levels <= MAX_DEPTH; levels++) {
    const scope = `SUBSTR(x.unitPath, 1, ${prefixLength('x.unitPath', levels)})`;
    statements.push(
      `INSERT INTO ${tables.rollups} (scopePath, day, procedureId, channel, ${columns}) ` +
        `SELECT ${scope}, x.day, '${TOTALS}', '${TOTALS}', ${sums('x')} FROM (` +
        `SELECT r.scopePath AS unitPath, r.day AS day, ${COUNTER_COLUMNS.map((name) => `r.${name} AS ${name}`).join(', ')} FROM ${tables.rollups} r WHERE r.procedureId <> '${TOTALS}'` +
        ` UNION ALL ${feedbackEventRowsSql(tables.feedback)}) x ` +
        `WHERE ${levelsOf('x.unitPath')} >= ${levels} GROUP BY ${scope}, x.day`,
    );
  }
  // The month buckets from the day rows (a day key starts with a digit, so sorts before 'M'), then
  // the year buckets from the month rows (buckets.ts); CONCAT means the same on SQLite and MariaDB.
  const keys = 'r.scopePath, r.procedureId, r.channel';
  statements.push(
    `INSERT INTO ${tables.rollups} (scopePath, day, procedureId, channel, ${columns}) ` +
      `SELECT r.scopePath, CONCAT('M:', SUBSTR(r.day, 1, 7)), r.procedureId, r.channel, ${sums('r')} FROM ${tables.rollups} r ` +
      `WHERE r.day < 'M' GROUP BY ${keys}, SUBSTR(r.day, 1, 7)`,
    `INSERT INTO ${tables.rollups} (scopePath, day, procedureId, channel, ${columns}) ` +
      `SELECT r.scopePath, CONCAT('Y:', SUBSTR(r.day, 3, 4)), r.procedureId, r.channel, ${sums('r')} FROM ${tables.rollups} r ` +
      `WHERE r.day >= 'M:' AND r.day < 'N' GROUP BY ${keys}, SUBSTR(r.day, 3, 4)`,
  );
  return statements;
}

/**
 * Rebuilds the rollups from the dossiers and the feedback, in the caller's transaction: the
 * migration that creates them, the demo seed and `npm run rollups:rebuild` (README, "Dossier
 * statistics: the rollups") use it. Cost: a few passes over the dossiers.
 */
export async function rebuildRollups(runner: EntityManager | QueryRunner) {
  for (const statement of backfillStatements()) await runner.query(statement);
}
