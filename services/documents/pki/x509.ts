import { randomBytes, type X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { nativeCertificateSigner } from './keys';

const { pki } = forge;

/** The parts of a distinguished name the hub writes. Values are UTF-8 (Vietnamese names). */
export interface NameParts {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  locality?: string;
  province?: string;
}

const ATTRIBUTE_ORDER: [keyof NameParts, string, string][] = [
  ['commonName', 'commonName', 'CN'],
  ['title', 'title', 'T'],
  ['organizationalUnit', 'organizationalUnitName', 'OU'],
  ['organization', 'organizationName', 'O'],
  ['locality', 'localityName', 'L'],
  ['province', 'stateOrProvinceName', 'ST'],
];

function nameAttributes(parts: NameParts): forge.pki.CertificateField[] {
  const attributes: forge.pki.CertificateField[] = [];
  for (const [key, name] of ATTRIBUTE_ORDER) {
    const value = parts[key];
    if (value) // node-forge encodes UTF8String values itself.
    if (value) attributes.push({ name, value, valueTagClass: forge.asn1.Type.UTF8 as never });
  }
  attributes.push({ name: 'countryName', value: 'VN' });
  return attributes;
}

/** A readable one-line form of a name, most specific first: "CN=…, O=…, C=VN". */
export function formatName(parts: NameParts): string {
  const fields = ATTRIBUTE_ORDER.filter(([key]) => parts[key]).map(([key, , short]) => `${short}=${parts[key]}`);
  return [...fields, 'C=VN'].join(', ');
}

/** A parsed name's attributes with UTF8String values decoded (node-forge keeps their raw bytes). */
export function decodedAttributes(name: forge.pki.Certificate['subject']): forge.pki.CertificateField[] {
  return name.attributes.map((attribute) => {
    const utf8 = (attribute as { valueTagClass?: number }).valueTagClass === forge.asn1.Type.UTF8;
    return { ...attribute, value: utf8 ? forge.util.decodeUtf8(String(attribute.value)) : attribute.value };
  });
}

/** The readable form of a parsed certificate's subject or issuer: "CN=…, O=…, C=VN". */
export const describeName = (name: forge.pki.Certificate['subject']): string =>
  decodedAttributes(name)
    .map((attribute) => `${attribute.shortName ?? attribute.name ?? attribute.type}=${String(attribute.value)}`)
    .join(', ');

/** A positive 128-bit serial number in hex, as RFC 5280 asks (unpredictable, at most 20 octets). */
export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x10;
  return bytes.toString('hex');
}

export interface IssueOptions {
  subject: NameParts;
  publicKeyPem: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** The issuer's certificate and key; absent for a self-signed root. */
  issuer?: { certificatePem: string; privateKeyPem: string };
  /** The subject's own key, for a self-signed root. */
  selfKeyPem?: string;
  authority?: { pathLength: number };
}

const parsedIssuers = new Map<string, forge.pki.Certificate>();
/** Issuers sign hundreds of certificates in a row (the demo): parse each once. */
function parsedIssuer(pem: string): forge.pki.Certificate {
  let certificate = parsedIssuers.get(pem);
  if (!certificate) {
    certificate = pki.certificateFromPem(pem);
    parsedIssuers.set(pem, certificate);
  }
  return certificate;
}

/** Builds and signs an X.509 v3 certificate (SHA-256 with RSA) with node-forge. */
export function issueX509(options: IssueOptions): string {
  const certificate = pki.createCertificate();
  certificate.publicKey = pki.publicKeyFromPem(options.publicKeyPem);
  certificate.serialNumber = options.serial;
  certificate.validity.notBefore = options.notBefore;
  certificate.validity.notAfter = options.notAfter;
  certificate.setSubject(nameAttributes(options.subject));
  const issuer = options.issuer ? parsedIssuer(options.issuer.certificatePem) : undefined;
  certificate.setIssuer(issuer ? decodedAttributes(issuer.subject) : nameAttributes(options.subject));
  const extensions: object[] = options.authority
    ? [
        { name: 'basicConstraints', cA: true, pathLenConstraint: options.authority.pathLength, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ]
    : [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        // emailProtection is what `openssl cms -verify` checks by default for a signer (S/MIME purpose).
        { name: 'extKeyUsage', emailProtection: true, clientAuth: true },
      ];
  extensions.push({ name: 'subjectKeyIdentifier' });
  if (issuer) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: issuer.generateSubjectKeyIdentifier().getBytes() });
  certificate.setExtensions(extensions);
  const signingKeyPem = options.issuer?.privateKeyPem ?? options.selfKeyPem;
  if (!signingKeyPem) throw new Error('A certificate needs an issuer key or, for a root, its own key');
  certificate.sign(nativeCertificateSigner(certificate, signingKeyPem), forge.md.sha256.create());
  return pki.certificateToPem(certificate);
}

/** What the hub reads from a certificate beyond what node:crypto's `X509Certificate` gives. */
export interface CertificateFacts {
  /** "CN=…, O=…, C=VN", as `describeName` writes it. */
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** basicConstraints pathLenConstraint; null when absent. */
  pathLength: number | null;
  /** Critical extensions the chain check does not know (names or OIDs). */
  unknownCritical: string[];
}

/** Extensions the chain check handles (OpenSSL's checkIssued reads keyUsage; basicConstraints here). */
const KNOWN_EXTENSIONS = new Set(['basicConstraints', 'keyUsage', 'extKeyUsage', 'subjectKeyIdentifier', 'authorityKeyIdentifier', 'subjectAltName']);
const facts = new Map<string, CertificateFacts>();

/**
 * A certificate's names, validity dates, path length and critical extensions, read once per
 * certificate (by SHA-256 fingerprint) with node-forge's parser: node:crypto gives neither the
 * extensions nor the names in the hub's one-line form.
 */
export function certificateFacts(certificate: X509Certificate): CertificateFacts {
  const fingerprint = certificate.fingerprint256;
  let known = facts.get(fingerprint);
  if (known) return known;
  const parsed = pki.certificateFromAsn1(forge.asn1.fromDer(certificate.raw.toString('binary')), false);
  const basic = parsed.getExtension('basicConstraints') as { pathLenConstraint?: number } | null;
  known = {
    subject: describeName(parsed.subject),
    issuer: describeName(parsed.issuer),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    pathLength: typeof basic?.pathLenConstraint === 'number' ? basic.pathLenConstraint : null,
    unknownCritical: (parsed.extensions as { name?: string; id: string; critical?: boolean }[])
      .filter((extension) => extension.critical && !KNOWN_EXTENSIONS.has(extension.name ?? ''))
      .map((extension) => extension.name ?? extension.id),
  };
  if (facts.size >= 10_000) facts.delete(facts.keys().next().value!);
  facts.set(fingerprint, known);
  return known;
}
