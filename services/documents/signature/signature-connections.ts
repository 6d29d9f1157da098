import { Connection } from '../../core/pagination';
import { DocumentSignature } from './document-signature';
import { SignatureVerification } from './verification-types';

export const DocumentSignatureConnection = Connection(DocumentSignature, 'DocumentSignature', { items: 'signatures of a document, oldest first' });
export const SignatureVerificationConnection = Connection(SignatureVerification, 'SignatureVerification', { items: 'verified signatures of a document, oldest first' });

/** The key of a signature in its document's list: signing time (fixed-width ISO 8601 UTC, so it sorts as time does), then id. */
export const signatureKey = (signature: { signedAt: string | Date; id: string }) => `${new Date(signature.signedAt).toISOString()}|${signature.id}`;
