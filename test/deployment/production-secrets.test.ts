import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { keyEncryptionKey } from '../../services/core/secrets';
import { SUBGRAPHS } from '../../services/registry';

/**
 * Every process of the hub, run from its built entry point as production runs it
 * (NODE_ENV=production): it refuses to start with a missing, short or development secret, with a
 * message that names the variable and never shows the value, and starts with good secrets.
 * Issue 11, item 12.
 */
const root = projectRoot();
const PROGRAMS: Record<string, string> = {
  gateway: resolve(root, 'dist/gateway/main.js'),
  ...Object.fromEntries(SUBGRAPHS.map((definition) => [definition.name, resolve(root, `dist/services/${definition.name}/main.js`)])),
};
const strong = () => randomBytes(32).toString('base64');

/** A data folder with development secrets in it, as `npm start` leaves one. */
const dataFolder = mkdtempSync(join(tmpdir(), 'hub-production-'));
const development = { internal: randomBytes(32).toString('base64url'), devJwt: randomBytes(32).toString('base64url') };
writeFileSync(join(dataFolder, 'dev-secrets.json'), JSON.stringify(development), { mode: 0o600 });

const baseEnvironment = () => ({ PATH: process.env.PATH ?? '', NODE_ENV: 'production', HUB_DATA_DIR: dataFolder, HOST: '127.0.0.1' });

