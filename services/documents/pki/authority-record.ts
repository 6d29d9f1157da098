import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The certificate authority the hub made for itself at first start (root and issuing CA,
 * with their private keys). One row; never exposed through GraphQL except the public
 * certificates. A configured outside CA is read from files instead (see trust.ts).
 */
@Entity('ca_authority')
export class AuthorityRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Column({ type: 'text' })
  rootCertificatePem!: string;

  @Column({ type: 'text' })
  rootPrivateKeyPem!: string;

  @Column({ type: 'text' })
  issuingCertificatePem!: string;

  @Column({ type: 'text' })
  issuingPrivateKeyPem!: string;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
