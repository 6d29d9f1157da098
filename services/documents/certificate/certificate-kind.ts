import { graphqlEnum } from '../../core/graphql-enum';

export const CertificateKind = graphqlEnum(
  'CertificateKind',
  'Chữ ký số tập thể (ORGANIZATION, held by an agency) or cá nhân (PERSONAL, held by an official).',
  ['ORGANIZATION', 'PERSONAL'],
);
export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

export const CertificateStatus = graphqlEnum('CertificateStatus', 'Status of a certificate now.', ['VALID', 'EXPIRED', 'REVOKED']);
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

export const RevocationReason = graphqlEnum('RevocationReason', 'Why a certificate was revoked (the reason codes of RFC 5280).', [
  'KEY_COMPROMISE',
  'AFFILIATION_CHANGED',
  'SUPERSEDED',
  'CESSATION_OF_OPERATION',
  'UNSPECIFIED',
]);
export type RevocationReason = (typeof RevocationReason)[keyof typeof RevocationReason];
