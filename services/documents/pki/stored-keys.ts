import type { DataSource } from 'typeorm';
import { CertificateKey } from '../certificate/certificate-key';
import { AuthorityRecord } from './authority-record';
import { authorityKeyPlace, holderKeyPlace, isSealed, openPrivateKey, sealPrivateKey, SEALED_PREFIX } from './key-envelope';

/**
 * Runs at every start of the documents subgraph, before it seeds or serves:
 *
 * 1. Seals in place every private key still stored in plaintext (a database from before keys
 *    were sealed), row by row, each update guarded by the old value so two processes starting
 *    together seal a row once. Copies of the database made before (backups) still hold the
 *    plaintext: replace them.
 * 2. Opens the CA's keys and one holder's key, so a wrong key-encryption key stops the start with
 *    a message that says so, instead of failing at the first signature.
 *
 * Returns how many keys it sealed.
 */
export async function sealStoredKeys(dataSource: DataSource): Promise<number> {
  let sealed = 0;
  const authorities = dataSource.getRepository(AuthorityRecord);
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

  const keys = dataSource.getRepository(CertificateKey);
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

  for (const record of await authorities.find()) {
    openPrivateKey(record.rootPrivateKeySealed, authorityKeyPlace(record.id, 'root'));
    openPrivateKey(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
  }
  const [sample] = await keys.find({ order: { certificateId: 'ASC' }, take: 1 });
  if (sample) openPrivateKey(sample.sealedPrivateKey, holderKeyPlace(sample.certificateId));
  return sealed;
}
