import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Every environment variable the hub reads goes through `env()`, so the names are greppable
 * (the docker-compose test checks that each variable the compose file sets is read here).
 */
export function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export function envBool(name: string, fallback: boolean): boolean {
  const raw = env(name);
  if (raw === undefined) return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export const isProduction = () => env('NODE_ENV') === 'production';

/**
 * The repository folder: the nearest folder above this file with a package.json. Code runs
 * from dist/ (built) and from the sources (ts-jest), so paths are never counted in '../'.
 */
export function projectRoot(): string {
  let folder = __dirname;
  while (!existsSync(resolve(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${__dirname}`);
    folder = parent;
  }
  return folder;
}

/** Where the embedded default keeps its SQLite files and development secrets. */
export const dataDir = () => resolve(env('HUB_DATA_DIR') ?? 'data');

interface DevSecrets {
  internal: string;
  devJwt: string;
}

let devSecrets: DevSecrets | undefined;

/**
 * Development secrets are made once per data folder and kept there, so the gateway, the
 * subgraphs and the token command agree without configuration. Production must set them.
 */
function loadDevSecrets(): DevSecrets {
  if (devSecrets) return devSecrets;
  const file = resolve(dataDir(), 'dev-secrets.json');
  if (existsSync(file)) {
    devSecrets = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  } else {
    const fresh = { internal: randomBytes(32).toString('base64url'), devJwt: randomBytes(32).toString('base64url') };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
      devSecrets = fresh;
    } catch (error) {
      // Another process of the hub made the file first: use its secrets.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      devSecrets = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    }
  }
  return devSecrets;
}

function secret(configured: string | undefined, name: string, devKey: keyof DevSecrets): string {
  if (configured) return configured;
  if (isProduction()) throw new Error(`${name} must be set when NODE_ENV=production`);
  return loadDevSecrets()[devKey];
}

/** Key the gateway signs forwarded principals with and the subgraphs verify them with. */
export const internalSecret = () => secret(env('HUB_INTERNAL_SECRET'), 'HUB_INTERNAL_SECRET', 'internal');

/** HS256 key of the hub's own development tokens (`npm run token`). Off in production unless set. */
export function devJwtSecret(): string | undefined {
  if (isProduction()) return env('HUB_DEV_JWT_SECRET');
  return secret(env('HUB_DEV_JWT_SECRET'), 'HUB_DEV_JWT_SECRET', 'devJwt');
}

/**
 * Deadline of one call between the hub's own processes (audit appends, institutions lookups), in
 * milliseconds: `HUB_INTERNAL_TIMEOUT_MS`, default 30,000. Generous, because a busy machine
 * delays an answer without anything being wrong; a process that is down still fails at once.
 */
export const internalCallTimeoutMs = () => envInt('HUB_INTERNAL_TIMEOUT_MS', 30_000);
