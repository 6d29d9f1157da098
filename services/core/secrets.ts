import { createHash, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { dataDir, env, isProduction } from './config';

/**
 * Every secret the hub uses, and the one rule they follow (issue 11, item 12):
 *
 * - In development, a missing secret is made once per data folder (`data/dev-secrets.json`,
 *   0600), and the key-encryption key is a fixed development key, so `npm start` needs no
 *   configuration.
 * - With `NODE_ENV=production`, each process checks at start every secret it uses
 *   (`checkSecretsAtStart`) and refuses to start when one is missing, shorter than 32
 *   characters (32 bytes for the key-encryption key), hardly random, a development secret, or
 *   the same as another secret. The message names the variable and what is wrong; it never
 *   prints a secret.
 */

/** The shortest secret production accepts: 32 characters, or 32 bytes for the key-encryption key (AES-256). */
export const MIN_SECRET_LENGTH = 32;
/** A secret with fewer distinct characters than this is a pattern, not a random value. */
const MIN_DISTINCT_CHARACTERS = 8;
const GENERATE_HINT = 'generate one with: openssl rand -base64 32';

/** A secret that breaks the rule: the process must not start (or the call must not proceed). */
export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export type SecretName =
  | 'HUB_INTERNAL_SECRET'
  | 'HUB_DEV_JWT_SECRET'
  | 'HUB_CLIENT_TOKEN_SECRET'
  | 'HUB_KEY_ENCRYPTION_KEY'
  | 'HUB_KEY_ENCRYPTION_KEY_PREVIOUS';

interface DevSecrets {
  internal: string;
  devJwt: string;
}

const devSecretsFile = () => resolve(dataDir(), 'dev-secrets.json');
let devSecrets: { file: string; secrets: DevSecrets } | undefined;

/**
 * Development secrets are made once per data folder and kept there, so the gateway, the
 * subgraphs and the token command agree without configuration. Never in production.
 */
function loadDevSecrets(): DevSecrets {
  const file = devSecretsFile();
  if (devSecrets?.file === file) return devSecrets.secrets;
  let secrets: DevSecrets;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  } else {
    const fresh = { internal: randomBytes(32).toString('base64url'), devJwt: randomBytes(32).toString('base64url') };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
      secrets = fresh;
    } catch (error) {
      // Another process of the hub made the file first: use its secrets.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      secrets = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    }
  }
  devSecrets = { file, secrets };
  return secrets;
}

/**
 * The development key-encryption key: SHA-256 of a fixed text, the same on every machine, so a
 * development database opens anywhere. Development only: it is public (it is this line), and
 * production refuses it.
 */
const DEVELOPMENT_KEK = createHash('sha256').update('gov-hub development key-encryption key: never use in production').digest();

/** Values production refuses as development secrets: those of the data folder's dev-secrets.json, and the development KEK. */
function developmentValues(): Set<string> {
  const values = new Set<string>([DEVELOPMENT_KEK.toString('hex'), DEVELOPMENT_KEK.toString('base64'), DEVELOPMENT_KEK.toString('base64url')]);
  try {
    const file = devSecretsFile();
    if (existsSync(file)) {
      const secrets = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
      for (const value of [secrets.internal, secrets.devJwt]) if (value) values.add(value);
    }
  } catch {
    // An unreadable file holds no secret anyone could be using.
  }
  return values;
}

/**
 * What is wrong with a secret in production, in words that name the variable and never show the
 * value; undefined when it is fine. `length` is what counts: characters, or the bytes a key decodes to.
 */
function productionProblem(name: SecretName, value: string | undefined, required: boolean, length = value?.length ?? 0): string | undefined {
  if (value === undefined) return required ? `${name} is not set: it is required when NODE_ENV=production (${GENERATE_HINT})` : undefined;
  const unit = name === 'HUB_KEY_ENCRYPTION_KEY' ? 'bytes' : 'characters';
  if (length < MIN_SECRET_LENGTH) return `${name} is too short: ${length} ${unit}, at least ${MIN_SECRET_LENGTH} are required when NODE_ENV=production (${GENERATE_HINT})`;
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return `${name} is not random: it repeats fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters (${GENERATE_HINT})`;
  if (developmentValues().has(value)) return `${name} is a development secret (the development key, or a value of ${devSecretsFile()}): set a fresh random value for production (${GENERATE_HINT})`;
  return undefined;
}

