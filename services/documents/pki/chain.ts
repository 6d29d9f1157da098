import type { X509Certificate } from 'node:crypto';
import type { CheckOutcome, ParsedSignature } from './cms';
import { certificateFacts } from './x509';

/** A chain check's outcome: the certificates from the signer to the trusted root (or as far as it got). */
export interface ChainOutcome extends CheckOutcome {
  path: X509Certificate[];
}

const MAX_PATH = 8;
/** Chain results kept per trust store; the oldest goes first past this many signers. */
const MAX_SIGNERS = 5000;

/**
 * The roots a signature's chain may end at, and the chain results found so far.
 *
 * A chain result depends only on certificates, which never change, and the roots: it is kept,
 * keyed by the signer's SHA-256 fingerprint (`fingerprint256`) and the certificates the
 * signature carries. Revocation is not part of it: verification reads the hub's revocation
 * record on every call (an indexed lookup), so a revocation made by any replica shows at once;
 * `forget` drops the signer's entry when this process revokes it, so nothing about a revoked
 * certificate outlives its revocation here.
 */
export class TrustStore {
  private readonly chains = new Map<string, Map<string, ChainOutcome>>();
  /** Counts `forget` calls: results derived from this store's chains (signature/verification-cache.ts) are keyed by it. */
  private forgotten = 0;

  constructor(readonly roots: X509Certificate[]) {}

  /**
   * Chain: from the signer through the certificates the signature carries to one of the
   * trusted roots (never a root the signature brings itself). Each link is checked by
   * OpenSSL through node:crypto: `checkIssued` (issuer name, key identifiers, the issuer's
   * keyCertSign) and `verify(issuer.publicKey)`; each issuer must be a CA within its path
   * length, and a certificate with a critical extension the hub does not know is refused
   * (RFC 5280, 4.2).
   */
  check(parsed: ParsedSignature): ChainOutcome {
    const signer = parsed.signer.fingerprint256;
    const carriedKey = parsed.certificates
      .filter((certificate) => certificate !== parsed.signer)
      .map((certificate) => certificate.fingerprint256)
      .join(',');
    let bySigner = this.chains.get(signer);
    const known = bySigner?.get(carriedKey);
    if (known) return known;
    const outcome = this.walk(parsed);
    if (!bySigner) {
      if (this.chains.size >= MAX_SIGNERS) this.chains.delete(this.chains.keys().next().value!);
      bySigner = new Map();
      this.chains.set(signer, bySigner);
    }
    bySigner.set(carriedKey, outcome);
    return outcome;
  }

  /** Drops the chain results of a certificate (by its SHA-256 fingerprint), for its revocation. */
  forget(fingerprint256: string): void {
    this.chains.delete(fingerprint256);
    this.forgotten += 1;
  }

  /** Changes on every `forget`: what was derived from the chains before it is not used after. */
  get generation(): number {
    return this.forgotten;
  }

  /** Whether a chain result of this signer (SHA-256 fingerprint) is kept (for tests). */
  has(fingerprint256: string): boolean {
    return this.chains.has(fingerprint256);
  }

  private walk(parsed: ParsedSignature): ChainOutcome {
    const path: X509Certificate[] = [parsed.signer];
    const carried = parsed.certificates.filter((certificate) => certificate !== parsed.signer);
    let root: X509Certificate | undefined;
    while (path.length < MAX_PATH) {
      const current = path[path.length - 1];
      root = this.roots.find((candidate) => current.checkIssued(candidate));
      if (root) break;
      const next = carried.find((candidate) => !path.includes(candidate) && current.checkIssued(candidate));
      if (!next) {
        const facts = certificateFacts(current);
        return { passed: false, detail: `no trusted root issued "${facts.subject}" or its issuer "${facts.issuer}"`, path };
      }
      path.push(next);
    }
    if (!root) return { passed: false, detail: 'the chain is too long', path };
    const failure = linkFailure([...path, root]);
    if (failure) return { passed: false, detail: `the chain does not verify: ${failure}`, path };
    return { passed: true, detail: 'the chain verifies to a trusted root', path: [...path, root] };
  }
}

/** Why a chain (signer first, trusted root last) does not hold, or null when every link does. */
function linkFailure(chain: X509Certificate[]): string | null {
  for (let index = 0; index < chain.length - 1; index += 1) {
    const [certificate, issuer] = [chain[index], chain[index + 1]];
    const facts = certificateFacts(certificate);
    if (facts.unknownCritical.length) return `"${facts.subject}" has critical extensions the hub does not support (${facts.unknownCritical.join(', ')})`;
    if (!certificate.verify(issuer.publicKey)) return `the signature of "${facts.subject}" does not verify with its issuer's key`;
    const issuerFacts = certificateFacts(issuer);
    if (!issuer.ca) return `"${issuerFacts.subject}" is not a CA`;
    // CAs between this issuer and the signer (RFC 5280, 6.1.4 (m)).
    if (issuerFacts.pathLength !== null && index > issuerFacts.pathLength) {
      return `"${issuerFacts.subject}" may have ${issuerFacts.pathLength} CA(s) below it, the chain has ${index}`;
    }
  }
  return null;
}

/** Validity at signing time: every certificate of the chain was within its validity period then. */
export function checkValidityAt(path: X509Certificate[], at: Date): CheckOutcome {
  for (const certificate of path) {
    const { subject, validFrom, validTo } = certificateFacts(certificate);
    if (at < validFrom || at > validTo) {
      return {
        passed: false,
        detail: `"${subject}" was not valid at the signing time ${at.toISOString()} (valid ${validFrom.toISOString()} to ${validTo.toISOString()})`,
      };
    }
  }
  return { passed: true, detail: `every certificate of the chain was valid at the signing time ${at.toISOString()}` };
}
