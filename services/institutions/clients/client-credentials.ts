import { createPublicKey, randomBytes } from 'node:crypto';
import { badInput } from '../../core/errors';
import { sha256 } from '../../core/sha256';

/** 256 random bits: a secret this long needs no slow hash, and none is kept but its SHA-256. */
export const newClientSecret = () => randomBytes(32).toString('base64url');
export const secretHash = (secret: string) => sha256(secret);

export const newClientId = (unitCode: string) => `svc-${unitCode.toLowerCase()}-${randomBytes(6).toString('hex')}`;

/** Accepts RSA keys of 2048 bits or more and EC P-256 keys, in PEM (SPKI). */
export function assertPublicKey(pem: string): string {
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw badInput('publicKeyPem is not a PEM public key', 'publicKeyPem');
  }
  const details = key.asymmetricKeyDetails ?? {};
  const rsaOk = key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048;
  const ecOk = key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1';
  if (!rsaOk && !ecOk) throw badInput('publicKeyPem must be an RSA key of 2048 bits or more, or an EC P-256 key', 'publicKeyPem');
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
