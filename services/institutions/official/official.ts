import { DateTime } from '../../core/input';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Directive('@key(fields: "id")')
@ServiceScope('institutions:read')
@ObjectType({ description: 'Cán bộ, công chức: an official of an agency.' })
@Entity('official')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('official_updated', ['updatedAt', 'id'])
export class Official {
  @Field(() => ID, { description: 'Id of the official.' })
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Field({ description: 'Full name of the official.' })
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Field({ description: 'Chức vụ, for example "Chủ tịch" or "Giám đốc".' })
  @Column({ type: 'varchar', length: 120 })
  position!: string;

  @Field({ description: 'Whether the official leads the agency (người đứng đầu).' })
  @Column({ type: 'boolean', default: false })
  isLeader!: boolean;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  agencyId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  /** Personal data (docs/architecture.md, rule 3): exposed only through `contact`. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  email!: string | null;

  @Field(() => DateTime, { description: 'When the official\'s record last changed (made or edited); the demo officials carry their agency\'s. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}

@ServiceScope('institutions:read')
@ObjectType({ description: 'Contact details of an official: personal data.' })
export class OfficialContact {
  @Field(() => String, { nullable: true, description: 'Work phone number; null when not recorded.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Work email address; null when not recorded.' })
  email!: string | null;
}
