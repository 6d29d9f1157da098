const driverCode = (error: unknown) => {
  const wrapped = (error ?? {}) as { driverError?: { code?: string }; code?: string };
  return wrapped.driverError?.code ?? wrapped.code;
};

/** A write refused by a unique index, on MariaDB or SQLite. */
export const isUniqueViolation = (error: unknown) =>
  ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(driverCode(error) ?? '');

/** A write that lost a race on a unique index (or a MariaDB deadlock): worth retrying. */
export const isRetryableConflict = (error: unknown) => isUniqueViolation(error) || driverCode(error) === 'ER_LOCK_DEADLOCK';
