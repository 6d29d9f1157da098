import { Field, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';

/** One agency a plan means to inspect. `planned` in coverage counts these rows. */
@ServiceScope('inspections:read')
@ObjectType({ description: 'Đối tượng kiểm tra: an agency an inspection plan means to inspect.' })
@Entity('inspection_plan_target')
@Index(['inspectorPath', 'year'])
export class PlanTarget {
  /** `<planId>|<agencyId>`: a plan names an agency once. */
  @PrimaryColumn({ type: 'varchar', length: 140 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  planId!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Stored path of the inspecting unit (copied from the plan). */
  @Column({ type: 'varchar', length: 64 })
  inspectorPath!: string;

  @Column({ type: 'varchar', length: 64 })
  targetAgencyId!: string;

  @Column({ type: 'varchar', length: 16 })
  targetUnitId!: string;

  @Column({ type: 'varchar', length: 64 })
  targetPath!: string;

  @Field(() => UnitLevel, { description: "Level of the target agency's unit: PROVINCE for a department, DISTRICT for a district People's Committee." })
  @Column({ type: 'varchar', length: 16 })
  targetLevel!: UnitLevel;
}

/**
 * A target as its plan's `targets` list gives it: with the plan's `updatedAt`, since a target is
 * written in the plan's transaction and never changed (no column of its own: README, "Pull sync").
 */
export type PlanTargetRow = PlanTarget & { updatedAt: string };
