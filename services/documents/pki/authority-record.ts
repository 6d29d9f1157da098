import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The certificate authority the hub made for itself at first start (root and issuing CA,
 * with their private keys, sealed under the key-encryption key). One row; never exposed through GraphQL except the public
 * certificates. A configured outside CA is read from files instead (see trust.ts).
 */
@Entity('ca_authority')
export class AuthorityRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Column({ type: 'text' })
  rootCertificatePem!: string;

  /** Sealed under the key-encryption key for `ca_authority/<id>/root` (pki/key-envelope.ts). */
  @Column({ name: 'rootPrivateKeyPem', type: 'text' })
  rootPrivateKeySealed!: string;

  @Column({ type: 'text' })
  issuingCertificatePem!: string;

  /** Sealed under the key-encryption key for `ca_authority/<id>/issuing`. */
  @Column({ name: 'issuingPrivateKeyPem', type: 'text' })
  issuingPrivateKeySealed!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
