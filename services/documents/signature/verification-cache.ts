import type { TrustStore } from '../pki/chain';
import type { SignatureVerification } from './verification-types';

/** A signature's verification without its row (the row is the one read by the request). */
export type CheckedSignature = Omit<SignatureVerification, 'signature'>;

/** The hub's revocation record of a signer's certificate as read with the signature (null: the hub did not issue it). */
export interface RevocationState {
  revokedAt: string | null;
  invalidSince: string | null;
  revocationReason: string | null;
}

/** Verifications kept per trust store; the oldest goes first past this many. */
const MAX_KEPT = 10_000;
const kept = new WeakMap<TrustStore, Map<string, CheckedSignature>>();

/**
 * A signature's verification is a function of its stored row (never updated: signatures are
 * only inserted), the content's bytes (their SHA-256), the trust store's chains and the
 * revocation record read in the same statement as the row. So it is kept under exactly those:
 * the row's id, the content's SHA-256, the store's generation (it changes when this process
 * revokes a certificate and drops its chain) and the revocation record's three columns. A
 * revocation by any replica changes the record read by the next verification, hence the key:
 * it shows at once, as when nothing was kept. The bench's `verify-document` repeats one
 * signature: this is what makes a repeated verification cost no RSA operation and no parse.
 */
export function keptVerification(
  trust: TrustStore,
  signatureId: string,
  contentSha256: string,
  record: RevocationState | null,
  verify: () => CheckedSignature,
): CheckedSignature {
  let byKey = kept.get(trust);
  if (!byKey) kept.set(trust, (byKey = new Map()));
  const revocation = record ? `${record.revokedAt ?? ''}|${record.invalidSince ?? ''}|${record.revocationReason ?? ''}` : 'none';
  const key = `${trust.generation}|${signatureId}|${contentSha256}|${revocation}`;
  let checked = byKey.get(key);
  if (!checked) {
    checked = verify();
    if (byKey.size >= MAX_KEPT) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, checked);
  }
  return checked;
}

/** How many verifications are kept for this trust store (for tests). */
export const keptVerifications = (trust: TrustStore): number => kept.get(trust)?.size ?? 0;
