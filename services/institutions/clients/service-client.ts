import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { graphqlEnum } from '../../core/graphql-enum';
import { DateTime } from '../../core/input';

export const ClientStatus = graphqlEnum('ClientStatus', 'Whether a service client may take tokens.', {
  ACTIVE: 'The client takes tokens and calls the hub within its scopes.',
  REVOKED: "The client's tokens stop working within a minute and no new ones are issued.",
});
export type ClientStatus = (typeof ClientStatus)[keyof typeof ClientStatus];

export const ClientAuthentication = graphqlEnum(
  'ClientAuthentication',
  'How a service client proves who it is at the token endpoint (RFC 6749, RFC 7523).',
  {
    SECRET: 'A client secret: client_secret_basic or client_secret_post.',
    PUBLIC_KEY: 'A client assertion signed with its private key (private_key_jwt, RFC 7523).',
  },
);
export type ClientAuthentication = (typeof ClientAuthentication)[keyof typeof ClientAuthentication];

/**
 * A registered integration: another agency's system that gets short-lived tokens with the OAuth
 * 2.0 client-credentials grant and acts as a SERVICE principal of its unit, within its scopes.
 */
@ObjectType({ description: 'Tài khoản dịch vụ: a service client of an integration.' })
@Entity('service_client')
// Pull sync (core/updated-since.ts): `updatedSince` pages read this range in (updatedAt, id) order.
@Index('service_client_updated', ['updatedAt', 'id'])
export class ServiceClient {
  @Field(() => ID, { description: 'The client_id of the grant.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Field({ description: 'Name of the client system.' })
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  unitCode!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => [String], { description: 'Scopes the client may request.' })
  @Column({ type: 'simple-json' })
  scopes!: string[];

  @Field(() => ClientAuthentication, { description: 'How the client authenticates: a client secret or a signed assertion (public key).' })
  @Column({ type: 'varchar', length: 12 })
  authentication!: ClientAuthentication;

  /** SHA-256 (hex) of the secret; the secret itself is shown once, when made. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  secretHash!: string | null;

  @Field(() => String, { nullable: true, description: 'PEM (SPKI) key that verifies the client assertions of a PUBLIC_KEY client.' })
  @Column({ type: 'text', nullable: true })
  publicKeyPem!: string | null;

  @Field(() => ClientStatus, { description: 'Whether the client is active or revoked.' })
  @Column({ type: 'varchar', length: 10 })
  status!: ClientStatus;

  @Field(() => DateTime, { description: 'When it was registered.' })
  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Field({ description: 'Subject of the ADMIN who registered it.' })
  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Field(() => DateTime, { nullable: true, description: 'When its credentials were last replaced.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  rotatedAt!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was revoked; null unless revoked.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; null unless revoked.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  revocationReason!: string | null;

  @Field(() => DateTime, { description: 'When the client last changed: registered, credentials rotated or revoked. For pull sync (`updatedSince`).' })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}

/** A newly made credential: the secret is in this answer and nowhere else. */
@ObjectType({ description: 'A client with its new secret: store the secret now, the hub keeps only its hash.' })
export class ServiceClientCredentials {
  @Field(() => ServiceClient, { description: 'The registered or rotated client.' })
  client!: ServiceClient;

  @Field(() => String, { nullable: true, description: 'The client_secret (SECRET clients); null for a PUBLIC_KEY client.' })
  clientSecret!: string | null;
}
