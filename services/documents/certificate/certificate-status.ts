import type { Certificate } from './certificate';
import { CertificateStatus } from './certificate-kind';

export function certificateStatus(certificate: Certificate, now = new Date().toISOString()): CertificateStatus {
  if (certificate.revokedAt) return CertificateStatus.REVOKED;
  if (certificate.expiresAt <= now || certificate.issuedAt > now) return CertificateStatus.EXPIRED;
  return CertificateStatus.VALID;
}