/** A configured secret, or in development the data folder's; in production, the rule or a SecretError. */
function secret(configured: string | undefined, name: 'HUB_INTERNAL_SECRET' | 'HUB_DEV_JWT_SECRET', devKey: keyof DevSecrets): string {
  if (isProduction()) {
    const problem = productionProblem(name, configured, true);
    if (problem) throw new SecretError(problem);
    return configured!;
  }
  return configured ?? loadDevSecrets()[devKey];
}

/** Key the gateway signs forwarded principals and internal calls with, and every process verifies them with. */
export const internalSecret = () => secret(env('HUB_INTERNAL_SECRET'), 'HUB_INTERNAL_SECRET', 'internal');

let internalKeyObject: { secret: string; key: KeyObject } | undefined;

/**
 * The internal secret as an HMAC key (HS256 for jose), made once per value: every forwarded
 * principal and internal call is signed or verified with it, and jose imports raw bytes again on
 * each call. A changed secret (another data folder, a test's) makes a new one.
 */
export function internalKey(): KeyObject {
  const value = internalSecret();
  if (internalKeyObject?.secret !== value) internalKeyObject = { secret: value, key: createSecretKey(Buffer.from(value, 'utf8')) };
  return internalKeyObject.key;
}

/** HS256 key of the hub's own development tokens (`npm run token`). Off in production unless set. */
export function devJwtSecret(): string | undefined {
  const configured = env('HUB_DEV_JWT_SECRET');
  if (isProduction() && configured === undefined) return undefined;
  return secret(configured, 'HUB_DEV_JWT_SECRET', 'devJwt');
}

/**
 * HS256 key of service clients' tokens (POST /oauth/token): HUB_CLIENT_TOKEN_SECRET, or else a
 * key derived from the internal secret (HKDF-SHA256), so a deployment has one secret fewer to
 * hand out.
 */
export function clientTokenKey(): Uint8Array {
  const configured = env('HUB_CLIENT_TOKEN_SECRET');
  if (configured !== undefined) {
    const problem = isProduction() ? productionProblem('HUB_CLIENT_TOKEN_SECRET', configured, false) : undefined;
    if (problem) throw new SecretError(problem);
    return new TextEncoder().encode(configured);
  }
  return new Uint8Array(hkdfSync('sha256', internalSecret(), 'gov-hub', 'client-credentials tokens', 32));
}

/** A key-encryption key and its id (8 hex digits, a fingerprint that names it without revealing it). */
export interface KeyEncryptionKey {
  key: Buffer;
  id: string;
  /** True for the development key: refused in production. */
  development: boolean;
}

const keyId = (key: Buffer) => createHmac('sha256', key).update('gov-hub key-encryption key id').digest('hex').slice(0, 8);

/** 32 bytes as 64 hex digits, or as base64 / base64url (43 or 44 characters); undefined when it is neither. */
function decodeKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return undefined;
}

/** A key-encryption key as written in `name`: 32 bytes, or a SecretError saying what it is instead. */
function decodedKey(name: SecretName, configured: string): Buffer {
  const key = decodeKey(configured.trim());
  if (!key || key.length !== 32) {
    throw new SecretError(
      `${name} must be 32 bytes, written as 64 hex digits or in base64 (44 characters): ` +
        (key ? `it decodes to ${key.length} bytes` : 'it is neither hex nor base64') + ` (${GENERATE_HINT})`,
    );
  }
  return key;
}

/**
 * The key-encryption key that wraps the documents subgraph's private keys at rest:
 * `HUB_KEY_ENCRYPTION_KEY`, 32 bytes as 64 hex digits or base64 (`openssl rand -base64 32`).
 * Without it, in development only, the fixed development key. Throws a SecretError for a
 * malformed key (in any environment) and, in production, for a missing or development one.
 */
