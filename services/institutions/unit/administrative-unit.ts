import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalDate } from '../../core/input';
import { UnitLevel } from '../../core/unit-level';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Đơn vị hành chính: a province, district or commune, or the nation at the root.' })
@Entity('administrative_unit')
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Stable id; the same as the official code.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Field({ description: 'Official code (Decision 124/2004/QĐ-TTg): province 2 digits, district 3, commune 5.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Field({ description: 'Short name, for example "Kiên Giang".' })
  @Index()
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** `searchKey(name)`: what `units(search:)` matches against. */
  @Index()
  @Column({ type: 'varchar', length: 120 })
  searchName!: string;

  @Field({ description: 'Name with its type, for example "Tỉnh Kiên Giang".' })
  @Column({ type: 'varchar', length: 160 })
  fullName!: string;

  @Field(() => UnitLevel)
  @Index()
  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  parentId!: string | null;

  /** Materialized path with a trailing separator (`VN/91/905/`): a subtree is one range. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day the unit exists (mergers keep history).' })
  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the unit exists; null while it does.' })
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  successorId!: string | null;
}
