import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTime } from '../../core/input';

/** An operation a service client may run, by the SHA-256 of its text (persisted-query style). */
@ObjectType({ description: 'An operation registered for a service client; the client may run no other.' })
@Entity('safelisted_operation')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('safelisted_operation_updated', ['updatedAt', 'id'])
export class SafelistedOperation {
  /** `<clientId>:<hash>` */
  @Field(() => ID, { description: 'Id of the safelisted operation.' })
  @PrimaryColumn({ type: 'varchar', length: 110 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  clientId!: string;

  @Field({ description: 'SHA-256 (hex) of the document exactly as registered: send it as extensions.persistedQuery.sha256Hash, or send the same text.' })
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Field(() => String, { nullable: true, description: 'Name of the operation; null for an anonymous one.' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  operationName!: string | null;

  @Field({ description: 'The GraphQL operation text, exactly as registered.' })
  @Column({ type: 'text' })
  document!: string;

  /** The client's unit path, so the scope rule applies to these rows as to the client. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => DateTime, { description: 'When it was safelisted.' })
  @Column({ type: 'varchar', length: 30 })
  registeredAt!: string;

  @Field({ description: 'Subject of the ADMIN who safelisted it.' })
  @Column({ type: 'varchar', length: 200 })
  registeredBy!: string;

  @Field(() => DateTime, { description: 'Equal to registeredAt: a safelisted operation never changes. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
