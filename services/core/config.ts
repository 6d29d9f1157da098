import { existsSync } from 'node:fs';
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

/** Where the embedded default keeps its SQLite files and development secrets (`secrets.ts`). */
export const dataDir = () => resolve(env('HUB_DATA_DIR') ?? 'data');

/**
 * Deadline of one call between the hub's own processes (audit appends, institutions lookups), in
 * milliseconds: `HUB_INTERNAL_TIMEOUT_MS`, default 30,000. Generous, because a busy machine
 * delays an answer without anything being wrong; a process that is down still fails at once.
 */
export const internalCallTimeoutMs = () => envInt('HUB_INTERNAL_TIMEOUT_MS', 30_000);
