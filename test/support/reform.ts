/**
 * Imported first by the suites of the two-tier tree: they read the tree on the real day, not
 * on the pre-reform day the other suites replay (test/support/env.ts).
 */
process.env.HUB_AS_OF = '';
export {};
