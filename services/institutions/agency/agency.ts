import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyKind } from './agency-kind';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Cơ quan: a state agency of an administrative unit.' })
@Entity('agency')
export class Agency {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => AgencyKind)
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
}
