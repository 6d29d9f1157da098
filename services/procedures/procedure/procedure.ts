import { DateTime } from '../../core/input';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';
import { OnlineService } from './online-service';

/**
 * A procedure as a province publishes it. `unitPath` is the province's stored path: the
 * catalogue of a unit is the catalogue of its province, one equality on an indexed column.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Thủ tục hành chính (TTHC): an administrative procedure in a province\'s published catalogue.' })
@Entity('admin_procedure')
@Index(['unitPath', 'level'])
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('admin_procedure_updated', ['updatedAt', 'id'])
export class Procedure {
  @Field(() => ID, { description: 'Id of the procedure.' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Field({ description: 'National code in the national procedure database, for example "1.001612".' })
  @Index()
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Field({ description: 'Name of the procedure, in Vietnamese.' })
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /**
   * `searchKey(name)`: what `procedures(search:)` matches against, folded as `units(search:)`
   * is. Empty in a database made before it existed, until `fillSearchNames` runs.
   */
  @Column({ type: 'varchar', length: 300, default: '' })
  searchName!: string;

  @Column({ type: 'varchar', length: 40 })
  fieldCode!: string;

  @Field(() => UnitLevel, { description: 'Level of government that resolves it (cấp tỉnh, huyện, xã).' })
  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  /** Code of the publishing province. */
  @Column({ type: 'varchar', length: 16 })
  provinceId!: string;

  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => OnlineService, { description: 'The kind of online service (dịch vụ công trực tuyến) it offers.' })
  @Column({ type: 'varchar', length: 8 })
  onlineService!: OnlineService;

  @Field(() => Int, { description: 'The older online level (mức độ) 1 to 4, kept beside onlineService.' })
  @Column({ type: 'smallint' })
  legacyLevel!: number;

  @Field(() => Int, { description: 'Processing time in working days.' })
  @Column({ type: 'smallint' })
  processingDays!: number;

  @Field(() => Int, { description: 'Fee in VND (0 when free).' })
  @Column({ type: 'int' })
  fee!: number;

  @Field(() => LocalDate, { description: 'Day the deciding document published it.' })
  @Column({ type: 'varchar', length: 10 })
  publishedOn!: string;

  @Field({ description: 'Number of the deciding document, for example "1520/QĐ-UBND".' })
  @Column({ type: 'varchar', length: 60 })
  decisionNumber!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was withdrawn (bãi bỏ); null while in force.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  withdrawnOn!: string | null;

  @Field({ description: 'Integrated with the National Public Service Portal (Cổng Dịch vụ công quốc gia).' })
  @Column({ type: 'boolean' })
  nationalPortal!: boolean;

  @Field({ description: 'Handled at the provincial Public Administration Service Center (Trung tâm Phục vụ hành chính công).' })
  @Column({ type: 'boolean' })
  atServiceCenter!: boolean;

  @Field(() => DateTime, { description: 'When the procedure\'s record last changed: published into the catalogue or withdrawn (the instant the hub recorded it; the demo catalogue carries its publishing or withdrawal day, 00:00 in Vietnam). For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