/** Runs a process that should refuse to start; its exit status and what it wrote. */
function refused(program: string, environment: Record<string, string>) {
  const run = spawnSync(process.execPath, [PROGRAMS[program]], {
    env: { ...baseEnvironment(), PORT: '0', ...environment },
    cwd: dataFolder,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

describe('processes in production', () => {
  beforeAll(() => {
    for (const program of Object.values(PROGRAMS)) expect({ program, built: existsSync(program) }).toEqual({ program, built: true });
  });

  const cases: [string, Record<string, string>, RegExp, string][] = [
    ['no HUB_INTERNAL_SECRET', {}, /HUB_INTERNAL_SECRET is not set/, ''],
    ['a short HUB_INTERNAL_SECRET', { HUB_INTERNAL_SECRET: 'short-internal-secret-x' }, /HUB_INTERNAL_SECRET is too short: 23 characters/, 'short-internal-secret-x'],
    // The issue's example; one letter is in any output, so only the refusal is checked.
    ['HUB_INTERNAL_SECRET=x', { HUB_INTERNAL_SECRET: 'x' }, /HUB_INTERNAL_SECRET is too short: 1 character/, ''],
    ['the development HUB_INTERNAL_SECRET', { HUB_INTERNAL_SECRET: development.internal }, /HUB_INTERNAL_SECRET is a development secret/, development.internal],
  ];
  describe.each(Object.keys(PROGRAMS))('%s', (program) => {
    it.each(cases)('refuses to start with %s, naming it and not showing it', (_name, environment, message, secret) => {
      // The documents subgraph is given a good key-encryption key, so the internal secret is what fails.
      const extra: Record<string, string> = program === 'documents' ? { HUB_KEY_ENCRYPTION_KEY: strong() } : {};
      const run = refused(program, { ...extra, ...environment });
      expect(run.output).toMatch(message);
      expect(run.status).not.toBe(0);
      if (secret) expect(run.output).not.toContain(secret);
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no key-encryption key', {}, /HUB_KEY_ENCRYPTION_KEY is not set/],
    ['a 16-byte key-encryption key', { HUB_KEY_ENCRYPTION_KEY: randomBytes(16).toString('base64') }, /HUB_KEY_ENCRYPTION_KEY must be 32 bytes.*16 bytes/],
    ['the development key-encryption key', { HUB_KEY_ENCRYPTION_KEY: keyEncryptionKeyOfDevelopment() }, /HUB_KEY_ENCRYPTION_KEY is the development key/],
  ])('the documents subgraph refuses to start with %s', (_name, environment, message) => {
    const run = refused('documents', { HUB_INTERNAL_SECRET: strong(), ...environment });
    expect(run.output).toMatch(message);
    expect(run.status).not.toBe(0);
    if (environment.HUB_KEY_ENCRYPTION_KEY) expect(run.output).not.toContain(environment.HUB_KEY_ENCRYPTION_KEY);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a short HUB_CLIENT_TOKEN_SECRET', { HUB_CLIENT_TOKEN_SECRET: 'client-secret' }, /HUB_CLIENT_TOKEN_SECRET is too short/],
    ['the development HUB_DEV_JWT_SECRET', { HUB_DEV_JWT_SECRET: development.devJwt }, /HUB_DEV_JWT_SECRET is a development secret/],
    ['a short HUB_DEV_JWT_SECRET', { HUB_DEV_JWT_SECRET: 'dev-secret' }, /HUB_DEV_JWT_SECRET is too short/],
  ])('the gateway refuses to start with %s', (_name, environment, message) => {
    const run = refused('gateway', { HUB_INTERNAL_SECRET: strong(), ...environment });
    expect(run.output).toMatch(message);
    expect(run.status).not.toBe(0);
    for (const value of Object.values(environment)) expect(run.output).not.toContain(value);
  });

  describe('with good secrets', () => {
    const children: ChildProcess[] = [];
    afterAll(() => children.forEach((child) => child.kill('SIGTERM')));

    async function started(program: string, port: number, environment: Record<string, string>) {
      const log: string[] = [];
      const child = spawn(process.execPath, [PROGRAMS[program]], { env: { ...baseEnvironment(), PORT: String(port), ...environment }, cwd: dataFolder });
      children.push(child);
      child.stdout?.on('data', (chunk) => log.push(String(chunk)));
      child.stderr?.on('data', (chunk) => log.push(String(chunk)));
      for (let attempt = 0; attempt < 600; attempt += 1) {
        if (child.exitCode !== null) throw new Error(`${program} exited:\n${log.join('')}`);
        try {
          const health = await fetch(`http://127.0.0.1:${port}/health`);
          return { status: health.status, body: (await health.json()) as Record<string, unknown> };
        } catch {
          // not listening yet
        }
        await new Promise((done) => setTimeout(done, 200));
      }
      throw new Error(`${program} never answered:\n${log.join('')}`);
    }

    it('each process starts, and every /health answers ok', async () => {
      const secrets = { HUB_INTERNAL_SECRET: strong() };
      const ports: Record<string, number> = {};
      for (const definition of SUBGRAPHS) ports[definition.name] = await freePort();
      const urls = Object.fromEntries(SUBGRAPHS.map((definition) => [`${definition.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[definition.name]}/graphql`]));
      const folder = mkdtempSync(join(tmpdir(), 'hub-production-db-'));
      for (const definition of SUBGRAPHS) {
        const health = await started(definition.name, ports[definition.name], {
          ...secrets,
          ...(definition.name === 'documents' ? { HUB_KEY_ENCRYPTION_KEY: strong() } : {}),
          DATABASE_URL: `sqlite:${join(folder, `${definition.name}.sqlite`)}`,
          HUB_SEED_DEMO: 'false',
          INSTITUTIONS_URL: urls.INSTITUTIONS_URL,
        });
        expect({ program: definition.name, ...health }).toMatchObject({ program: definition.name, status: 200, body: { status: 'ok', service: definition.name } });
      }
      const gateway = await started('gateway', await freePort(), { ...secrets, HUB_CLIENT_TOKEN_SECRET: strong(), HUB_DEV_JWT_SECRET: strong(), ...urls });
      expect(gateway).toMatchObject({ status: 200, body: { status: 'ok', subgraphs: Object.fromEntries(SUBGRAPHS.map((definition) => [definition.name, 'ok'])) } });
      // Five processes started one after another: minutes on a machine whose cores are busy.
    }, 600_000);
  });
});

/** The development key-encryption key, as someone might copy it into production (hex). */
function keyEncryptionKeyOfDevelopment(): string {
  const saved = process.env.HUB_KEY_ENCRYPTION_KEY;
  delete process.env.HUB_KEY_ENCRYPTION_KEY;
  try {
    return keyEncryptionKey().key.toString('hex');
  } finally {
    if (saved !== undefined) process.env.HUB_KEY_ENCRYPTION_KEY = saved;
  }
}
