const driverCode = (error: unknown) => {
  const wrapped = (error ?? {}) as { driverError?: { code?: string }; code?: string };
  return wrapped.driverError?.code ?? wrapped.code;
};

/** A write refused by a unique index, on MariaDB or SQLite. */
export const isUniqueViolation = (error: unknown) =>
  ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(driverCode(error) ?? '');

/** A write that lost a race on a unique index (or a MariaDB deadlock): worth retrying. */
export const isRetryableConflict = (error: unknown) => isUniqueViolation(error) || driverCode(error) === 'ER_LOCK_DEADLOCK';

/** Driver codes of a database connection that went away (killed, reset, server gone) or could not be made. */
const CONNECTION_LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
]);

/**
 * The database connection was lost or could not be made (MariaDB killed it, the server went
 * away): the statement's transaction was rolled back, or committed just before; either way the
 * request is worth retrying (with the same idempotency key, for a write).
 */
export const isConnectionLost = (error: unknown) => {
  if (CONNECTION_LOST.has(driverCode(error) ?? '')) return true;
  const message = String((error as { message?: unknown } | undefined)?.message ?? '');
  // mysql2 reports a pooled connection the server closed under it without a code.
  return /connection is in closed state|Connection lost|Connection was killed/i.test(message);
};
