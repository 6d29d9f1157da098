/**
 * Access rules, in one place: who a principal may read (scope, as SQL predicates and as checks),
 * who may write where, who may read personal data, and what a service client's scopes allow.
 * Rules are numbered as in `docs/architecture.md`.
 */
export * from './unit-path';
export * from './scope-of';
export * from './principal-scope';
export * from './predicates';
export * from './unit-scope';
export * from './unit-batch';
export * from './units-in-force';
export * from './scoped-loader';
export * from './write-access';
export * from './act-for';
export * from './personal-data';
export * from './service-scopes';
