import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { env } from '../../core/config';
import { AuthorityRecord } from './authority-record';
import { authorityKeyPlace, openPrivateKey, sealPrivateKey } from './key-envelope';
import { newRsaKeyPair } from './keys';
import { TrustStore } from './chain';
import { certificateFacts, issueX509, newSerial } from './x509';

/**
 * Configuration (read through `env()`):
 * - DOCUMENTS_CA_ROOT_CERT_FILE: PEM of an outside root CA to trust instead of making one.
 *   Then DOCUMENTS_CA_ISSUING_CERT_FILE and DOCUMENTS_CA_ISSUING_KEY_FILE must name the
 *   issuing CA (chained to that root) and its key, with which the hub issues certificates.
 * - DOCUMENTS_EXTRA_TRUSTED_ROOTS_FILE: more roots (PEM bundle) whose signatures are
 *   trusted when verifying, for example the national root of signatures made elsewhere.
 * With none set, the hub makes its own root and issuing CA at first start and keeps them
 * in its `ca_authority` table, their private keys sealed under the key-encryption key
 * (key-envelope.ts).
 */
export const CA_ENV = {
  root: 'DOCUMENTS_CA_ROOT_CERT_FILE',
  issuingCert: 'DOCUMENTS_CA_ISSUING_CERT_FILE',
  issuingKey: 'DOCUMENTS_CA_ISSUING_KEY_FILE',
  extraRoots: 'DOCUMENTS_EXTRA_TRUSTED_ROOTS_FILE',
} as const;

export interface Authority {
  source: 'GENERATED' | 'CONFIGURED';
  rootPem: string;
  issuingPem: string;
  /** Never leaves the subgraph: used to sign certificates only. */
  issuingKeyPem: string;
  issuingSubject: string;
  /** Roots a signature's chain may end at: the hub's root and any extra configured ones. */
  trustedRootPems: string[];
  /** Those roots, and the chain results found against them (pki/chain.ts). */
  trust: TrustStore;
}

export const AUTHORITY_ID = 'hub';
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function pemBundle(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function buildAuthority(source: Authority['source'], rootPem: string, issuingPem: string, issuingKeyPem: string): Authority {
  const extraFile = env(CA_ENV.extraRoots);
  const trustedRootPems = [rootPem, ...(extraFile ? pemBundle(readFileSync(extraFile, 'utf8')) : [])];
  const issuing = new X509Certificate(issuingPem);
  const root = new X509Certificate(rootPem);
  if (!issuing.checkIssued(root) || !issuing.verify(root.publicKey)) throw new Error('The issuing CA certificate is not signed by the configured root');
  return {
    source,
    rootPem,
    issuingPem,
    issuingKeyPem,
    issuingSubject: certificateFacts(issuing).subject,
    trustedRootPems,
    trust: new TrustStore(trustedRootPems.map((pem) => new X509Certificate(pem))),
  };
}

function configuredAuthority(): Authority | undefined {
  const rootFile = env(CA_ENV.root);
  if (!rootFile) return undefined;
  const issuingFile = env(CA_ENV.issuingCert);
  const keyFile = env(CA_ENV.issuingKey);
  if (!issuingFile || !keyFile) {
    throw new Error(`${CA_ENV.root} is set: ${CA_ENV.issuingCert} and ${CA_ENV.issuingKey} must name the issuing CA and its key`);
  }
  return buildAuthority('CONFIGURED', readFileSync(rootFile, 'utf8'), readFileSync(issuingFile, 'utf8'), readFileSync(keyFile, 'utf8'));
}

/** Makes a root (20 years) and an issuing CA (15 years) for this hub. */
async function generateAuthorityRecord(notBefore: Date): Promise<AuthorityRecord> {
  const [rootKeys, issuingKeys] = await Promise.all([newRsaKeyPair(), newRsaKeyPair()]);
  const rootSubject = { commonName: 'Hub Root CA', organization: 'Government Federation Hub' };
  const rootCertificatePem = issueX509({
    subject: rootSubject,
    publicKeyPem: rootKeys.publicKeyPem,
    selfKeyPem: rootKeys.privateKeyPem,
    serial: newSerial(),
    notBefore,
    notAfter: new Date(notBefore.getTime() + 20 * YEAR_MS),
    authority: { pathLength: 1 },
  });
  const issuingCertificatePem = issueX509({
    subject: { commonName: 'Hub Issuing CA', organization: 'Government Federation Hub' },
    publicKeyPem: issuingKeys.publicKeyPem,
    issuer: { certificatePem: rootCertificatePem, privateKeyPem: rootKeys.privateKeyPem },
    serial: newSerial(),
    notBefore,
    notAfter: new Date(notBefore.getTime() + 15 * YEAR_MS),
    authority: { pathLength: 0 },
  });
  return {
    id: AUTHORITY_ID,
    rootCertificatePem,
    rootPrivateKeySealed: sealPrivateKey(rootKeys.privateKeyPem, authorityKeyPlace(AUTHORITY_ID, 'root')),
    issuingCertificatePem,
    issuingPrivateKeySealed: sealPrivateKey(issuingKeys.privateKeyPem, authorityKeyPlace(AUTHORITY_ID, 'issuing')),
    createdAt: new Date().toISOString(),
  };
}

const authorities = new WeakMap<DataSource, Promise<Authority>>();

async function loadOrCreate(dataSource: DataSource, notBefore: Date): Promise<Authority> {
  const configured = configuredAuthority();
  if (configured) return configured;
  const repository = dataSource.getRepository(AuthorityRecord);
  let record = await repository.findOneBy({ id: AUTHORITY_ID });
  if (!record) {
    try {
      record = await generateAuthorityRecord(notBefore);
      await repository.insert(record);
    } catch (error) {
      // Another process of this subgraph made it first (primary key): use that one.
      record = await repository.findOneBy({ id: AUTHORITY_ID });
      if (!record) throw error;
    }
  }
  const issuingKeyPem = openPrivateKey(record.issuingPrivateKeySealed, authorityKeyPlace(record.id, 'issuing'));
  return buildAuthority('GENERATED', record.rootCertificatePem, record.issuingCertificatePem, issuingKeyPem);
}

/**
 * The hub's certificate authority, made at first start when none is configured. `notBefore`
 * applies only when it is made: the demo seed dates it back so that it can hold the
 * certificates and signatures of the years the source articles report.
 */
export function authority(dataSource: DataSource, notBefore = new Date(Date.now() - 24 * 3600 * 1000)): Promise<Authority> {
  let pending = authorities.get(dataSource);
  if (!pending) {
    pending = loadOrCreate(dataSource, notBefore);
    pending.catch(() => authorities.delete(dataSource));
    authorities.set(dataSource, pending);
  }
  return pending;
}
