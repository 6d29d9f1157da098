import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTime } from '../../core/input';

/**
 * A CMS (PKCS#7) detached signature over a document's content. Made by the hub with a
 * certificate it issued (`signDocument`), or made elsewhere and attached (`attachSignature`).
 */
@ServiceScope('documents:read')
@ObjectType({ description: 'Chữ ký số trên văn bản: a detached CMS signature over the document content.' })
@Entity('document_signature')
@Index('document_signature_updated', ['updatedAt', 'id'])
export class DocumentSignature {
  @Field(() => ID, { description: 'Id of the signature.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  documentId!: string;

  /** The hub's certificate that signed, when the hub knows it. */
  @Index()
  @Column({ type: 'varchar', length: 40, nullable: true })
  certificateId!: string | null;

  @Field({ description: "Signer's certificate serial, hexadecimal." })
  @Column({ type: 'varchar', length: 64 })
  signerSerial!: string;

  @Field({ description: "Signer's subject distinguished name." })
  @Column({ type: 'varchar', length: 500 })
  signerSubject!: string;

  @Field(() => DateTime, { description: 'Signing time (the signed signingTime attribute).' })
  @Column({ type: 'varchar', length: 24 })
  signedAt!: string;

  @Field({ description: 'HUB (made by signDocument) or ATTACHED (made elsewhere).' })
  @Column({ type: 'varchar', length: 16 })
  origin!: string;

  @Column({ type: 'varchar', length: 120 })
  signedBy!: string;

  /** DER of the CMS SignedData, base64. */
  @Column({ type: 'text' })
  cmsBase64!: string;

  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the hub recorded the signature (DateTime; a signature never changes afterwards). Not `signedAt`, which an attached signature brings from elsewhere." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