export function keyEncryptionKey(): KeyEncryptionKey {
  const configured = env('HUB_KEY_ENCRYPTION_KEY');
  if (configured === undefined) {
    const problem = isProduction() ? productionProblem('HUB_KEY_ENCRYPTION_KEY', undefined, true) : undefined;
    if (problem) throw new SecretError(problem);
    return { key: DEVELOPMENT_KEK, id: keyId(DEVELOPMENT_KEK), development: true };
  }
  const key = decodedKey('HUB_KEY_ENCRYPTION_KEY', configured);
  const development = key.equals(DEVELOPMENT_KEK);
  if (isProduction()) {
    const problem = development
      ? 'HUB_KEY_ENCRYPTION_KEY is the development key: set a fresh random key for production (generate one with: openssl rand -base64 32)'
      : productionProblem('HUB_KEY_ENCRYPTION_KEY', configured, true, key.length);
    if (problem) throw new SecretError(problem);
  }
  return { key, id: keyId(key), development };
}

/**
 * The key-encryption key being rotated out, `HUB_KEY_ENCRYPTION_KEY_PREVIOUS`, if set: keys
 * sealed under it still open, and the documents subgraph reseals them under the current key at
 * start. It may be the development key (to move a database made in development into production).
 */
export function previousKeyEncryptionKey(): KeyEncryptionKey | undefined {
  const configured = env('HUB_KEY_ENCRYPTION_KEY_PREVIOUS');
  if (configured === undefined) return undefined;
  const key = decodedKey('HUB_KEY_ENCRYPTION_KEY_PREVIOUS', configured);
  return { key, id: keyId(key), development: key.equals(DEVELOPMENT_KEK) };
}

/** The id of the development key-encryption key, to say so when data was wrapped with it. */
export const developmentKeyId = () => keyId(DEVELOPMENT_KEK);

/** The secrets a process can use. */
export type SecretUse = 'internal' | 'devJwt' | 'clientToken' | 'keyEncryption';

const ACCESSORS: Record<SecretUse, { name: SecretName; read: () => unknown }> = {
  internal: { name: 'HUB_INTERNAL_SECRET', read: internalSecret },
  devJwt: { name: 'HUB_DEV_JWT_SECRET', read: devJwtSecret },
  clientToken: { name: 'HUB_CLIENT_TOKEN_SECRET', read: clientTokenKey },
  keyEncryption: { name: 'HUB_KEY_ENCRYPTION_KEY', read: () => [keyEncryptionKey(), previousKeyEncryptionKey()] },
};

/** The secrets of the gateway; every subgraph uses `internal`, the documents subgraph also `keyEncryption`. */
export const GATEWAY_SECRETS: readonly SecretUse[] = ['internal', 'clientToken', 'devJwt'];

/**
 * Reads every secret a process uses at its start, so that a bad one stops it there rather
 * than at its first request; throws one SecretError naming every problem. In production, two
 * configured secrets may not be equal either (a leak of one must not give away another).
 */
export function checkSecretsAtStart(uses: readonly SecretUse[]): void {
  const problems: string[] = [];
  for (const use of uses) {
    try {
      ACCESSORS[use].read();
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      problems.push(error.message);
    }
  }
  // Not a secret, but it would open the door to tokens of dissolved units (core/time/tree-day.ts).
  if (isProduction() && env('HUB_AS_OF') !== undefined) problems.push('HUB_AS_OF is for training and tests: production reads the unit tree on the real day');
  if (isProduction()) {
    const seen = new Map<string, SecretName>();
    for (const use of uses) {
      const { name } = ACCESSORS[use];
      const value = env(name);
      if (value === undefined) continue;
      const earlier = seen.get(value);
      if (earlier) problems.push(`${name} is the same as ${earlier}: each secret must be its own random value`);
      else seen.set(value, name);
    }
  }
  if (problems.length > 0) throw new SecretError(`Refusing to start:\n- ${problems.join('\n- ')}`);
}
