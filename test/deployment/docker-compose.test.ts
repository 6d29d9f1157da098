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
const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string> }>;
};

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

const hubServices = Object.entries(compose.services).filter(([name]) => name !== 'mariadb');

describe('docker-compose.yml', () => {
  const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  const haveDockerCompose = dockerCompose.status === 0;

  const requiredSecrets = { HUB_INTERNAL_SECRET: 'a-long-random-secret-of-32-characters+', HUB_KEY_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=' };

  (haveDockerCompose ? it : it.skip)('is valid for docker-compose config -q when its required secrets are given', () => {
    const valid = spawnSync('docker-compose', ['-f', composeFile, 'config', '-q'], {
      env: { ...process.env, ...requiredSecrets },
      encoding: 'utf8',
    });
    expect(valid.stderr).toBe('');
    expect(valid.status).toBe(0);
  });

  (haveDockerCompose ? it.each(Object.keys(requiredSecrets)) : it.skip.each(Object.keys(requiredSecrets)))('refuses to start without %s', (name) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...requiredSecrets };
    delete env[name];
    const invalid = spawnSync('docker-compose', ['-f', composeFile, 'config', '-q'], { env, encoding: 'utf8' });
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toMatch(new RegExp(name));
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
        expect({ variable: name, read: read.has(name) }).toEqual({ variable: name, read: true });
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

  it('builds from a Dockerfile that compiles with tsc and runs as an unprivileged user', () => {
    const dockerfile = readFileSync(resolve(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npx tsc -p \./);
    expect(dockerfile).toMatch(/USER node/);
  });
});
