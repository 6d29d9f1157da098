import { registerEnumType } from 'type-graphql';

export enum CertificateKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSONAL = 'PERSONAL',
}

registerEnumType(CertificateKind, {
  name: 'CertificateKind',
  description: 'Chữ ký số tập thể (ORGANIZATION, held by an agency) or cá nhân (PERSONAL, held by an official).',
});

export enum CertificateStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(CertificateStatus, { name: 'CertificateStatus', description: 'Status of a certificate now.' });

export enum RevocationReason {
  KEY_COMPROMISE = 'KEY_COMPROMISE',
  AFFILIATION_CHANGED = 'AFFILIATION_CHANGED',
  SUPERSEDED = 'SUPERSEDED',
  CESSATION_OF_OPERATION = 'CESSATION_OF_OPERATION',
  UNSPECIFIED = 'UNSPECIFIED',
}

registerEnumType(RevocationReason, {
  name: 'RevocationReason',
  description: 'Why a certificate was revoked (the reason codes of RFC 5280).',
});
