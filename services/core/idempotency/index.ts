export * from './idempotency';
export * from './idempotency-record';
