import { DateTime } from '../../core/input';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyKind } from './agency-kind';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Cơ quan: a state agency of an administrative unit.' })
@Entity('agency')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('agency_updated', ['updatedAt', 'id'])
export class Agency {
  @Field(() => ID, { description: 'Id of the agency, stable across the hub.' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Field({ description: 'Official name of the agency, in Vietnamese.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => AgencyKind, { description: 'What kind of agency it is.' })
  @Index()
  @Column({ type: 'varchar', length: 24 })
  kind!: AgencyKind;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  /** The unit's stored path, copied when the row is written: the scope is one range. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  parentId!: string | null;

  @Field(() => DateTime, { description: 'When the agency\'s record last changed (made or edited); the demo agencies carry the day their unit\'s tree entry last changed. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
