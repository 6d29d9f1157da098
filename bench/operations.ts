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
  /** A query run once before, through the gateway as the same principal, whose answer gives the variables. */
  setup?: { query: string; variables: (data: any) => Record<string, unknown> };
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
  {
    name: 'provincial-dashboard',
    description: "Kon Tum and its 10 districts, each with dossierStats for January to October 2023 (about 204,000 dossiers)",
    query: `query ProvincialDashboard($code: String!, $from: LocalDate!, $to: LocalDate!) {
      unit(code: $code) {
        name
        dossierStats(from: $from, to: $to) { received resolved resolvedOnTime onTimeRate inProgress }
        children(first: 100) { edges { node { code name
          dossierStats(from: $from, to: $to) { received receivedOnline resolved resolvedOnTime onTimeRate inProgress digitizationRate }
        } } }
      }
    }`,
    variables: { code: '62', from: '2023-01-01', to: '2023-10-31' },
    as: { unit: '62', roles: ['VIEWER'] },
  },
  {
    name: 'verify-document',
    description: 'Verification of a signed document: CMS integrity, chain to the root, validity at signing time, revocation (one signature a request: requests/s is signatures verified per second)',
    query: `query VerifyDocument($id: ID!) {
      document(id: $id) {
        numberAndSymbol
        verification { verdict reasons signatures { edges { node { verdict failed chain signingTime checks { check status detail } } } } }
      }
    }`,
    as: { unit: '82', roles: ['OFFICER'] },
    direct: 'documents',
    setup: {
      query: '{ documents(first: 1) { edges { node { id } } } }',
      variables: (data) => ({ id: data.documents.edges[0].node.id }),
    },
  },
  {
    name: 'inspection-coverage',
    description: "Gia Lai's reform inspection coverage for five years, by level of the target",
    query: `query InspectionCoverageByYear($code: String!) {
      unit(code: $code) {
        name
        y2016: inspectionCoverage(year: 2016) { inspected planned rate byLevel { level count } }
        y2017: inspectionCoverage(year: 2017) { inspected planned rate byLevel { level count } }
        y2018: inspectionCoverage(year: 2018) { inspected planned rate byLevel { level count } }
        y2019: inspectionCoverage(year: 2019) { inspected planned rate byLevel { level count } }
        y2020: inspectionCoverage(year: 2020) { inspected planned rate byLevel { level count } }
      }
    }`,
    variables: { code: '64' },
    as: { unit: '64', roles: ['VIEWER'] },
  },
];
