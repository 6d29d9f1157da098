import { createHash, verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

import { certificateFacts, decodedAttributes } from './x509';

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

/**
 * What a detached CMS signature says. The structure is read with node-forge's ASN.1 reader
 * (node:crypto parses no CMS); the certificates are node:crypto `X509Certificate`s, so every
 * signature and chain check runs in OpenSSL.
 */
export interface ParsedSignature {
  signer: X509Certificate;
  /** The signer's public key, taken out once: every verification of this signature uses it. */
  signerKey: KeyObject;
  /** Every certificate the signature carries, the signer's included. */
  certificates: X509Certificate[];
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

type Validator = { capture?: string; value?: Validator[] };
const validators = (forge as unknown as { pkcs7asn1: { contentInfoValidator: object; signedDataValidator: Validator } }).pkcs7asn1;
// node-forge's SignerInfo validator, as its SignedData validator nests it.
const signerInfoValidator = (validators.signedDataValidator.value!.find((part) => part.capture === 'signerInfos')!.value as object[])[0];
const validate = (asn1 as unknown as { validate(obj: unknown, validator: unknown, capture: object, errors: string[]): boolean }).validate;

function attributeValue(attributes: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const attribute of attributes) {
    const parts = attribute.value as forge.asn1.Asn1[];
    if (asn1.derToOid(parts[0].value as string) === oid) return (parts[1].value as forge.asn1.Asn1[])[0];
  }
  return undefined;
}

const derOf = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const bareSerial = (hex: string) => hex.toLowerCase().replace(/^0+/, '');

/** Parses a DER CMS SignedData with one signer; throws on anything else. */
export function parseDetachedSignature(der: Buffer): ParsedSignature {
  const errors: string[] = [];
  const outer: { contentType?: string; content?: forge.asn1.Asn1 } = {};
  if (!validate(asn1.fromDer(der.toString('binary')), validators.contentInfoValidator, outer, errors) || !outer.content) {
    throw new Error('Cannot read PKCS#7 message. ASN.1 object is not a supported PKCS#7 message.');
  }
  if (asn1.derToOid(outer.contentType ?? '') !== pki.oids.signedData) throw new Error('Only PKCS#7 SignedData is supported.');
  const signedData: { contentType?: string; certificates?: forge.asn1.Asn1; signerInfos?: forge.asn1.Asn1[] } = {};
  if (!validate((outer.content.value as forge.asn1.Asn1[])[0], validators.signedDataValidator, signedData, errors)) {
    throw new Error('Cannot read PKCS#7 message. ASN.1 object is not a supported PKCS#7 message.');
  }
  if (asn1.derToOid(signedData.contentType ?? '') !== pki.oids.data) {
    throw new Error('Unsupported PKCS#7 message. Only wrapped ContentType Data supported.');
  }
  const signerInfos = signedData.signerInfos ?? [];
  if (signerInfos.length !== 1) throw new Error(`expected one signer, found ${signerInfos.length}`);
  const capture: SignerCapture = {};
  if (!validate(signerInfos[0], signerInfoValidator, capture, errors)) throw new Error(`malformed SignerInfo: ${errors.join('; ')}`);
  if (!capture.authenticatedAttributes || !capture.signature || !capture.serial) throw new Error('the signer has no signed attributes');
  const certificates = ((signedData.certificates?.value ?? []) as forge.asn1.Asn1[]).map((node) => new X509Certificate(derOf(node)));
  // Their names and extensions are read now, once per certificate: one the hub cannot read fails here.
  certificates.forEach(certificateFacts);
  const serial = bareSerial(forge.util.bytesToHex(capture.serial));
  const signer = certificates.find((certificate) => bareSerial(certificate.serialNumber) === serial);
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
  return {
    signer,
    signerKey: signer.publicKey,
    certificates,
    messageDigestHex: forge.util.bytesToHex(digest.value as string),
    digestAlgorithm: asn1.derToOid(capture.digestAlgorithm ?? ''),
    signingTime,
    signedAttributesDer: derOf(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, capture.authenticatedAttributes)),
    signature: Buffer.from(capture.signature, 'binary'),
  };
}

const DIGESTS: Record<string, string> = { [pki.oids.sha256]: 'sha256', [pki.oids.sha384]: 'sha384', [pki.oids.sha512]: 'sha512' };

/** Integrity: the content hashes to the signed digest (`createHash`), and the signer's key signed the attributes (`crypto.verify`). */
export function checkIntegrity(parsed: ParsedSignature, content: Buffer): CheckOutcome {
  const algorithm = DIGESTS[parsed.digestAlgorithm];
  if (!algorithm) return { passed: false, detail: `unsupported digest algorithm ${parsed.digestAlgorithm}` };
  const actual = createHash(algorithm).update(content).digest('hex');
  if (actual !== parsed.messageDigestHex) {
    return { passed: false, detail: `the content's ${algorithm} ${actual} differs from the signed digest ${parsed.messageDigestHex}` };
  }
  if (!verifySignature(algorithm, parsed.signedAttributesDer, parsed.signerKey, parsed.signature)) {
    return { passed: false, detail: "the signed attributes do not verify with the signer's public key" };
  }
  return { passed: true, detail: `the content matches the signed ${algorithm} digest and the signature verifies` };
}

export interface CheckOutcome {
  passed: boolean;
  detail: string;
}
