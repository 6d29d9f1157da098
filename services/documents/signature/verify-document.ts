import { createHash } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { groupedByKeys } from '../../core/loaders';
import type { Document } from '../document/document';
import { authority, type Authority } from '../pki/authority';
import { checkValidityAt } from '../pki/chain';
import { checkIntegrity, parseDetachedSignature, type ParsedSignature } from '../pki/cms';
import { certificateFacts } from '../pki/x509';
import { DocumentSignature } from './document-signature';
import { keptVerification, type CheckedSignature, type RevocationState } from './verification-cache';
import {
  CheckStatus,
  DocumentVerdict,
  SignatureVerdict,
  VerificationCheck,
  type CheckResult,
  type DocumentVerification,
  type SignatureVerification,
} from './verification-types';

/** A signature never changes once stored: its parse is kept (bounded) for repeated verifications. */
const parsedCache = new Map<string, ParsedSignature>();
export function parsedSignature(signature: DocumentSignature): ParsedSignature {
  let parsed = parsedCache.get(signature.id);
  if (!parsed) {
    parsed = parseDetachedSignature(Buffer.from(signature.cmsBase64, 'base64'));
    if (parsedCache.size >= 2000) parsedCache.delete(parsedCache.keys().next().value!);
    parsedCache.set(signature.id, parsed);
  }
  return parsed;
}

export const signaturesOf = (context: SubgraphContext) =>
  context.loaders.get<string, DocumentSignature[]>('signaturesByDocument', async (documentIds) => {
    const rows = await context.dataSource
      .getRepository(DocumentSignature)
      .createQueryBuilder('signature')
      .where('signature.documentId IN (:...documentIds)', { documentIds: [...documentIds] })
      .orderBy('signature.signedAt', 'ASC')
      .addOrderBy('signature.id', 'ASC')
      .getMany();
    return groupedByKeys(documentIds, rows, (row) => row.documentId);
  });

/** The hub's revocation record of a signer's certificate (its columns null while it is not revoked). */
type RevocationRecord = RevocationState;
type SignatureToCheck = { signature: DocumentSignature; record: RevocationRecord | null };

const SIGNATURE_COLUMNS = ['id', 'documentId', 'certificateId', 'signerSerial', 'signerSubject', 'signedAt', 'origin', 'signedBy', 'cmsBase64', 'unitPath'] as const;

/**
 * A document's signatures, oldest first, each with the hub's revocation record of its signer
 * (by the unique serial; unscoped: internal use only): one statement for every document of the
 * request, written out rather than built by the query builder, because verification is the
 * hot path (bench `verify-document`). Revocation is read here on every verification, never
 * cached, so a revocation by any replica shows at once.
 */
const signaturesToCheck = (context: SubgraphContext) =>
  context.loaders.get<string, SignatureToCheck[]>('signaturesToCheck', async (documentIds) => {
    const q = (name: string) => context.dataSource.driver.escape(name);
    const sql =
      `SELECT ${SIGNATURE_COLUMNS.map((column) => `s.${q(column)}`).join(', ')}, c.${q('id')} AS ${q('hubCertificate')}, ` +
      `c.${q('revokedAt')} AS ${q('revokedAt')}, c.${q('invalidSince')} AS ${q('invalidSince')}, c.${q('revocationReason')} AS ${q('revocationReason')} ` +
      `FROM ${q('document_signature')} s LEFT JOIN ${q('certificate')} c ON c.${q('serial')} = s.${q('signerSerial')} ` +
      `WHERE s.${q('documentId')} IN (${documentIds.map(() => '?').join(', ')}) ORDER BY s.${q('signedAt')} ASC, s.${q('id')} ASC`;
    const rows: Record<string, string | null>[] = await context.dataSource.query(sql, [...documentIds]);
    const checks = rows.map((row) => {
      const signature = Object.fromEntries(SIGNATURE_COLUMNS.map((column) => [column, row[column]])) as unknown as DocumentSignature;
      const record = row.hubCertificate
        ? { revokedAt: row.revokedAt, invalidSince: row.invalidSince, revocationReason: row.revocationReason }
        : null;
      return { signature, record };
    });
    return groupedByKeys(documentIds, checks, (check) => check.signature.documentId);
  });

const result = (check: VerificationCheck, status: CheckStatus, detail: string): CheckResult => ({ check, status, detail });

