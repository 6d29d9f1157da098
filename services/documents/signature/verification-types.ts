import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql-enum';
import { DocumentSignature } from './document-signature';

export const CheckStatus = graphqlEnum('CheckStatus', undefined, ['PASSED', 'FAILED', 'NOT_CHECKED']);
export type CheckStatus = (typeof CheckStatus)[keyof typeof CheckStatus];

export const VerificationCheck = graphqlEnum(
  'VerificationCheck',
  'INTEGRITY: the content hashes to the signed digest and the signature verifies; CHAIN: the signer chains to a trusted root; ' +
    'VALIDITY: every certificate of the chain was valid at the signing time; REVOCATION: the certificate was not revoked before the signing time.',
  ['INTEGRITY', 'CHAIN', 'VALIDITY', 'REVOCATION'],
);
export type VerificationCheck = (typeof VerificationCheck)[keyof typeof VerificationCheck];

export const SignatureVerdict = graphqlEnum(
  'SignatureVerdict',
  'The first failed check, in the order INTEGRITY, CHAIN, VALIDITY, REVOCATION; or VALID.',
  ['VALID', 'INTEGRITY_FAILED', 'CHAIN_FAILED', 'NOT_VALID_AT_SIGNING', 'REVOKED'],
);
export type SignatureVerdict = (typeof SignatureVerdict)[keyof typeof SignatureVerdict];

export const DocumentVerdict = graphqlEnum('DocumentVerdict', 'VALID when the document has signatures and every one is VALID.', ['VALID', 'INVALID', 'UNSIGNED']);
export type DocumentVerdict = (typeof DocumentVerdict)[keyof typeof DocumentVerdict];

@ObjectType({ description: 'The outcome of one check on one signature.' })
export class CheckResult {
  @Field(() => VerificationCheck)
  check!: VerificationCheck;

  @Field(() => CheckStatus)
  status!: CheckStatus;

  @Field()
  detail!: string;
}

@ObjectType({ description: 'Kiểm tra chữ ký số: how one signature verifies now.' })
export class SignatureVerification {
  @Field(() => DocumentSignature)
  signature!: DocumentSignature;

  @Field(() => SignatureVerdict)
  verdict!: SignatureVerdict;

  @Field(() => [CheckResult], { description: 'INTEGRITY, CHAIN, VALIDITY and REVOCATION, in that order.' })
  checks!: CheckResult[];

  @Field(() => [VerificationCheck], { description: 'The checks that failed.' })
  failed!: VerificationCheck[];

  @Field(() => [String], { description: 'Subjects along the chain, the signer first and the trusted root last.' })
  chain!: string[];

  @Field()
  signingTime!: string;
}

@ObjectType({ description: "Kết quả xác thực văn bản: the document's signatures verified against its current content." })
export class DocumentVerification {
  @Field(() => DocumentVerdict)
  verdict!: DocumentVerdict;

  @Field(() => [String], { description: 'Why the verdict is what it is, one line per failed check (or why it is valid).' })
  reasons!: string[];

  @Field({ description: 'SHA-256 of the content as stored now.' })
  contentSha256!: string;

  @Field(() => [SignatureVerification])
  signatures!: SignatureVerification[];

  @Field({ description: 'When this verification ran, ISO 8601.' })
  verifiedAt!: string;
}
