import { createHash, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';

import { decodedAttributes, describeName } from './x509';

const { asn1, pki } = forge;

/**
 * CMS (PKCS#7) SignedData, detached: the signature travels apart from the content, as
 * `openssl cms -sign -binary` would make it. Signed attributes: content type, message digest
 * (SHA-256 of the content) and signing time.
 */
export function signDetached(options: {
  content: Buffer;
  signerCertificatePem: string;
  signerKeyPem: string;
  /** Certificates to carry for the verifier: the issuing CA (the root is the verifier's own). */
  chainPems: string[];
  signingTime: Date;
}): Buffer {
  const signed = forge.pkcs7.createSignedData();
  signed.content = forge.util.createBuffer(options.content.toString('binary'));
  const signerCertificate = pki.certificateFromPem(options.signerCertificatePem);
  signed.addCertificate(signerCertificate);
  for (const pem of options.chainPems) signed.addCertificate(pem);
  signed.addSigner({
    key: pki.privateKeyFromPem(options.signerKeyPem),
    // Issuer and serial rather than `certificate`: node-forge would re-encode the parsed
    // issuer's UTF-8 bytes a second time, and a Vietnamese CA name would then not match.
    issuer: decodedAttributes(signerCertificate.issuer),
    serialNumber: signerCertificate.serialNumber,
    digestAlgorithm: pki.oids.sha256,
    authenticatedAttributes: [
      { type: pki.oids.contentType, value: pki.oids.data },
      { type: pki.oids.messageDigest },
      { type: pki.oids.signingTime, value: options.signingTime as never },
    ],
  } as unknown as Parameters<typeof signed.addSigner>[0]);
  signed.sign({ detached: true });
  return Buffer.from(asn1.toDer(signed.toAsn1()).getBytes(), 'binary');
}

export const cmsToPem = (der: Buffer) =>
  `-----BEGIN CMS-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CMS-----\n`;

export function cmsFromPem(pem: string): Buffer {
  const match = pem.match(/-----BEGIN (CMS|PKCS7)-----([\s\S]+?)-----END \1-----/);
  if (!match) throw new Error('not a PEM CMS or PKCS7 block');
  return Buffer.from(match[2].replace(/\s+/g, ''), 'base64');
}

/** What a detached CMS signature says, read with node-forge's parser and validators. */
export interface ParsedSignature {
  signer: forge.pki.Certificate;
  /** Every certificate the signature carries, the signer's included. */
  certificates: forge.pki.Certificate[];
  messageDigestHex: string;
  digestAlgorithm: string;
  signingTime: Date | null;
  /** DER of the signed attributes as a SET: the bytes the signature covers. */
  signedAttributesDer: Buffer;
  signature: Buffer;
}

interface SignerCapture {
  serial?: string;
  digestAlgorithm?: string;
  authenticatedAttributes?: forge.asn1.Asn1[];
  signature?: string;
}

// node-forge's SignerInfo validator, as its SignedData validator nests it.
const signerInfoValidator = (
  (forge as unknown as { pkcs7asn1: { signedDataValidator: { value: { capture?: string; value?: unknown[] }[] } } }).pkcs7asn1
    .signedDataValidator.value.find((part) => part.capture === 'signerInfos')!.value as object[]
)[0];

function attributeValue(attributes: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const attribute of attributes) {
    const parts = attribute.value as forge.asn1.Asn1[];
    if (asn1.derToOid(parts[0].value as string) === oid) return (parts[1].value as forge.asn1.Asn1[])[0];
  }
  return undefined;
}