function revocationCheck(record: RevocationRecord | null, signingTime: string): CheckResult {
  if (!record) return result(VerificationCheck.REVOCATION, CheckStatus.NOT_CHECKED, 'the certificate was not issued by the hub: no revocation record');
  if (!record.revokedAt) return result(VerificationCheck.REVOCATION, CheckStatus.PASSED, 'the certificate is not revoked');
  const since = record.invalidSince ?? record.revokedAt;
  if (since <= signingTime) {
    return result(
      VerificationCheck.REVOCATION,
      CheckStatus.FAILED,
      `the certificate was revoked (${record.revocationReason}) with effect from ${since}, at or before the signing time ${signingTime}`,
    );
  }
  return result(
    VerificationCheck.REVOCATION,
    CheckStatus.PASSED,
    `the certificate was revoked with effect from ${since}, after the signing time ${signingTime}: the signature stands`,
  );
}

const VERDICT_OF: Record<VerificationCheck, SignatureVerdict> = {
  INTEGRITY: SignatureVerdict.INTEGRITY_FAILED,
  CHAIN: SignatureVerdict.CHAIN_FAILED,
  VALIDITY: SignatureVerdict.NOT_VALID_AT_SIGNING,
  REVOCATION: SignatureVerdict.REVOKED,
};

function verifySignature(ca: Authority, content: Buffer, signature: DocumentSignature, record: RevocationRecord | null): CheckedSignature {
  let parsed: ParsedSignature;
  try {
    parsed = parsedSignature(signature);
  } catch (error) {
    const detail = `the stored signature cannot be read: ${(error as Error).message}`;
    return {
      verdict: SignatureVerdict.INTEGRITY_FAILED,
      checks: [result(VerificationCheck.INTEGRITY, CheckStatus.FAILED, detail)],
      failed: [VerificationCheck.INTEGRITY],
      chain: [],
      signingTime: signature.signedAt,
    };
  }
  const signingTime = parsed.signingTime ?? new Date(signature.signedAt);
  const integrity = checkIntegrity(parsed, content);
  const chain = ca.trust.check(parsed);
  const validity = chain.passed ? checkValidityAt(chain.path, signingTime) : checkValidityAt([parsed.signer], signingTime);
  const checks = [
    result(VerificationCheck.INTEGRITY, integrity.passed ? CheckStatus.PASSED : CheckStatus.FAILED, integrity.detail),
    result(VerificationCheck.CHAIN, chain.passed ? CheckStatus.PASSED : CheckStatus.FAILED, chain.detail),
    result(VerificationCheck.VALIDITY, validity.passed ? CheckStatus.PASSED : CheckStatus.FAILED, validity.detail),
    revocationCheck(record, signingTime.toISOString()),
  ];
  const failed = checks.filter((check) => check.status === CheckStatus.FAILED).map((check) => check.check);
  return {
    verdict: failed.length ? VERDICT_OF[failed[0]] : SignatureVerdict.VALID,
    checks,
    failed,
    chain: chain.path.map((certificate) => certificateFacts(certificate).subject),
    signingTime: signingTime.toISOString(),
  };
}

/**
 * Verifies every signature of a document against its content as stored now: integrity,
 * chain to a trusted root, validity at signing time and revocation (the hub's records,
 * read when asked: a revocation shows at once). A signature verified before under the same
 * content, chains and revocation record is not verified again (`verification-cache.ts`).
 */
export async function verifyDocument(context: SubgraphContext, document: Document): Promise<DocumentVerification> {
  const [ca, toCheck] = await Promise.all([authority(context.dataSource), signaturesToCheck(context).load(document.id)]);
  const content = Buffer.from(document.content, 'utf8');
  const contentSha256 = createHash('sha256').update(content).digest('hex');
  const results: SignatureVerification[] = (toCheck ?? []).map(({ signature, record }) => ({
    signature,
    ...keptVerification(ca.trust, signature.id, contentSha256, record, () => verifySignature(ca, content, signature, record)),
  }));
  const reasons: string[] = [];
  results.forEach((entry, index) => {
    const who = `signature ${index + 1} (${entry.signature.signerSubject})`;
    for (const check of entry.checks.filter((candidate) => candidate.status === CheckStatus.FAILED)) {
      reasons.push(`${who}: ${check.check} failed: ${check.detail}`);
    }
  });
  let verdict: DocumentVerdict = DocumentVerdict.VALID;
  if (results.length === 0) {
    verdict = DocumentVerdict.UNSIGNED;
    reasons.push('the document has no signature');
  } else if (reasons.length) {
    verdict = DocumentVerdict.INVALID;
  } else {
    reasons.push(`${results.length} signature(s) valid: integrity, chain to ${results[0].chain[results[0].chain.length - 1]}, validity at signing time and revocation checked`);
  }
  return {
    verdict,
    reasons,
    contentSha256,
    results,
    verifiedAt: new Date().toISOString(),
  };
}
