import { DateTime } from '../../core/input';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DossierChannel } from './dossier-channel';
import { DossierStatus } from './dossier-status';

/**
 * A dossier (hồ sơ). Times are stored local strings (see core/time/local-time.ts) and exposed as
 * ISO 8601 by the resolver. `closedAt` is when processing ended (resolved, rejected or
 * withdrawn): a dossier's life for the statistics is [receivedAt, closedAt). The row is kept
 * narrow: hundreds of thousands of them load at first start.
 */
@Directive('@key(fields: "id")')
@ServiceScope('dossiers:read')
@ObjectType({ description: 'Hồ sơ: a dossier submitted for an administrative procedure.' })
@Entity('dossier')
// The scope range first, then every column the reporting contract's counters read: dossierStats
// over a province is answered from this index alone, without touching the rows.
@Index('dossier_statistics', ['unitPath', 'receivedAt', 'closedAt', 'resolvedAt', 'dueAt', 'returnedAt', 'channel', 'status', 'componentCount', 'digitizedComponents'])
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('dossier_updated', ['updatedAt', 'id'])
export class Dossier {
  @Field(() => ID, { description: 'Stable id; also the dossier code (mã hồ sơ) printed on the receipt.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  procedureId!: string;

  /** Code of the receiving unit. */
  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Column({ type: 'varchar', length: 64 })
  agencyId!: string;

  @Field(() => DossierChannel, { description: 'How the dossier was received: in person, by post or online.' })
  @Column({ type: 'varchar', length: 10 })
  channel!: DossierChannel;

  @Field(() => DossierStatus, { description: 'Where the dossier stands in processing.' })
  @Column({ type: 'varchar', length: 24 })
  status!: DossierStatus;

  @Column({ type: 'varchar', length: 19 })
  receivedAt!: string;

  /** Current due time: the original one plus the time spent waiting for supplements. */
  @Column({ type: 'varchar', length: 19 })
  dueAt!: string;

  @Column({ type: 'varchar', length: 19, nullable: true })
  resolvedAt!: string | null;

  @Column({ type: 'varchar', length: 19, nullable: true })
  returnedAt!: string | null;

  @Column({ type: 'varchar', length: 19, nullable: true })
  closedAt!: string | null;

  /** Start of the current wait for the applicant's supplement, while SUPPLEMENT_REQUESTED. */
  @Column({ type: 'varchar', length: 19, nullable: true })
  supplementSince!: string | null;

  @Field(() => Int, { description: 'Seconds spent waiting for the applicant\'s supplements; the due time moved by as much.' })
  @Column({ type: 'int' })
  supplementWaitSeconds!: number;

  @Field(() => Int, { description: 'Components (thành phần hồ sơ) submitted.' })
  @Column({ type: 'smallint' })
  componentCount!: number;

  @Field(() => Int, { description: 'Components digitized at reception (số hóa).' })
  @Column({ type: 'smallint' })
  digitizedComponents!: number;

  @Field({ description: 'Fee paid online (thanh toán trực tuyến).' })
  @Column({ type: 'boolean' })
  paidOnline!: boolean;

  @Field({ description: 'Result returned by public post (bưu chính công ích).' })
  @Column({ type: 'boolean' })
  resultByPost!: boolean;

  /** Apology letter for a late dossier (văn bản xin lỗi): when issued, and the new return date promised. */
  @Column({ type: 'varchar', length: 19, nullable: true })
  apologyAt!: string | null;

  @Column({ type: 'varchar', length: 19, nullable: true })
  promisedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Applicant\'s rating of the service, 1 to 5 (4 and 5 count as satisfied).' })
  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  /** Personal data (docs/architecture.md, rule 3): exposed only through `applicant`. */
  @Column({ type: 'varchar', length: 80 })
  applicantName!: string;

  @Column({ type: 'varchar', length: 20 })
  applicantIdNumber!: string;

  @Field(() => DateTime, { description: 'When the hub last recorded a change of the dossier\'s lifecycle (received, moved, supplement asked or given, apology letter issued): the instant of the write, which a past `at` reported by an integration does not move back; the demo dossiers carry their latest lifecycle instant. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
