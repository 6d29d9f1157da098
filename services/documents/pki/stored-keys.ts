import type { DataSource } from 'typeorm';
import { keyEncryptionKey } from '../../core/secrets';
import { CertificateKey } from '../certificate/certificate-key';
import { AuthorityRecord } from './authority-record';
import { authorityKeyPlace, holderKeyPlace, isSealed, openPrivateKey, sealedWith, sealPrivateKey, SEALED_PREFIX } from './key-envelope';

/** How many stored private keys a start resealed under the current key-encryption key, by what they were before. */
export interface ResealCounts {
  /** Stored in plaintext (a database from before keys were sealed). */
  plaintext: number;
  /** Sealed under the previous key-encryption key (`HUB_KEY_ENCRYPTION_KEY_PREVIOUS`). */
  rotated: number;
}

/**
 * Runs at every start of the documents subgraph, before it seeds or serves:
 *
 * 1. Opens the CA's sealed keys and one holder's, so a wrong key-encryption key stops the start
 *    with a message that says so (and seals nothing), instead of failing at the first signature.
 * 2. Seals under the current key-encryption key, in place, every private key stored in plaintext
 *    (a database from before keys were sealed) or sealed under the previous key (a rotation),
 *    row by row, each update guarded by the old value so two processes starting together do a
 *    row once. Copies of the database made before (backups) still hold the old form: replace them.
 */
export async function sealStoredKeys(dataSource: DataSource): Promise<ResealCounts> {
  const current = keyEncryptionKey();
  const authorities = dataSource.getRepository(AuthorityRecord);
  const keys = dataSource.getRepository(CertificateKey);
  // First the check, so that a wrong key-encryption key seals nothing under itself.
  for (const record of await authorities.find()) {
    if (isSealed(record.rootPrivateKeySealed)) openPrivateKey(record.rootPrivateKeySealed, authorityKeyPlace(record.id, 'root'));
    if (isSealed(record.issuingPrivateKeySealed)) openPrivateKey(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
  }
  const sample = await keys.createQueryBuilder('k').where('k.sealedPrivateKey LIKE :prefix', { prefix: `${SEALED_PREFIX}%` }).orderBy('k.certificateId').getOne();
  if (sample) openPrivateKey(sample.sealedPrivateKey, holderKeyPlace(sample.certificateId));

  const counts: ResealCounts = { plaintext: 0, rotated: 0 };
  const outdated = (stored: string) => sealedWith(stored) !== current.id;
  const reseal = (stored: string, place: string) => {
    counts[isSealed(stored) ? 'rotated' : 'plaintext'] += 1;
    return sealPrivateKey(isSealed(stored) ? openPrivateKey(stored, place) : stored, place, current);
  };

  for (const record of await authorities.find()) {
    if (!outdated(record.rootPrivateKeySealed) && !outdated(record.issuingPrivateKeySealed)) continue;
    const before = { ...counts };
    const changes: Partial<AuthorityRecord> = {};
    if (outdated(record.rootPrivateKeySealed)) changes.rootPrivateKeySealed = reseal(record.rootPrivateKeySealed, authorityKeyPlace(record.id, 'root'));
    if (outdated(record.issuingPrivateKeySealed)) {
      changes.issuingPrivateKeySealed = reseal(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
    }
    const result = await authorities
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id AND rootPrivateKeyPem = :root AND issuingPrivateKeyPem = :issuing', {
        id: record.id,
        root: record.rootPrivateKeySealed,
        issuing: record.issuingPrivateKeySealed,
      })
      .execute();
    if (!result.affected) Object.assign(counts, before); // another process did it
  }

  const rows = await keys.createQueryBuilder('k').where('k.sealedPrivateKey NOT LIKE :current', { current: `${SEALED_PREFIX}${current.id}:%` }).getMany();
  for (const row of rows) {
    const before = { ...counts };
    const result = await keys
      .createQueryBuilder()
      .update()
      .set({ sealedPrivateKey: reseal(row.sealedPrivateKey, holderKeyPlace(row.certificateId)) })
      .where('certificateId = :id AND privateKeyPem = :old', { id: row.certificateId, old: row.sealedPrivateKey })
      .execute();
    if (!result.affected) Object.assign(counts, before);
  }
  return counts;
}
