import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { DateTime } from '../../core/input/date-time';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalDate } from '../../core/input';

@ServiceScope('inspections:read')
@ObjectType({ description: 'Kế hoạch kiểm tra cải cách hành chính: the yearly reform inspection plan of a unit.' })
@Entity('inspection_plan')
@Index('inspection_plan_updated', ['updatedAt', 'id'])
@Index(['unitPath', 'year'])
export class InspectionPlan {
  @Field(() => ID, { description: 'Id of the plan.' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** Code of the inspecting unit (the province or district that plans). */
  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  /** Stored path of the inspecting unit: the plan's scope. */
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => Int, { description: 'Calendar year the plan covers.' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => Int, {
    description: 'Coverage target: the share (percent) of the agencies and units below the inspecting unit to inspect directly.',
  })
  @Column({ type: 'int' })
  coverageTarget!: number;

  @Field({ description: 'Number of the deciding document (số/ký hiệu), for example "125/QĐ-UBND".' })
  @Column({ type: 'varchar', length: 64 })
  decisionNumber!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date of the deciding document.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  decidedOn!: string | null;

  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the plan last changed (DateTime): its creation, with its targets (a plan is not edited afterwards). Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
