import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSecretsAtStart, GATEWAY_SECRETS, keyEncryptionKey, SecretError } from '../../services/core/secrets';
import { openPrivateKey, sealPrivateKey } from '../../services/documents/pki/key-envelope';
import { newRsaKeyPair } from '../../services/documents/pki/keys';

/** The rule of services/core/secrets.ts and the envelope of documents' private keys, without processes. */
const strong = () => randomBytes(32).toString('base64');
const VARIABLES = ['NODE_ENV', 'HUB_INTERNAL_SECRET', 'HUB_DEV_JWT_SECRET', 'HUB_CLIENT_TOKEN_SECRET', 'HUB_KEY_ENCRYPTION_KEY', 'HUB_KEY_ENCRYPTION_KEY_PREVIOUS', 'HUB_DATA_DIR', 'HUB_AS_OF'];

describe('secrets', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const name of VARIABLES) saved[name] = process.env[name];
  });
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  /** The message checkSecretsAtStart gives in production with `environment`, or undefined when it passes. */
  const refusal = (environment: Record<string, string | undefined>, uses = GATEWAY_SECRETS) => {
    process.env.NODE_ENV = 'production';
    // The suites replay the pre-reform day (test/support/env.ts), which production refuses.
    if (!('HUB_AS_OF' in environment)) delete process.env.HUB_AS_OF;
    for (const [name, value] of Object.entries(environment)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    try {
      checkSecretsAtStart(uses);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(SecretError);
      return (error as Error).message;
    }
  };

  it('in production, refuses a missing, short, patterned or shared secret, naming the variable and never the value', () => {
    const good = { HUB_INTERNAL_SECRET: strong(), HUB_CLIENT_TOKEN_SECRET: undefined, HUB_DEV_JWT_SECRET: undefined };
    expect(refusal(good)).toBeUndefined();
    expect(refusal({ ...good, HUB_INTERNAL_SECRET: undefined })).toMatch(/HUB_INTERNAL_SECRET is not set/);
    // Not a secret, but a replayed tree day would let tokens of dissolved units in (rule 13).
    expect(refusal({ ...good, HUB_AS_OF: '2025-06-30' })).toMatch(/HUB_AS_OF is for training and tests/);
    expect(refusal({ ...good, HUB_INTERNAL_SECRET: 'x' })).toMatch(/HUB_INTERNAL_SECRET is too short: 1 characters, at least 32/);
    const short = 'compose-test-internal-secret';
    const message = refusal({ ...good, HUB_INTERNAL_SECRET: short })!;
    expect(message).toMatch(/HUB_INTERNAL_SECRET is too short: 28 characters/);
    expect(message).not.toContain(short);
    expect(refusal({ ...good, HUB_INTERNAL_SECRET: 'ab'.repeat(20) })).toMatch(/HUB_INTERNAL_SECRET is not random/);
    expect(refusal({ ...good, HUB_CLIENT_TOKEN_SECRET: 'short' })).toMatch(/HUB_CLIENT_TOKEN_SECRET is too short/);
    expect(refusal({ ...good, HUB_DEV_JWT_SECRET: 'short' })).toMatch(/HUB_DEV_JWT_SECRET is too short/);
    expect(refusal({ ...good, HUB_CLIENT_TOKEN_SECRET: good.HUB_INTERNAL_SECRET })).toMatch(/HUB_CLIENT_TOKEN_SECRET is the same as HUB_INTERNAL_SECRET/);
    // Every problem at once.
    const both = refusal({ HUB_INTERNAL_SECRET: undefined, HUB_CLIENT_TOKEN_SECRET: 'short' })!;
    expect(both).toMatch(/HUB_INTERNAL_SECRET is not set/);
    expect(both).toMatch(/HUB_CLIENT_TOKEN_SECRET is too short/);
  });

  it("in production, refuses the data folder's development secrets and the development key-encryption key", () => {
    const folder = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
    const development = { internal: strong(), devJwt: strong() };
    writeFileSync(join(folder, 'dev-secrets.json'), JSON.stringify(development));
    process.env.HUB_DATA_DIR = folder;
    expect(refusal({ HUB_INTERNAL_SECRET: development.internal })).toMatch(/HUB_INTERNAL_SECRET is a development secret/);
    expect(refusal({ HUB_INTERNAL_SECRET: strong(), HUB_DEV_JWT_SECRET: development.devJwt })).toMatch(/HUB_DEV_JWT_SECRET is a development secret/);

    delete process.env.NODE_ENV;
    delete process.env.HUB_KEY_ENCRYPTION_KEY;
    const developmentKek = keyEncryptionKey();
    expect(developmentKek.development).toBe(true);
    const uses = ['internal', 'keyEncryption'] as const;
    expect(refusal({ HUB_INTERNAL_SECRET: strong(), HUB_KEY_ENCRYPTION_KEY: undefined }, uses)).toMatch(/HUB_KEY_ENCRYPTION_KEY is not set/);
    expect(refusal({ HUB_KEY_ENCRYPTION_KEY: developmentKek.key.toString('hex') }, uses)).toMatch(/HUB_KEY_ENCRYPTION_KEY is the development key/);
    expect(refusal({ HUB_KEY_ENCRYPTION_KEY: developmentKek.key.toString('base64') }, uses)).toMatch(/HUB_KEY_ENCRYPTION_KEY is the development key/);
    expect(refusal({ HUB_KEY_ENCRYPTION_KEY: strong() }, uses)).toBeUndefined();
    // The key being rotated out may be the development one (a database moving into production), but must be a key.
    expect(refusal({ HUB_KEY_ENCRYPTION_KEY_PREVIOUS: developmentKek.key.toString('hex') }, uses)).toBeUndefined();
    expect(refusal({ HUB_KEY_ENCRYPTION_KEY_PREVIOUS: 'old' }, uses)).toMatch(/HUB_KEY_ENCRYPTION_KEY_PREVIOUS must be 32 bytes/);
  });

  it('reads the key-encryption key as 32 bytes in hex or base64, and refuses anything else in every environment', () => {
    process.env.NODE_ENV = 'development';
    const key = randomBytes(32);
    for (const written of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) {
      process.env.HUB_KEY_ENCRYPTION_KEY = written;
      expect(keyEncryptionKey().key.equals(key)).toBe(true);
    }
    process.env.HUB_KEY_ENCRYPTION_KEY = randomBytes(16).toString('hex');
    expect(() => keyEncryptionKey()).toThrow(/HUB_KEY_ENCRYPTION_KEY must be 32 bytes.*it decodes to 16 bytes/);
    process.env.HUB_KEY_ENCRYPTION_KEY = 'not a key!';
    expect(() => keyEncryptionKey()).toThrow(/neither hex nor base64/);
  });

  it('seals a private key with no PEM left, opens it only at its own row and with its own key, and says which key it needs', async () => {
    delete process.env.NODE_ENV;
    process.env.HUB_KEY_ENCRYPTION_KEY = strong();
    const { privateKeyPem } = await newRsaKeyPair();
    const sealed = sealPrivateKey(privateKeyPem, 'certificate_key/a');
    expect(sealed).toMatch(/^kek1:[0-9a-f]{8}:/);
    expect(sealed).not.toMatch(/PRIVATE KEY/);
    expect(Buffer.from(sealed.split(':')[4], 'base64').toString('latin1')).not.toMatch(/PRIVATE KEY/);
    expect(sealPrivateKey(privateKeyPem, 'certificate_key/a')).not.toBe(sealed); // a fresh IV each time
    expect(openPrivateKey(sealed, 'certificate_key/a')).toBe(privateKeyPem);
    expect(() => openPrivateKey(sealed, 'certificate_key/b')).toThrow(/certificate_key\/b does not open .*changed or copied from another row/);
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[4], 'base64');
    flipped[10] ^= 1;
    expect(() => openPrivateKey([...parts.slice(0, 4), flipped.toString('base64')].join(':'), 'certificate_key/a')).toThrow(/does not open/);
    const sealedWith = keyEncryptionKey().id;
    process.env.HUB_KEY_ENCRYPTION_KEY = strong();
    expect(() => openPrivateKey(sealed, 'certificate_key/a')).toThrow(new RegExp(`sealed with key-encryption key ${sealedWith}, but HUB_KEY_ENCRYPTION_KEY is key ${keyEncryptionKey().id}`));
    delete process.env.HUB_KEY_ENCRYPTION_KEY;
    expect(() => openPrivateKey(sealed, 'certificate_key/a')).toThrow(/the development key: the variable is not set/);
    expect(() => openPrivateKey(privateKeyPem, 'certificate_key/a')).toThrow(/not sealed/);
  });
});
