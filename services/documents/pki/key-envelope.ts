import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { developmentKeyId, keyEncryptionKey, previousKeyEncryptionKey, type KeyEncryptionKey } from '../../core/secrets';

/**
 * Private keys at rest (issue 11, item 12): every private key the documents subgraph keeps (the
 * hub CA's in `ca_authority`, the holders' in `certificate_key`) is stored sealed with AES-256-GCM
 * under the key-encryption key (KEK, `HUB_KEY_ENCRYPTION_KEY`, services/core/secrets.ts):
 *
 *   kek1:<KEK id>:<IV>:<tag>:<ciphertext>      (IV 12 random bytes, tag 16 bytes; base64)
 *
 * - `kek1` is the format's version: a later one (another cipher, a KEK from a key service) is
 *   told apart by it, and rows can be rewrapped one by one.
 * - The KEK id (8 hex digits, a fingerprint of the KEK) says which KEK sealed a row: a wrong KEK
 *   is named as such instead of failing as garbage, and a rotation keeps the old KEK beside the
 *   new one (`HUB_KEY_ENCRYPTION_KEY_PREVIOUS`) until every row is resealed (stored-keys.ts).
 * - The additional authenticated data is the version, the KEK id and where the row lives
 *   (`certificate_key/<certificateId>`, `ca_authority/hub/issuing`): a sealed key copied to
 *   another row or column fails to open.
 * - AES-GCM uses a key derived from the KEK for this purpose alone (HKDF-SHA256), never the KEK
 *   itself, so the KEK can serve other purposes later without sharing a key.
 */
const VERSION = 'kek1';
/** How every sealed value starts. */
export const SEALED_PREFIX = `${VERSION}:`;
const IV_BYTES = 12;

/** Raised when a sealed key cannot be opened: a wrong KEK, or a changed or moved row. */
export class KeyEnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyEnvelopeError';
  }
}

const wrappingKey = (kek: KeyEncryptionKey) => Buffer.from(hkdfSync('sha256', kek.key, 'gov-hub', 'documents private keys at rest', 32));

const additionalData = (kekId: string, place: string) => Buffer.from(`${VERSION}:${kekId}:${place}`, 'utf8');

/** The id of the KEK a stored value was sealed with; undefined for a plaintext one. */
export const sealedWith = (stored: string) => (isSealed(stored) ? stored.split(':')[1] : undefined);

/** The KEKs a sealed key may open with: the current one, and the one being rotated out. */
export const openingKeys = (): KeyEncryptionKey[] => [keyEncryptionKey(), previousKeyEncryptionKey()].filter((kek) => kek !== undefined);

/** True when a stored value is a sealed key (anything else is a plaintext PEM from before sealing). */
export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

/** Seals a private key (PEM) for the row at `place`, under the current KEK. */
export function sealPrivateKey(privateKeyPem: string, place: string, kek = keyEncryptionKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(kek), iv);
  cipher.setAAD(additionalData(kek.id, place));
  const ciphertext = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  return [VERSION, kek.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/**
 * Opens a sealed private key of the row at `place`. Throws a KeyEnvelopeError that says what is
 * wrong (never showing key material): a plaintext value, another KEK, or a changed or moved row.
 */
/** Where a holder's key lives, for the additional authenticated data. */
export const holderKeyPlace = (certificateId: string) => `certificate_key/${certificateId}`;
/** Where a CA key lives, for the additional authenticated data. */
export const authorityKeyPlace = (authorityId: string, which: 'root' | 'issuing') => `ca_authority/${authorityId}/${which}`;

export function openPrivateKey(stored: string, place: string, keks = openingKeys()): string {
  if (!isSealed(stored)) throw new KeyEnvelopeError(`The private key of ${place} is not sealed (stored in plaintext): restart the documents subgraph to seal it`);
  const parts = stored.split(':');
  if (parts.length !== 5) throw new KeyEnvelopeError(`The sealed private key of ${place} is malformed`);
  const [, kekId, iv, tag, ciphertext] = parts;
  const kek = keks.find((candidate) => candidate.id === kekId);
  if (!kek) {
    const needed = kekId === developmentKeyId() ? `the development key-encryption key (${kekId})` : `key-encryption key ${kekId}`;
    const [current, previous] = keks;
    throw new KeyEnvelopeError(
      `The private key of ${place} was sealed with ${needed}, but HUB_KEY_ENCRYPTION_KEY is key ${current.id}` +
        `${current.development ? ' (the development key: the variable is not set)' : ''}${previous ? ` and HUB_KEY_ENCRYPTION_KEY_PREVIOUS key ${previous.id}` : ''}: ` +
        'set the key-encryption key this database was sealed with (to rotate, give it as HUB_KEY_ENCRYPTION_KEY_PREVIOUS)',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(kek), Buffer.from(iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(additionalData(kekId, place));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyEnvelopeError(`The sealed private key of ${place} does not open with key-encryption key ${kek.id}: the row was changed or copied from another row`);
  }
}
