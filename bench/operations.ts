import type { Role } from '../services/core/principal';

/**
 * The named operations the benchmark runs. Each runs through the gateway and, where it makes
 * sense, directly against the subgraph that answers it, to show what federation costs.
 */
export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Who asks; absent for public data. */
  as?: { unit: string; roles: Role[] };
  /** Subgraph to also run it against directly (it must answer the whole operation). */
  direct?: string;
}

export const BENCH_OPERATIONS: BenchOperation[] = [
  {
    name: 'unit-tree',
    description: "A province and its districts (public): Kiên Giang's 15 districts",
    query: '{ unit(code: "91") { name level path children(first: 20) { totalCount edges { node { code name path } } } } }',
    direct: 'institutions',
  },
  {
    name: 'scoped-agencies',
    description: "A province official's first 100 agencies with their unit and parent agency",
    query: '{ agencies(first: 100) { edges { node { id name kind unit { code name } parent { id name } } } } }',
    as: { unit: '91', roles: ['OFFICER'] },
    direct: 'institutions',
  },
  {
    name: 'official-contact',
    description: "A district official reading an official's contact details (personal data, scoped)",
    query: '{ official(id: "905.ubnd.cb1") { name position contact { phone email } agency { name } } }',
    as: { unit: '905', roles: ['OFFICER'] },
    direct: 'institutions',
  },
];
