import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holder's private key, PKCS#8 PEM. Read only to sign; no GraphQL type maps it. */
@Entity('certificate_key')
export class CertificateKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  certificateId!: string;

  @Column({ type: 'text' })
  privateKeyPem!: string;
}
