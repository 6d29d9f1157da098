import { randomUUID } from 'node:crypto';
import type { Certificate } from '../certificate/certificate';
import type { Document } from '../document/document';
import type { Authority } from '../pki/authority';
import { signDetached } from '../pki/cms';
import type { DocumentSignature } from './document-signature';

/** Signs a document's content bytes with a certificate the hub issued; returns the row to keep. */
export function makeSignature(
  ca: Authority,
  document: Document,
  certificate: Certificate,
  privateKeyPem: string,
  signingTime: Date,
  signedBy: string,
): DocumentSignature {
  const der = signDetached({
    content: Buffer.from(document.content, 'utf8'),
    signerCertificatePem: certificate.certificatePem,
    signerKeyPem: privateKeyPem,
    chainPems: [ca.issuingPem],
    signingTime,
  });
  return {
    id: randomUUID(),
    documentId: document.id,
    certificateId: certificate.id,
    signerSerial: certificate.serial,
    signerSubject: certificate.subject,
    // CMS signing time keeps whole seconds.
    signedAt: new Date(Math.floor(signingTime.getTime() / 1000) * 1000).toISOString(),
    origin: 'HUB',
    signedBy,
    cmsBase64: der.toString('base64'),
    unitPath: document.unitPath,
    // Recorded when made (the seed's); the mutations stamp the instant of their own write.
    updatedAt: new Date(signingTime.getTime()).toISOString(),
  };
}
