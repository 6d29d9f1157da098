import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';
import { TransferStatus } from './transfer-status';
import { DateTime } from '../../core/input';

/**
 * One document sent to one recipient agency. Visible to the sender's scope and to the
 * recipient's scope (a commune reads what the province sent it), to nobody else.
 */
@ServiceScope('documents:read')
@ObjectType({ description: 'Liên thông văn bản: a document sent from one agency to another, and where it stands.' })
@Entity('document_transfer')
@Index('document_transfer_updated', ['updatedAt', 'id'])
@Index('transfer_recipient_unique', ['documentId', 'recipientAgencyId'], { unique: true })
export class DocumentTransfer {
  @Field(() => ID, { description: 'Id of the transfer.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  documentId!: string;

  @Column({ type: 'varchar', length: 64 })
  senderAgencyId!: string;

  @Field({ description: 'Name of the sending agency.' })
  @Column({ type: 'varchar', length: 200 })
  senderName!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  senderUnitPath!: string;

  @Field(() => UnitLevel, { description: 'The level of government of the sending agency.' })
  @Column({ type: 'varchar', length: 16 })
  senderLevel!: UnitLevel;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  recipientAgencyId!: string;

  @Field({ description: 'Name of the receiving agency.' })
  @Column({ type: 'varchar', length: 200 })
  recipientName!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  recipientUnitPath!: string;

  @Field(() => UnitLevel, { description: 'The level of government of the receiving agency.' })
  @Column({ type: 'varchar', length: 16 })
  recipientLevel!: UnitLevel;

  @Field(() => TransferStatus, { description: 'Where the transfer stands in the exchange (Decree 30/2020/NĐ-CP).' })
  @Column({ type: 'varchar', length: 16 })
  status!: TransferStatus;

  @Field(() => DateTime, { description: 'When it was sent.' })
  @Column({ type: 'varchar', length: 24 })
  sentAt!: string;

  /** Day it was sent in Vietnam (UTC+7), YYYY-MM-DD: what the exchange statistics group by. */
  @Index()
  @Column({ type: 'varchar', length: 10 })
  sentDay!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it arrived at the recipient; null until then.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  arrivedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the recipient refused it; null unless refused.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  refusedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the recipient accepted it; null until then.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  acceptedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the recipient assigned it for handling; null until then.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  assignedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When handling started; null until then.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  inProgressAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When handling was finished; null until then.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  doneAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Note of the last status change (reason of a refusal, who was assigned).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the transfer last changed (DateTime): its sending, or its last status change. Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
