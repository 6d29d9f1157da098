import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTime, LocalDate } from '../../core/input';
import { FindingSeverity } from './finding-severity';
import { ReformArea } from './reform-area';

/** Carries its inspection's two paths, so findings are scoped in SQL exactly like inspections. */
@ServiceScope('inspections:read')
@ObjectType({ description: 'Tồn tại, hạn chế: a shortcoming an inspection found, to be remedied by a due date.' })
@Entity('finding')
@Index('finding_updated', ['updatedAt', 'id'])
@Index(['targetAgencyId', 'remediatedAt'])
export class Finding {
  @Field(() => ID, { description: 'Id of the finding.' })
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  inspectionId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  inspectorPath!: string;

  @Column({ type: 'varchar', length: 64 })
  targetAgencyId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  targetPath!: string;

  @Field(() => ReformArea, { description: 'The area of administration the finding is about.' })
  @Column({ type: 'varchar', length: 32 })
  area!: ReformArea;

  @Field(() => FindingSeverity, { description: 'How serious the finding is.' })
  @Column({ type: 'varchar', length: 16 })
  severity!: FindingSeverity;

  @Field({ description: 'What was found, as text.' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'What the inspection team saw (documents, records).' })
  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Field(() => LocalDate, { description: 'Remediation due date (thời hạn khắc phục).' })
  @Index()
  @Column({ type: 'varchar', length: 10 })
  dueOn!: string;

  @Field(() => DateTime, { nullable: true, description: 'When the inspected agency reported it remedied.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  remediatedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'What the inspected agency gave as proof of the remedy.' })
  @Column({ type: 'text', nullable: true })
  remediationEvidence!: string | null;

  @Field(() => DateTime, { description: 'When the finding was recorded.' })
  @Column({ type: 'varchar', length: 24 })
  recordedAt!: string;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the finding last changed (DateTime): recorded, or reported remedied. Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
