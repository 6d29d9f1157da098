const driverCode = (error: unknown) => {
  const wrapped = (error ?? {}) as { driverError?: { code?: string }; code?: string };
  return wrapped.driverError?.code ?? wrapped.code;
};

/** A write refused by a unique index, on MariaDB or SQLite. */
export const isUniqueViolation = (error: unknown) =>
  ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(driverCode(error) ?? '');

/** A write that lost a race on a unique index (or a MariaDB deadlock): worth retrying. */
export const isRetryableConflict = (error: unknown) => isUniqueViolation(error) || driverCode(error) === 'ER_LOCK_DEADLOCK';

/** Today's date in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD. */
export const vietnamDay = (at = new Date()) => new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
