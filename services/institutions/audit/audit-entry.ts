import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../core/audit/audit-record';
import { graphqlEnum } from '../../core/graphql-enum';
import { PRINCIPAL_KINDS, type PrincipalKind } from '../../core/principal';
import { DateTime } from '../../core/input';

export const AuditOutcomeEnum = graphqlEnum('AuditOutcome', 'What an audit entry records: a mutation attempted, how it ended, or a read of personal data.', {
  ATTEMPTED: 'A mutation about to run, logged before it runs (if this cannot be logged, the mutation does not run).',
  SUCCEEDED: 'The mutation ran and its change was committed.',
  REFUSED: 'The mutation, or an operation of a service client, was refused (authorization, safelist, scope or input).',
  FAILED: 'The mutation ran and failed; the error code is in `detail`; nothing was written.',
  READ: 'Personal data (an applicant, an official\'s contact) was read.',
} satisfies Record<(typeof AUDIT_OUTCOMES)[number], string>);
const PrincipalKindEnum = graphqlEnum('PrincipalKind', 'Who acted: a person or a registered service client.', {
  USER: 'A person signed in through an identity provider (an official).',
  SERVICE: 'A registered service client (another agency\'s system), with the OAuth 2.0 client-credentials grant.',
} satisfies Record<(typeof PRINCIPAL_KINDS)[number], string>);

/**
 * One link of the append-only audit chain. `hash` is SHA-256 over the previous link's hash and
 * this entry's contents, so changing, removing or reordering any entry breaks every later link.
 */
@ObjectType({ description: 'Nhật ký kiểm toán: one entry of the hash-chained audit log.' })
@Entity('audit_entry')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('audit_entry_updated', ['updatedAt', 'id'])
export class AuditEntry {
  @Field(() => ID, { description: 'The sequence number, zero-padded.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Field(() => Int, { description: 'Position in the chain, from 1, without gaps.' })
  @Index({ unique: true })
  @Column({ type: 'int' })
  sequence!: number;

  @Field(() => DateTime, { description: 'When the log took the entry.' })
  @Column({ type: 'varchar', length: 30 })
  recordedAt!: string;

  @Field({ description: 'The process that wrote it: a subgraph or the gateway.' })
  @Column({ type: 'varchar', length: 40 })
  source!: string;

  @Field({ description: 'For example "mutation receiveDossier", "read Dossier.applicant", "operation".' })
  @Index()
  @Column({ type: 'varchar', length: 120 })
  action!: string;

  @Field(() => AuditOutcomeEnum, { description: 'Whether the action succeeded, was refused or failed.' })
  @Column({ type: 'varchar', length: 12 })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'The error code of a refusal or failure.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The error message of a refusal or failure.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: "The client's operation name." })
  @Column({ type: 'varchar', length: 120, nullable: true })
  operationName!: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 (hex) of the client's operation text: the safelist's key." })
  @Column({ type: 'varchar', length: 64, nullable: true })
  operationHash!: string | null;

  @Field(() => PrincipalKindEnum, { nullable: true, description: 'Absent for an anonymous caller.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  actorKind!: PrincipalKind | null;

  @Field(() => String, { nullable: true, description: 'Subject of the token: an official or a service client id.' })
  @Index()
  @Column({ type: 'varchar', length: 200, nullable: true })
  actorSubject!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  actorUnitCode!: string | null;

  /** Stored form (trailing separator), for the scope range. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUnitPath!: string | null;

  @Field(() => [String], { description: 'What it concerned: "Type:id" or "argument:value".' })
  @Column({ type: 'simple-json' })
  targets!: string[];

  /** Stored form, for the scope range: the concerned unit's side may read the entry too. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  targetUnitPath!: string | null;

  @Field({ description: 'Hash of the entry before; 64 zeros for the first.' })
  @Column({ type: 'varchar', length: 64 })
  previousHash!: string;

  @Field({ description: 'SHA-256 of previousHash and this entry.' })
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Field(() => DateTime, { description: 'Equal to recordedAt: an entry never changes. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
