import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real `openssl` command (OpenSSL 3), as a user checking the hub's signatures would run it. */
export function opensslCmsVerify(files: { signaturePem: string; content: Buffer; rootPem: string; untrustedPem?: string }) {
  const folder = mkdtempSync(join(tmpdir(), 'hub-cms-'));
  writeFileSync(join(folder, 'signature.pem'), files.signaturePem);
  writeFileSync(join(folder, 'content.bin'), files.content);
  writeFileSync(join(folder, 'root.pem'), files.rootPem);
  const args = ['cms', '-verify', '-binary', '-inform', 'PEM', '-in', join(folder, 'signature.pem'), '-content', join(folder, 'content.bin')];
  args.push('-CAfile', join(folder, 'root.pem'), '-out', join(folder, 'verified.bin'));
  if (files.untrustedPem) {
    writeFileSync(join(folder, 'chain.pem'), files.untrustedPem);
    args.push('-certfile', join(folder, 'chain.pem'));
  }
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/**
 * A certificate authority the hub has never heard of, made with openssl, and a detached CMS
 * signature of some content by a certificate it issued: what a signature from an unknown
 * root looks like.
 */
export function signWithUnknownRoot(content: Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'hub-unknown-ca-'));
  const at = (name: string) => join(folder, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=Unknown Root CA/O=Elsewhere/C=VN',
    '-keyout', at('root.key'), '-out', at('root.pem'), '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', '/CN=Impostor Signer/O=Elsewhere/C=VN', '-keyout', at('leaf.key'), '-out', at('leaf.csr'));
  writeFileSync(at('leaf.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n');
  openssl('x509', '-req', '-in', at('leaf.csr'), '-CA', at('root.pem'), '-CAkey', at('root.key'), '-CAcreateserial', '-days', '30', '-sha256',
    '-extfile', at('leaf.ext'), '-out', at('leaf.pem'));
  writeFileSync(at('content.bin'), content);
  openssl('cms', '-sign', '-binary', '-md', 'sha256', '-in', at('content.bin'), '-signer', at('leaf.pem'), '-inkey', at('leaf.key'),
    '-outform', 'PEM', '-out', at('signature.pem'));
  return readFileSync(at('signature.pem'), 'utf8');
}
