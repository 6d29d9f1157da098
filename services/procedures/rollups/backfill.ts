import type { EntityManager, QueryRunner } from 'typeorm';
import { addCountersOnConflict, COUNTER_COLUMNS, dialectOf, TOTALS, type RollupDialect } from './daily-count';
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

type Tables = { dossier: string; feedback: string; rollups: string };

/**
 * The statements that rebuild the rollups from the dossiers and feedback (tables named as in the
 * database). One statement reads the dossiers (one scan per event kind); every later one reads
 * rollup rows, the totals each from the level below, so each level's pass reads fewer rows than
 * the last (10 million dossiers: README, "Scale benchmark"):
 * 1. the details, per unit, day, procedure and channel, from the dossiers;
 * 2. each unit's own totals per day, from its details and its feedback;
 * 3. from the deepest level up, each level's totals added to its parent's (an upsert), so a unit's
 *    totals hold its own and everything below it once its children are done;
 * 4. the month buckets from the day rows, the year buckets from the month rows (`buckets.ts`).
 */
export function backfillStatements(dialect: RollupDialect, tables: Tables = { dossier: 'dossier', feedback: 'procedure_feedback', rollups: 'dossier_daily_counts' }): string[] {
  const columns = COUNTER_COLUMNS.join(', ');
  const sums = (alias: string) => COUNTER_COLUMNS.map((name) => `SUM(${alias}.${name})`).join(', ');
  const insert = `INSERT INTO ${tables.rollups} (scopePath, day, procedureId, channel, ${columns}) `;
  const addOnConflict = ` ${addCountersOnConflict(dialect, tables.rollups)}`;
  const statements = [
    `DELETE FROM ${tables.rollups}`,
    insert +
      `SELECT e.unitPath, e.day, e.procedureId, e.channel, ${sums('e')} FROM (${dossierEventRowsSql(tables.dossier)}) e ` +
      'GROUP BY e.unitPath, e.day, e.procedureId, e.channel',
    insert +
      `SELECT x.unitPath, x.day, '${TOTALS}', '${TOTALS}', ${sums('x')} FROM (` +
      `SELECT r.scopePath AS unitPath, r.day AS day, ${COUNTER_COLUMNS.map((name) => `r.${name} AS ${name}`).join(', ')} FROM ${tables.rollups} r WHERE r.procedureId <> '${TOTALS}'` +
      ` UNION ALL ${feedbackEventRowsSql(tables.feedback)}) x GROUP BY x.unitPath, x.day`,
  ];
  for (let levels = MAX_DEPTH; levels >= 2; levels--) {
    const parent = `SUBSTR(r.scopePath, 1, ${prefixLength('r.scopePath', levels - 1)})`;
    statements.push(
      insert +
        `SELECT ${parent}, r.day, '${TOTALS}', '${TOTALS}', ${sums('r')} FROM ${tables.rollups} r ` +
        `WHERE r.procedureId = '${TOTALS}' AND ${levelsOf('r.scopePath')} = ${levels} GROUP BY ${parent}, r.day` +
        addOnConflict,
    );
  }
  // A day key starts with a digit, so sorts before 'M'; CONCAT means the same on SQLite and MariaDB.
  const keys = 'r.scopePath, r.procedureId, r.channel';
  statements.push(
    insert +
      `SELECT r.scopePath, CONCAT('M:', SUBSTR(r.day, 1, 7)), r.procedureId, r.channel, ${sums('r')} FROM ${tables.rollups} r ` +
      `WHERE r.day < 'M' GROUP BY ${keys}, SUBSTR(r.day, 1, 7)`,
    insert +
      `SELECT r.scopePath, CONCAT('Y:', SUBSTR(r.day, 3, 4)), r.procedureId, r.channel, ${sums('r')} FROM ${tables.rollups} r ` +
      `WHERE r.day >= 'M:' AND r.day < 'N' GROUP BY ${keys}, SUBSTR(r.day, 3, 4)`,
  );
  return statements;
}

/**
 * Rebuilds the rollups from the dossiers and the feedback, in the caller's transaction: the
 * migration that creates them, the demo seed and `npm run rollups:rebuild` (README, "Dossier
 * statistics: the rollups") use it.
 */
export async function rebuildRollups(runner: EntityManager | QueryRunner) {
  for (const statement of backfillStatements(dialectOf(runner.connection))) await runner.query(statement);
}
