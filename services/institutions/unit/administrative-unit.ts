import { DateTime } from '../../core/input';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalDate } from '../../core/input';
import { UnitLevel } from '../../core/unit-level';

/**
 * One version of a unit: a code names one unit while it exists, and a merged unit keeps the
 * code of the unit at its seat (Decision 124/2004/QĐ-TTg), so `91` names Kiên Giang until
 * 2025-06-30 and the merged An Giang from 2025-07-01: two rows, two ids, one code. The key is
 * `id` alone; a code needs a day to name a unit (`unit(code, asOf)`).
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'Đơn vị hành chính: a province, district or commune, or the nation at the root, as it existed from `validFrom` to `validTo`. Before 1 July 2025: provinces, districts, communes; from then on: provinces and communes (Resolution 202/2025/QH15, Law 72/2025/QH15).',
})
@Entity('administrative_unit')
@Index(['code', 'validFrom'])
@Index(['level', 'validTo'])
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('administrative_unit_updated', ['updatedAt', 'id'])
export class AdministrativeUnit {
  @Field(() => ID, {
    description:
      'Stable id of this version of the unit: the official code for units in force on 30 June 2025 and before (the key every stored record holds), `<code>@2025` for units of the 2025 reform (for example `91@2025`, the merged An Giang).',
  })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Field({ description: 'Official code (Decision 124/2004/QĐ-TTg; Decision 19/2025/QĐ-TTg from 1 July 2025): province 2 digits, district 3, commune 5. Names this unit from validFrom to validTo; a merged unit keeps the code of the unit at its seat, so a code may have named another unit before.' })
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

  @Field(() => UnitLevel, { description: 'Level of government of the unit (cấp hành chính).' })
  @Index()
  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  parentId!: string | null;

  /** Materialized path of ids with a trailing separator (`VN/91/905/`, `VN/91@2025/31105@2025/`): a subtree is one range. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day the unit exists, a day in Vietnam (2025-07-01 for the units of the reform); null when it predates the hub\'s records.' })
  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the unit exists, a day in Vietnam (2025-06-30 for the pre-reform tree); null while it does. Its officials\' tokens are refused from 00:00 the next day (UTC+7).' })
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Field(() => DateTime, { description: 'When the unit\'s entry in the tree last changed (made, renamed or dissolved), the start of that day in Vietnam: 2025-07-01T00:00:00.000+07:00 for the units of the 2025 reform and for the pre-reform units it ended. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
