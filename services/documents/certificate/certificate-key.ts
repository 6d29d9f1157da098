import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A holder's private key, sealed under the key-encryption key (pki/key-envelope.ts; the column
 * keeps its first name, `privateKeyPem`, so existing databases keep their rows). Read only to
 * sign; no GraphQL type maps it.
 */
@Entity('certificate_key')
export class CertificateKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  certificateId!: string;

  /** `kek1:…`, the PKCS#8 PEM sealed for `certificate_key/<certificateId>`. */
  @Column({ name: 'privateKeyPem', type: 'text' })
  sealedPrivateKey!: string;
}
