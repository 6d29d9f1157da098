import type { ServiceScope } from '../services/core/access/service-scopes';

/**
 * Which service scope each root field of the supergraph needs ('public': none). A root field
 * not listed here is closed to service clients (the catalogue's and certificates' writes,
 * inspections' writes, the client registry, the audit log); a test checks every root field of
 * the supergraph is listed or knowingly left out.
 */
export const ROOT_FIELD_SCOPES: Record<string, ServiceScope | 'public'> = {
  'Query.unit': 'public',
  'Query.units': 'public',
  'Query.procedure': 'public',
  'Query.procedures': 'public',
  'Query.certificateAuthority': 'public',
  'Query.me': 'public',
  'Query.agency': 'institutions:read',
  'Query.agencies': 'institutions:read',
  'Query.official': 'institutions:read',
  'Query.dossier': 'dossiers:read',
  'Query.dossiers': 'dossiers:read',
  'Mutation.receiveDossier': 'dossiers:write',
  'Mutation.transitionDossier': 'dossiers:write',
  'Mutation.issueApologyLetter': 'dossiers:write',
  'Query.document': 'documents:read',
  'Query.documents': 'documents:read',
  'Query.documentTransfer': 'documents:read',
  'Query.certificate': 'documents:read',
  'Query.certificates': 'documents:read',
  'Mutation.registerDocument': 'documents:exchange',
  'Mutation.sendDocument': 'documents:exchange',
  'Mutation.updateTransferStatus': 'documents:exchange',
  'Mutation.signDocument': 'documents:exchange',
  'Mutation.attachSignature': 'documents:exchange',
  'Query.inspection': 'inspections:read',
  'Query.inspections': 'inspections:read',
  'Query.inspectionPlan': 'inspections:read',
  'Query.inspectionPlans': 'inspections:read',
  'Query.finding': 'inspections:read',
};

/** Root fields deliberately closed to service clients (people's work or the hub's administration). */
export const CLOSED_ROOT_FIELDS = new Set([
  'Mutation.publishProcedure',
  'Mutation.withdrawProcedure',
  'Mutation.issueCertificate',
  'Mutation.revokeCertificate',
  'Mutation.recordFinding',
  'Mutation.remedyFinding',
  'Mutation.scheduleInspection',
  'Mutation.startInspection',
  'Mutation.concludeInspection',
  'Mutation.cancelInspection',
  'Mutation.createInspectionPlan',
  'Mutation.recordReformScore',
  'Query.serviceClients',
  'Query.serviceClient',
  'Mutation.registerServiceClient',
  'Mutation.rotateServiceClientCredentials',
  'Mutation.revokeServiceClient',
  'Mutation.safelistOperation',
  'Mutation.removeSafelistedOperation',
  'Query.auditLog',
  'Query.auditEntry',
]);

/** Types that need a scope wherever an operation reaches them (through a unit, an agency, a reference). */
export const TYPE_SCOPES: Record<string, ServiceScope> = {
  Dossier: 'dossiers:read',
  Applicant: 'dossiers:read',
  Document: 'documents:read',
  DocumentTransfer: 'documents:read',
  DocumentSignature: 'documents:read',
  Certificate: 'documents:read',
  Inspection: 'inspections:read',
  InspectionPlan: 'inspections:read',
  PlanTarget: 'inspections:read',
  Finding: 'inspections:read',
  Official: 'institutions:read',
  OfficialContact: 'institutions:read',
  DossierStats: 'indicators:read',
  FeedbackStats: 'indicators:read',
  ServiceDesks: 'indicators:read',
  ServiceIndex: 'indicators:read',
  CertificateStats: 'indicators:read',
  DocumentExchangeStats: 'indicators:read',
  InspectionCoverage: 'indicators:read',
  ReformScore: 'indicators:read',
};
