import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';
import { CertificateKind, RevocationReason } from './certificate-kind';
import { DateTime } from '../../core/input';

/**
 * A digital certificate the hub's CA issued to an agency or an official. The private key is
 * in `certificate_key`, never on this row, so no resolver can leak it by accident.
 */
@Directive('@key(fields: "id")')
@ServiceScope('documents:read')
@ObjectType({ description: 'Chứng thư số: a digital certificate of an agency (chữ ký số tập thể) or an official (cá nhân).' })
@Entity('certificate')
@Index('certificate_updated', ['updatedAt', 'id'])
export class Certificate {
  @Field(() => ID, { description: 'Id of the certificate.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Field({ description: 'Serial number, hexadecimal, as in the X.509 certificate.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  serial!: string;

  @Field(() => CertificateKind, { description: 'Personal (an official) or organisation (an agency) certificate.' })
  @Index()
  @Column({ type: 'varchar', length: 16 })
  kind!: CertificateKind;

  /** The holder agency; for a personal certificate, the official's agency. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  agencyId!: string;

  @Index()
  @Column({ type: 'varchar', length: 80, nullable: true })
  officialId!: string | null;

  @Field({ description: "Holder's name as written in the certificate (the agency's or the official's)." })
  @Column({ type: 'varchar', length: 200 })
  holderName!: string;

  @Field({ description: 'Subject distinguished name, for example "CN=UBND tỉnh Kiên Giang, O=…, C=VN".' })
  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Field({ description: 'Issuer distinguished name (the issuing CA).' })
  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  /** Stored path of the holder's unit: certificates are scoped to it. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => UnitLevel, { description: "Level of the holder's unit." })
  @Column({ type: 'varchar', length: 16 })
  holderLevel!: UnitLevel;

  @Field(() => DateTime, { description: 'Start of validity (notBefore).' })
  @Column({ type: 'varchar', length: 24 })
  issuedAt!: string;

  @Field(() => DateTime, { description: 'End of validity (notAfter).' })
  @Index()
  @Column({ type: 'varchar', length: 24 })
  expiresAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When the certificate was revoked.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  revokedAt!: string | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'From when the key is no longer trusted (RFC 5280 invalidity date): signatures made at or after it are REVOKED.',
  })
  @Column({ type: 'varchar', length: 24, nullable: true })
  invalidSince!: string | null;

  @Field(() => RevocationReason, { nullable: true, description: 'Why the certificate was revoked; null while it is not revoked.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  revocationReason!: RevocationReason | null;

  @Field({ description: 'The X.509 certificate, PEM.' })
  @Column({ type: 'text' })
  certificatePem!: string;

  @Field({ description: 'Whether this demo certificate shares its key pair with other demo certificates (demo data only; never for issued ones).' })
  @Column({ type: 'boolean', default: false })
  demoSharedKey!: boolean;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the certificate last changed (DateTime): its issue, or its revocation. Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
