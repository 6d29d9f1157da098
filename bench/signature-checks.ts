import { X509Certificate } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import forge from 'node-forge';
import { TrustStore, checkValidityAt } from '../services/documents/pki/chain';
import { checkIntegrity, parseDetachedSignature, signDetached } from '../services/documents/pki/cms';
import { newRsaKeyPair } from '../services/documents/pki/keys';
import { issueX509, newSerial } from '../services/documents/pki/x509';

export interface SignatureCheckRow {
  /** What one verification does here (see `measureSignatureChecks`). */
  step: string;
  perSecond: number;
  microseconds: number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * The checks of one signature alone, in this process, without HTTP, GraphQL or SQL: what
 * "signatures at OpenSSL speed" means. A root, an issuing CA and a signer (RSA-2048, as the hub
 * makes them) and one detached CMS signature over 2 KB; then, each for `seconds`:
 * - `warm`: what a repeated verification costs (the parse and the chain result kept): the
 *   content digest, the signature over the signed attributes (`crypto.verify`) and validity;
 * - `cold`: the first verification of a signature: CMS parse, chain by node:crypto, integrity,
 *   validity (the certificates' names and extensions, read once per certificate, stay read);
 * - `chain by node-forge`: the chain check alone as it was before (`pki.verifyCertificateChain`, pure JS).
 */
export async function measureSignatureChecks(seconds = 2): Promise<SignatureCheckRow[]> {
  const [rootKeys, issuingKeys, signerKeys] = await Promise.all([newRsaKeyPair(), newRsaKeyPair(), newRsaKeyPair()]);
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = new Date(notBefore.getTime() + 5 * YEAR_MS);
  const rootPem = issueX509({ subject: { commonName: 'Bench Root CA' }, publicKeyPem: rootKeys.publicKeyPem, selfKeyPem: rootKeys.privateKeyPem, serial: newSerial(), notBefore, notAfter, authority: { pathLength: 1 } });
  const issuingPem = issueX509({
    subject: { commonName: 'Bench Issuing CA' },
    publicKeyPem: issuingKeys.publicKeyPem,
    issuer: { certificatePem: rootPem, privateKeyPem: rootKeys.privateKeyPem },
    serial: newSerial(),
    notBefore,
    notAfter,
    authority: { pathLength: 0 },
  });
  const signerPem = issueX509({
    subject: { commonName: 'UBND Tỉnh Bench', province: 'Tỉnh Bench' },
    publicKeyPem: signerKeys.publicKeyPem,
    issuer: { certificatePem: issuingPem, privateKeyPem: issuingKeys.privateKeyPem },
    serial: newSerial(),
    notBefore,
    notAfter,
  });
  const content = Buffer.from('QUYẾT ĐỊNH: Điều 1. '.repeat(100), 'utf8');
  const der = signDetached({ content, signerCertificatePem: signerPem, signerKeyPem: signerKeys.privateKeyPem, chainPems: [issuingPem], signingTime: new Date() });

  const run = (step: string, once: () => boolean): SignatureCheckRow => {
    if (!once()) throw new Error(`signature check "${step}" did not pass`);
    let count = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    while (performance.now() < until) {
      for (let index = 0; index < 20; index += 1) once();
      count += 20;
    }
    const elapsed = (performance.now() - started) / 1000;
    const row = { step, perSecond: Math.round(count / elapsed), microseconds: Math.round((elapsed / count) * 1e6 * 10) / 10 };
    console.log(`signature checks, ${step.padEnd(22)} ${String(row.perSecond).padStart(7)}/s  ${row.microseconds} µs each`);
    return row;
  };

  const warmTrust = new TrustStore([new X509Certificate(rootPem)]);
  const parsed = parseDetachedSignature(der);
  const verify = (trust: TrustStore, signature: ReturnType<typeof parseDetachedSignature>) => {
    const integrity = checkIntegrity(signature, content);
    const chain = trust.check(signature);
    const validity = checkValidityAt(chain.path, signature.signingTime ?? new Date());
    return integrity.passed && chain.passed && validity.passed;
  };
  const forgeStore = forge.pki.createCaStore([rootPem]);
  const forgePath = [forge.pki.certificateFromPem(signerPem), forge.pki.certificateFromPem(issuingPem)];
  return [
    run('warm', () => verify(warmTrust, parsed)),
    run('cold', () => verify(new TrustStore([new X509Certificate(rootPem)]), parseDetachedSignature(der))),
    run('chain by node-forge', () => forge.pki.verifyCertificateChain(forgeStore, forgePath, { validityCheckDate: null })),
  ];
}