/** Parses a DER CMS SignedData with one signer; throws on anything else. */
export function parseDetachedSignature(der: Buffer): ParsedSignature {
  const message = forge.pkcs7.messageFromAsn1(asn1.fromDer(der.toString('binary'))) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { signerInfos?: forge.asn1.Asn1[]; content?: unknown };
  };
  const signerInfos = message.rawCapture.signerInfos ?? [];
  if (signerInfos.length !== 1) throw new Error(`expected one signer, found ${signerInfos.length}`);
  const capture: SignerCapture = {};
  const errors: string[] = [];
  const validate = (asn1 as unknown as { validate(obj: unknown, validator: unknown, capture: object, errors: string[]): boolean }).validate;
  if (!validate(signerInfos[0], signerInfoValidator, capture, errors)) throw new Error(`malformed SignerInfo: ${errors.join('; ')}`);
  if (!capture.authenticatedAttributes || !capture.signature || !capture.serial) throw new Error('the signer has no signed attributes');
  const serial = forge.util.bytesToHex(capture.serial).replace(/^0+/, '');
  const signer = message.certificates.find((certificate) => certificate.serialNumber.replace(/^0+/, '') === serial);
  if (!signer) throw new Error("the signature does not carry its signer's certificate");
  const digest = attributeValue(capture.authenticatedAttributes, pki.oids.messageDigest);
  if (!digest) throw new Error('the signature has no message digest attribute');
  const time = attributeValue(capture.authenticatedAttributes, pki.oids.signingTime);
  const signingTime =
    time === undefined
      ? null
      : time.type === asn1.Type.UTCTIME
        ? asn1.utcTimeToDate(time.value as string)
        : asn1.generalizedTimeToDate(time.value as string);
  const signedAttributes = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, capture.authenticatedAttributes);
  return {
    signer,
    certificates: message.certificates,
    messageDigestHex: forge.util.bytesToHex(digest.value as string),
    digestAlgorithm: asn1.derToOid(capture.digestAlgorithm ?? ''),
    signingTime,
    signedAttributesDer: Buffer.from(asn1.toDer(signedAttributes).getBytes(), 'binary'),
    signature: Buffer.from(capture.signature, 'binary'),
  };
}

const DIGESTS: Record<string, string> = { [pki.oids.sha256]: 'sha256', [pki.oids.sha384]: 'sha384', [pki.oids.sha512]: 'sha512' };

/** Integrity: the content hashes to the signed digest, and the signer's key signed the attributes. */
export function checkIntegrity(parsed: ParsedSignature, content: Buffer): CheckOutcome {
  const algorithm = DIGESTS[parsed.digestAlgorithm];
  if (!algorithm) return { passed: false, detail: `unsupported digest algorithm ${parsed.digestAlgorithm}` };
  const actual = createHash(algorithm).update(content).digest('hex');
  if (actual !== parsed.messageDigestHex) {
    return { passed: false, detail: `the content's ${algorithm} ${actual} differs from the signed digest ${parsed.messageDigestHex}` };
  }
  const publicKeyPem = pki.publicKeyToPem(parsed.signer.publicKey as forge.pki.rsa.PublicKey);
  if (!verifySignature(algorithm, parsed.signedAttributesDer, publicKeyPem, parsed.signature)) {
    return { passed: false, detail: "the signed attributes do not verify with the signer's public key" };
  }
  return { passed: true, detail: `the content matches the signed ${algorithm} digest and the signature verifies` };
}

export interface CheckOutcome {
  passed: boolean;
  detail: string;
}

const nameOf = (certificate: forge.pki.Certificate) => describeName(certificate.subject);

/**
 * Chain: from the signer through the certificates the signature carries to one of the
 * trusted roots (never a root the signature brings itself); each signature in the chain and
 * each CA's basic constraints verified by node-forge. Returns the certificates along it.
 */
export function checkChain(parsed: ParsedSignature, caStore: forge.pki.CAStore): CheckOutcome & { path: forge.pki.Certificate[] } {
  const path: forge.pki.Certificate[] = [parsed.signer];
  const carried = parsed.certificates.filter((certificate) => certificate !== parsed.signer);
  let root: forge.pki.Certificate | null = null;
  while (!root && path.length < 8) {
    const current = path[path.length - 1];
    root = caStore.getIssuer(current);
    if (root) break;
    const next = carried.find((candidate) => !path.includes(candidate) && candidate.subject.hash === current.issuer.hash);
    if (!next) return { passed: false, detail: `no trusted root issued "${nameOf(current)}" or its issuer "${describeName(current.issuer)}"`, path };
    path.push(next);
  }
  if (!root) return { passed: false, detail: 'the chain is too long', path };
  try {
    pki.verifyCertificateChain(caStore, path, { validityCheckDate: null });
  } catch (error) {
    return { passed: false, detail: `the chain does not verify: ${(error as { message?: string }).message ?? String(error)}`, path };
  }
  return { passed: true, detail: 'the chain verifies to a trusted root', path: [...path, root] };
}

/** Validity at signing time: every certificate of the chain was within its validity period then. */
export function checkValidityAt(path: forge.pki.Certificate[], at: Date): CheckOutcome {
  for (const certificate of path) {
    const { notBefore, notAfter } = certificate.validity;
    if (at < notBefore || at > notAfter) {
      return {
        passed: false,
        detail: `"${nameOf(certificate)}" was not valid at the signing time ${at.toISOString()} (valid ${notBefore.toISOString()} to ${notAfter.toISOString()})`,
      };
    }
  }
  return { passed: true, detail: `every certificate of the chain was valid at the signing time ${at.toISOString()}` };
}
