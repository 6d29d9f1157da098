import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql-enum';
import { DocumentSignature } from './document-signature';
import { DateTime } from '../../core/input';

export const CheckStatus = graphqlEnum('CheckStatus', 'The outcome of one check.', {
  PASSED: 'The check passed.',
  FAILED: 'The check failed; `detail` says why.',
  NOT_CHECKED: 'Not run, because an earlier check failed.',
});
export type CheckStatus = (typeof CheckStatus)[keyof typeof CheckStatus];

export const VerificationCheck = graphqlEnum(
  'VerificationCheck',
  'INTEGRITY: the content hashes to the signed digest and the signature verifies; CHAIN: the signer chains to a trusted root; ' +
    'VALIDITY: every certificate of the chain was valid at the signing time; REVOCATION: the certificate was not revoked before the signing time.',
  {
    INTEGRITY: 'The content hashes to the signed digest and the signature verifies with the signer\'s key.',
    CHAIN: "The signer's certificate chains to a trusted root.",
    VALIDITY: 'Every certificate of the chain was valid at the signing time.',
    REVOCATION: 'The certificate was not revoked before the signing time.',
  },
);
export type VerificationCheck = (typeof VerificationCheck)[keyof typeof VerificationCheck];

export const SignatureVerdict = graphqlEnum(
  'SignatureVerdict',
  'The first failed check, in the order INTEGRITY, CHAIN, VALIDITY, REVOCATION; or VALID.',
  {
    VALID: 'Every check passed.',
    INTEGRITY_FAILED: 'The content or the signature was altered, or the signature does not verify.',
    CHAIN_FAILED: 'The signer does not chain to a trusted root.',
    NOT_VALID_AT_SIGNING: 'A certificate of the chain was not valid at the signing time.',
    REVOKED: 'The certificate was revoked before the signing time.',
  },
);
export type SignatureVerdict = (typeof SignatureVerdict)[keyof typeof SignatureVerdict];

export const DocumentVerdict = graphqlEnum('DocumentVerdict', 'VALID when the document has signatures and every one is VALID.', {
  VALID: 'Signed, and every signature is VALID.',
  INVALID: 'At least one signature is not VALID.',
  UNSIGNED: 'The document has no signature.',
});
export type DocumentVerdict = (typeof DocumentVerdict)[keyof typeof DocumentVerdict];

@ObjectType({ description: 'The outcome of one check on one signature.' })
export class CheckResult {
  @Field(() => VerificationCheck, { description: 'Which check this is.' })
  check!: VerificationCheck;

  @Field(() => CheckStatus, { description: 'Whether the check passed, failed or could not be made.' })
  status!: CheckStatus;

  @Field({ description: 'What the check found, in words.' })
  detail!: string;
}

@ObjectType({ description: 'Kiểm tra chữ ký số: how one signature verifies now.' })
export class SignatureVerification {
  @Field(() => DocumentSignature, { description: 'The signature verified.' })
  signature!: DocumentSignature;

  @Field(() => SignatureVerdict, { description: 'Verdict on this signature.' })
  verdict!: SignatureVerdict;

  @Field(() => [CheckResult], { description: 'INTEGRITY, CHAIN, VALIDITY and REVOCATION, in that order: a list, not a connection, since it always holds those four.' })
  checks!: CheckResult[];

  @Field(() => [VerificationCheck], { description: 'The checks that failed (enum values, at most the four checks: a plain list).' })
  failed!: VerificationCheck[];

  @Field(() => [String], { description: 'Subjects along the chain, the signer first and the trusted root last (names, a few at most: a plain list).' })
  chain!: string[];

  @Field(() => DateTime, { description: 'When it was signed, as the signature states.' })
  signingTime!: string;
}

@ObjectType({ description: "Kết quả xác thực văn bản: the document's signatures verified against its current content." })
export class DocumentVerification {
  @Field(() => DocumentVerdict, { description: 'Overall verdict over every signature of the document.' })
  verdict!: DocumentVerdict;

  @Field(() => [String], { description: 'Why the verdict is what it is, one line per failed check (or why it is valid); text lines, not records: a plain list.' })
  reasons!: string[];

  @Field({ description: 'SHA-256 of the content as stored now.' })
  contentSha256!: string;

  /** Every signature's verification, oldest first: paged by `VerificationResolver.signatures`. */
  results!: SignatureVerification[];

  @Field(() => DateTime, { description: 'When this verification ran.' })
  verifiedAt!: string;
}
