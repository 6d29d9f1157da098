import type { DataSource } from 'typeorm';
import { CertificateKey } from '../certificate/certificate-key';
import { AuthorityRecord } from './authority-record';
import { authorityKeyPlace, holderKeyPlace, isSealed, openPrivateKey, sealPrivateKey, SEALED_PREFIX } from './key-envelope';

/**
 * Runs at every start of the documents subgraph, before it seeds or serves:
 *
 * 1. Opens the CA's sealed keys and one holder's, so a wrong key-encryption key stops the start
 *    with a message that says so (and seals nothing), instead of failing at the first signature.
 * 2. Seals in place every private key still stored in plaintext (a database from before keys
 *    were sealed), row by row, each update guarded by the old value so two processes starting
 *    together seal a row once. Copies of the database made before (backups) still hold the
 *    plaintext: replace them.
 *
 * Returns how many keys it sealed.
 */
export async function sealStoredKeys(dataSource: DataSource): Promise<number> {
  const authorities = dataSource.getRepository(AuthorityRecord);
  const keys = dataSource.getRepository(CertificateKey);
  // First the check, so that a wrong key-encryption key seals nothing under itself.
  for (const record of await authorities.find()) {
    if (isSealed(record.rootPrivateKeySealed)) openPrivateKey(record.rootPrivateKeySealed, authorityKeyPlace(record.id, 'root'));
    if (isSealed(record.issuingPrivateKeySealed)) openPrivateKey(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
  }
  const sample = await keys.createQueryBuilder('k').where('k.sealedPrivateKey LIKE :prefix', { prefix: `${SEALED_PREFIX}%` }).orderBy('k.certificateId').getOne();
  if (sample) openPrivateKey(sample.sealedPrivateKey, holderKeyPlace(sample.certificateId));

  let sealed = 0;
  for (const record of await authorities.find()) {
    const changes: Partial<AuthorityRecord> = {};
    if (!isSealed(record.rootPrivateKeySealed)) changes.rootPrivateKeySealed = sealPrivateKey(record.rootPrivateKeySealed, authorityKeyPlace(record.id, 'root'));
    if (!isSealed(record.issuingPrivateKeySealed)) {
      changes.issuingPrivateKeySealed = sealPrivateKey(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
    }
    if (Object.keys(changes).length > 0) {
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
      sealed += (result.affected ?? 0) * Object.keys(changes).length;
    }
  }

  const plaintext = await keys.createQueryBuilder('k').where('k.sealedPrivateKey NOT LIKE :prefix', { prefix: `${SEALED_PREFIX}%` }).getMany();
  for (const row of plaintext) {
    const result = await keys
      .createQueryBuilder()
      .update()
      .set({ sealedPrivateKey: sealPrivateKey(row.sealedPrivateKey, holderKeyPlace(row.certificateId)) })
      .where('certificateId = :id AND privateKeyPem = :old', { id: row.certificateId, old: row.sealedPrivateKey })
      .execute();
    sealed += result.affected ?? 0;
  }
  return sealed;
}
