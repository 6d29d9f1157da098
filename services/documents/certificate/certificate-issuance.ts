import { randomUUID } from 'node:crypto';
import { storedPath } from '../../core/access';
import type { UnitLevel } from '../../core/unit-level';
import type { Authority } from '../pki/authority';
import { holderKeyPlace, sealPrivateKey } from '../pki/key-envelope';
import type { RsaKeyPair } from '../pki/keys';
import { formatName, issueX509, newSerial, type NameParts } from '../pki/x509';
import type { Certificate } from './certificate';
import type { CertificateKey } from './certificate-key';
import { CertificateKind } from './certificate-kind';

/** Who a certificate is for: an agency, or an official of an agency. */
export interface CertificateHolder {
  kind: CertificateKind;
  agencyId: string;
  agencyName: string;
  officialId: string | null;
  officialName: string | null;
  position: string | null;
  unitId: string;
  unitName: string;
  /** Public path of the holder's unit, for example `VN/91`. */
  unitPath: string;
  unitLevel: UnitLevel;
}

/** X.509 times keep whole seconds: store what the certificate says. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();

export function subjectOf(holder: CertificateHolder): NameParts {
  return holder.kind === CertificateKind.ORGANIZATION
    ? { commonName: holder.agencyName, locality: holder.unitName }
    : { commonName: holder.officialName!, title: holder.position ?? undefined, organization: holder.agencyName, locality: holder.unitName };
}

/**
 * Makes the X.509 certificate of a holder, signed by the issuing CA, and the rows that keep
 * it and its private key (sealed under the key-encryption key). The caller inserts both in one
 * transaction.
 */
export function certificateRows(
  ca: Authority,
  holder: CertificateHolder,
  keys: RsaKeyPair,
  validity: { notBefore: Date; notAfter: Date },
  demoSharedKey = false,
): { certificate: Certificate; key: CertificateKey } {
  const serial = newSerial();
  const subject = subjectOf(holder);
  const certificatePem = issueX509({
    subject,
    publicKeyPem: keys.publicKeyPem,
    issuer: { certificatePem: ca.issuingPem, privateKeyPem: ca.issuingKeyPem },
    serial,
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
  });
  const id = randomUUID();
  return {
    certificate: {
      id,
      serial,
      kind: holder.kind,
      agencyId: holder.agencyId,
      officialId: holder.officialId,
      holderName: subject.commonName,
      subject: formatName(subject),
      issuer: ca.issuingSubject,
      unitId: holder.unitId,
      unitPath: storedPath(holder.unitPath),
      holderLevel: holder.unitLevel,
      issuedAt: wholeSeconds(validity.notBefore),
      expiresAt: wholeSeconds(validity.notAfter),
      revokedAt: null,
      invalidSince: null,
      revocationReason: null,
      certificatePem,
      demoSharedKey,
      // The seed's certificates changed when issued; issueCertificate stamps the instant of its own write.
      updatedAt: wholeSeconds(validity.notBefore),
    },
    key: { certificateId: id, sealedPrivateKey: sealPrivateKey(keys.privateKeyPem, holderKeyPlace(id)) },
  };
}
