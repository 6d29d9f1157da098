import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { DateTime } from '../../core/input/date-time';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalDate } from '../../core/input';
import { UnitLevel } from '../../core/unit-level';
import { InspectionStatus } from './inspection-status';

/**
 * Both paths are stored so visibility is SQL: the inspecting side (`inspectorPath`) and the
 * inspected side (`targetPath`) each see the inspection through one indexed range.
 */
@Directive('@key(fields: "id")')
@ServiceScope('inspections:read')
@ObjectType({ description: 'Cuộc kiểm tra cải cách hành chính: one inspection of one agency under a plan.' })
@Entity('inspection')
@Index('inspection_updated', ['updatedAt', 'id'])
@Index(['inspectorPath', 'year'])
export class Inspection {
  @Field(() => ID, { description: 'Id of the inspection.' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  planId!: string;

  @Field(() => Int, { description: 'Year of the plan the inspection belongs to.' })
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  inspectingUnitId!: string;

  @Column({ type: 'varchar', length: 64 })
  inspectorPath!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  targetAgencyId!: string;

  @Column({ type: 'varchar', length: 16 })
  targetUnitId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  targetPath!: string;

  @Field(() => UnitLevel, { description: "Level of the target agency's unit: what `inspectionCoverage.byLevel` counts by." })
  @Column({ type: 'varchar', length: 16 })
  targetLevel!: UnitLevel;

  /** Ids of the officials of the team (đoàn kiểm tra), in order: the head first. */
  @Column({ type: 'simple-json' })
  teamOfficialIds!: string[];

  @Field(() => LocalDate, { description: 'Day it is scheduled for (LocalDate, YYYY-MM-DD, Vietnam time).' })
  @Column({ type: 'varchar', length: 10 })
  scheduledOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the team inspected on site.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  conductedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day the conclusion (kết luận kiểm tra) was issued.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  concludedOn!: string | null;

  @Field(() => InspectionStatus, { description: 'Where the inspection stands: planned, in progress, concluded or cancelled.' })
  @Index()
  @Column({ type: 'varchar', length: 16 })
  status!: InspectionStatus;

  @Field(() => String, { nullable: true, description: 'Kết luận kiểm tra: the conclusion.' })
  @Column({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the inspection was cancelled; null unless cancelled.' })
  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the inspection last changed (DateTime): scheduled, started, concluded (with the findings of its conclusion) or cancelled. Findings recorded or remedied later change their own `updatedAt`, not this. Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
