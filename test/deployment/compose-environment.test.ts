import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { freshDatabaseUrl } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';

/**
 * No Docker engine runs here, so the compose file's configuration is proven by running the
 * built programs directly with the environment docker-compose.yml gives them: MariaDB by
 * DATABASE_URL, production mode, secrets and URLs from variables, nothing else. Production is
 * safe by default: every process is ready (the probe the compose health checks ask), no demo
 * data is loaded and introspection is off.
 */
const root = projectRoot();
const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command: string[]; environment: Record<string, string> }>;
};

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Resolves `${NAME:-default}` and `${NAME:?message}` the way docker-compose does, from `values`. */
function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, operator?: string, rest?: string) =>
    values[name] ?? (operator === '-' ? rest ?? '' : ''),
  );
}

async function waitFor(url: string, child: ChildProcess, log: string[]) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${log.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} never answered:\n${log.join('')}`);
}

describe('the services under the environment docker-compose.yml gives them', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill('SIGTERM')));

  function start(service: string, environment: Record<string, string>) {
    const program = resolve(root, compose.services[service].command[1]);
    expect(existsSync(program)).toBe(true);
    const log: string[] = [];
    const child = spawn(process.execPath, [program], { env: { PATH: process.env.PATH ?? '', ...environment }, cwd: root });
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    children.push(child);
    return { child, log };
  }

  it('serves the graph from MariaDB in production mode with only those variables', async () => {
    // Production refuses secrets shorter than 32 characters (services/core/secrets.ts).
    const values: Record<string, string> = {
      HUB_INTERNAL_SECRET: randomBytes(32).toString('base64'),
      HUB_DEV_JWT_SECRET: randomBytes(32).toString('base64'),
      HUB_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      MARIADB_ROOT_PASSWORD: randomBytes(32).toString('hex'),
      HUB_DB_PASSWORD: randomBytes(32).toString('hex'),
      REDIS_PASSWORD: randomBytes(32).toString('hex'),
    };
    const ports: Record<string, number> = {};
    for (const definition of SUBGRAPHS) ports[definition.name] = await freePort();
    const gatewayPort = await freePort();
    const environmentOf = async (service: string): Promise<Record<string, string>> => {
      const environment: Record<string, string> = { HOST: '127.0.0.1' };
      for (const [name, value] of Object.entries(compose.services[service].environment)) {
        let resolved = interpolate(String(value), values);
        // Compose's service names become this machine's addresses and free ports.
        if (name === 'DATABASE_URL') resolved = await freshDatabaseUrl('mariadb', `compose_${service}`);
        // This machine's Redis has no password.
        if (name === 'REDIS_URL') resolved = 'redis://127.0.0.1:6379';
        for (const [subgraph, port] of Object.entries(ports)) {
          resolved = resolved.replace(new RegExp(`http://${subgraph}:\\d+`), `http://127.0.0.1:${port}`);
        }
        environment[name] = resolved;
      }
      environment.PORT = String(service === 'gateway' ? gatewayPort : ports[service]);
      return environment;
    };

    for (const definition of SUBGRAPHS) {
      const environment = await environmentOf(definition.name);
      expect(environment.NODE_ENV).toBe('production');
      const running = start(definition.name, environment);
      await waitFor(`http://127.0.0.1:${ports[definition.name]}/ready`, running.child, running.log);
    }
    const gateway = start('gateway', await environmentOf('gateway'));
    await waitFor(`http://127.0.0.1:${gatewayPort}/ready`, gateway.child, gateway.log);

    // No demo data (no agencies), but the official unit trees, which are reference data (migrations).
    const result = await postGraphQL<any>(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      '{ unit(code: "62") { name validTo } units(level: PROVINCE) { totalCount } agencies: unit(code: "51") { procedureCatalog { total } } }',
    );
    expect(result).toMatchObject({ status: 200, data: { unit: { name: 'Kon Tum', validTo: '2025-06-30' }, units: { totalCount: 34 } } });
    expect(result.data.agencies.procedureCatalog.total).toBe(0);
    // Introspection off.
    const introspection = await postGraphQL<any>(`http://127.0.0.1:${gatewayPort}/graphql`, '{ __schema { queryType { name } } }');
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.status).toBeGreaterThanOrEqual(400);
    expect(introspection.status).toBeLessThan(500);
    const health: any = await (await fetch(`http://127.0.0.1:${gatewayPort}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', subgraphs: Object.fromEntries(SUBGRAPHS.map((definition) => [definition.name, 'ok'])) });
  });
});
