import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { CertificateKind, RevocationReason } from './certificate-kind';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';
import { DateTime } from '../../core/input';

@ArgsType()
export class CertificateListArgs extends SyncPageArgs {
  @Field(() => CertificateKind, { nullable: true, description: 'Only certificates of this kind; all kinds when omitted.' })
  kind?: CertificateKind;

  @Field(() => String, { nullable: true, description: 'Only certificates of holders in this unit and the units below it.' })
  unitCode?: string;
}

@ArgsType()
export class CertificateKindPageArgs extends SyncPageArgs {
  @Field(() => CertificateKind, { nullable: true, description: 'Only certificates of this kind; all kinds when omitted.' })
  kind?: CertificateKind;
}

@InputType({ description: 'Cấp chứng thư số: issue a certificate to an agency (ORGANIZATION) or an official (PERSONAL).' })
export class IssueCertificateInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => CertificateKind, { description: 'Personal (to an official) or organisation (to an agency) certificate.' })
  kind!: CertificateKind;

  @Field(() => ID, { nullable: true, description: 'The holder agency, for an ORGANIZATION certificate.' })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'The holder official, for a PERSONAL certificate.' })
  officialId?: string;

  @Field(() => Int, { nullable: true, description: 'Years of validity, 1 to 5 (default 3).' })
  validityYears?: number;
}

@InputType({ description: 'Thu hồi chứng thư số: revoke a certificate.' })
export class RevokeCertificateInput {
  @Field(() => ID, { description: 'Id of the certificate to revoke.' })
  certificateId!: string;

  @Field(() => RevocationReason, { description: 'Why it is revoked: kept as revocationReason.' })
  reason!: RevocationReason;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'From when the key is no longer trusted (for example when it was compromised); default now, not in the future (else BAD_USER_INPUT); ' +
      'one before the certificate was issued is taken as its issue time. Signatures made at or after it verify as REVOKED; earlier ones stay valid.',
  })
  invalidSince?: Date;
}
