import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentSignature } from './document-signature';

export enum CheckStatus {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  NOT_CHECKED = 'NOT_CHECKED',
}

export enum VerificationCheck {
  INTEGRITY = 'INTEGRITY',
  CHAIN = 'CHAIN',
  VALIDITY = 'VALIDITY',
  REVOCATION = 'REVOCATION',
}

export enum SignatureVerdict {
  VALID = 'VALID',
  INTEGRITY_FAILED = 'INTEGRITY_FAILED',
  CHAIN_FAILED = 'CHAIN_FAILED',
  NOT_VALID_AT_SIGNING = 'NOT_VALID_AT_SIGNING',
  REVOKED = 'REVOKED',
}

export enum DocumentVerdict {
  VALID = 'VALID',
  INVALID = 'INVALID',
  UNSIGNED = 'UNSIGNED',
}

registerEnumType(CheckStatus, { name: 'CheckStatus' });
registerEnumType(VerificationCheck, {
  name: 'VerificationCheck',
  description:
    'INTEGRITY: the content hashes to the signed digest and the signature verifies; CHAIN: the signer chains to a trusted root; ' +
    'VALIDITY: every certificate of the chain was valid at the signing time; REVOCATION: the certificate was not revoked before the signing time.',
});
registerEnumType(SignatureVerdict, { name: 'SignatureVerdict', description: 'The first failed check, in the order INTEGRITY, CHAIN, VALIDITY, REVOCATION; or VALID.' });
registerEnumType(DocumentVerdict, { name: 'DocumentVerdict', description: 'VALID when the document has signatures and every one is VALID.' });

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
