import { graphqlEnum } from '../../core/graphql-enum';

export const CertificateKind = graphqlEnum(
  'CertificateKind',
  'Chữ ký số tập thể (ORGANIZATION, held by an agency) or cá nhân (PERSONAL, held by an official).',
  {
    ORGANIZATION: 'Chữ ký số tập thể: held by an agency, for its seal.',
    PERSONAL: 'Chữ ký số cá nhân: held by an official, for their own signature.',
  },
);
export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

export const CertificateStatus = graphqlEnum('CertificateStatus', 'Status of a certificate now.', {
  VALID: 'Within its validity period and not revoked.',
  EXPIRED: 'Past its notAfter day.',
  REVOKED: 'Revoked, with its reason and time.',
});
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

export const RevocationReason = graphqlEnum('RevocationReason', 'Why a certificate was revoked (the reason codes of RFC 5280, section 5.3.1).', {
  KEY_COMPROMISE: 'keyCompromise (1): the private key is known or suspected to be exposed.',
  AFFILIATION_CHANGED: 'affiliationChanged (3): the holder moved or left the agency.',
  SUPERSEDED: 'superseded (4): replaced by a new certificate.',
  CESSATION_OF_OPERATION: 'cessationOfOperation (5): the holder no longer operates (an agency dissolved or merged).',
  UNSPECIFIED: 'unspecified (0): no reason given.',
});
export type RevocationReason = (typeof RevocationReason)[keyof typeof RevocationReason];
