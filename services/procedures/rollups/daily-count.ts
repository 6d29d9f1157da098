import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';

/**
 * The counters a row of `dossier_daily_counts` holds: how many dossiers (and feedback) had each
 * event on that day (`rollups/events.ts` defines each one). Every figure of dossierStats,
 * feedbackStats and the service index is a sum of these over days (`rollups/sums.ts`).
 */
export const COUNTER_COLUMNS = [
  'received',
  'receivedOnline',
  'receivedPostal',
  'paidOnline',
  'components',
  'digitizedComponents',
  'closed',
  'rejected',
  'withdrawn',
  'overdueFrom',
  'overdueEnded',
  'resolved',
  'resolvedOnTime',
  'resolvedLateWithApology',
  'returned',
  'returnedByPost',
  'rated',
  'satisfied',
  'feedbackReceived',
  'feedbackHandled',
  'feedbackHandledOnTime',
] as const;
export type CounterColumn = (typeof COUNTER_COLUMNS)[number];
export type Counters = Partial<Record<CounterColumn, number>>;

/** `procedureId` and `channel` of a totals row (a row that is not per procedure). */
export const TOTALS = '';

/** The SQL dialects the rollups are written in: their upserts differ. */
export type RollupDialect = 'sqlite' | 'mariadb';
export const dialectOf = (connection: DataSource): RollupDialect => (connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb');

/**
 * The rollups' upsert clause: an inserted row's counters are added to the row with the same key
 * (scopePath, day, procedureId, channel), never set, so concurrent changes of different dossiers
 * compose. `escape` quotes an identifier as the driver does. The target's columns are named with
 * its table on MariaDB, so the clause also serves INSERT ... SELECT ... GROUP BY (rollups/backfill.ts).
 */
export function addCountersOnConflict(dialect: RollupDialect, table: string, escape: (name: string) => string = (name) => name): string {
  const keys = ['scopePath', 'day', 'procedureId', 'channel'].map(escape).join(', ');
  const counters = COUNTER_COLUMNS.map(escape);
  return dialect === 'sqlite'
    ? `ON CONFLICT (${keys}) DO UPDATE SET ${counters.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`
    : `ON DUPLICATE KEY UPDATE ${counters.map((column) => `${table}.${column} = ${table}.${column} + VALUES(${column})`).join(', ')}`;
}

/**
 * Per-unit counters by day, month and year (the rollups, docs/architecture.md rule 15; the `day`
 * column holds the bucket: `2024-05-06`, `M:2024-05` or `Y:2024`, `buckets.ts`). Two kinds of rows:
 * - totals (`procedureId` = `channel` = ''): one per bucket for the dossier's unit AND for every
 *   unit above it on its path, so a territory's figures read a bounded number of rows per lineage
 *   branch, whatever the number of dossiers or communes below it;
 * - details (a procedure and a channel): one per bucket at the dossier's own unit only, for the
 *   breakdowns by channel, level, field and old online level (read by subtree range).
 * Kept in the same transaction as every lifecycle change (`rollups/record.ts`), rebuilt from the
 * dossiers by `rollups/backfill.ts`.
 */
@Entity('dossier_daily_counts')
export class DailyCount {
  /** Stored path (`VN/62/610/`) of the unit the row counts for. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scopePath!: string;

  /** The bucket: a local day `YYYY-MM-DD`, a month `M:YYYY-MM` or a year `Y:YYYY` (`buckets.ts`). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  procedureId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  channel!: string;

  @Column({ type: 'int', default: 0 }) received!: number;
  @Column({ type: 'int', default: 0 }) receivedOnline!: number;
  @Column({ type: 'int', default: 0 }) receivedPostal!: number;
  @Column({ type: 'int', default: 0 }) paidOnline!: number;
  @Column({ type: 'int', default: 0 }) components!: number;
  @Column({ type: 'int', default: 0 }) digitizedComponents!: number;
  @Column({ type: 'int', default: 0 }) closed!: number;
  @Column({ type: 'int', default: 0 }) rejected!: number;
  @Column({ type: 'int', default: 0 }) withdrawn!: number;
  @Column({ type: 'int', default: 0 }) overdueFrom!: number;
  @Column({ type: 'int', default: 0 }) overdueEnded!: number;
  @Column({ type: 'int', default: 0 }) resolved!: number;
  @Column({ type: 'int', default: 0 }) resolvedOnTime!: number;
  @Column({ type: 'int', default: 0 }) resolvedLateWithApology!: number;
  @Column({ type: 'int', default: 0 }) returned!: number;
  @Column({ type: 'int', default: 0 }) returnedByPost!: number;
  @Column({ type: 'int', default: 0 }) rated!: number;
  @Column({ type: 'int', default: 0 }) satisfied!: number;
  @Column({ type: 'int', default: 0 }) feedbackReceived!: number;
  @Column({ type: 'int', default: 0 }) feedbackHandled!: number;
  @Column({ type: 'int', default: 0 }) feedbackHandledOnTime!: number;
}
