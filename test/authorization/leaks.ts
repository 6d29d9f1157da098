import type { Violation, WalkPrincipal } from './graph-walker';

/** Which subgraph owns each record type the walk reports. */
const OWNER: Record<string, string> = {
  Agency: 'institutions',
  Official: 'institutions',
  ServiceClient: 'institutions',
  AuditEntry: 'institutions',
  Dossier: 'procedures',
  Document: 'documents',
  DocumentTransfer: 'documents',
  Certificate: 'documents',
  Inspection: 'inspections',
  Finding: 'inspections',
  InspectionPlan: 'inspections',
};

/**
 * The subgraphs in which the walk reported a record outside the principal's territory, sorted:
 * what the self-tests expect to see all four of once a scope check is taken out.
 */
export function leakingSubgraphs(violations: Violation[], who: WalkPrincipal): string[] {
  const suffix = ` is outside ${who.unitPath}`;
  const leaks = violations.filter((violation) => violation.problem.endsWith(suffix));
  return [...new Set(leaks.map((violation) => OWNER[violation.problem.split(' ')[0]] ?? `unknown type ${violation.problem.split(' ')[0]}`))].sort();
}
