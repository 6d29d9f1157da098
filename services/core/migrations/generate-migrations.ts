import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../database';
import { projectRoot } from '../config';
import type { SubgraphDefinition } from '../subgraph-definition';
import { DATABASE_KINDS, type DatabaseKind } from './driver-migrations';

/** One migration file written by `generateMigrations`. */
export interface GeneratedMigration {
  subgraph: string;
  kind: DatabaseKind;
  /** Path from the repository folder. */
  file: string;
}

/** The folder of a subgraph's migrations: `services/<subgraph>/migrations/`, one folder per database kind in it. */
export const migrationsFolder = (subgraph: string) => resolve(projectRoot(), 'services', subgraph, 'migrations');

/** A migration name: PascalCase letters and digits (it becomes a class name). */
const NAME = /^[A-Z][A-Za-z0-9]*$/;

/** SQL inside a template literal, unchanged once the literal is read. */
const literal = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

interface Query {
  query: string;
  parameters?: unknown[];
}
const statement = (query: Query) =>
  `    await queryRunner.query(${literal(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`;

/**
 * The source of one migration: the schema builder's statements, and for a subgraph's first
 * migration the check that adopts a database the previous release's `synchronize` made
 * (previous-release.ts) with that release's tables and columns.
 */
function migrationSource(options: { className: string; name: string; subgraph: string; kind: DatabaseKind; up: Query[]; down: Query[]; previousRelease?: Record<string, string[]> }) {
  const { className, name, subgraph, kind, up, down, previousRelease } = options;
  const driver = kind === 'mariadb' ? 'MariaDB' : 'SQLite';
  const lines = [
    `import type { MigrationInterface, QueryRunner } from 'typeorm';`,
    ...(previousRelease ? [`import { holdsPreviousRelease, type ReleaseTables } from '../../../core/migrations/previous-release';`] : []),
    '',
  ];
  if (previousRelease) {
    lines.push(
      '/** The tables and columns the previous release made with `synchronize`: this migration creates them. */',
      'const PREVIOUS_RELEASE: ReleaseTables = {',
      ...Object.entries(previousRelease).map(([table, columns]) => `  ${table}: [${columns.map((column) => `'${column}'`).join(', ')}],`),
      '};',
      '',
    );
  }
  lines.push(
    `/** ${name} (${subgraph}, ${driver}): written by \`npm run migration:generate -- ${name}\` from the entities; reviewed before commit. */`,
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    '',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    ...(previousRelease ? ['    // A database made by the previous release keeps its tables and rows: nothing to create.', '    if (await holdsPreviousRelease(queryRunner, PREVIOUS_RELEASE)) return;'] : []),
    ...up.map(statement),
    '  }',
    '',
    '  async down(queryRunner: QueryRunner): Promise<void> {',
    ...down.map(statement),
    '  }',
    '}',
    '',
  );
  return lines.join('\n');
}

/** Rewrites `services/<subgraph>/migrations/index.ts` from the files in its kind folders, oldest first. */
export function writeMigrationIndex(subgraph: string) {
  const folder = migrationsFolder(subgraph);
  const imports: string[] = [];
  const lists: Record<DatabaseKind, string[]> = { mariadb: [], sqlite: [] };
  for (const kind of DATABASE_KINDS) {
    const kindFolder = join(folder, kind);
    const files = existsSync(kindFolder) ? readdirSync(kindFolder).filter((file) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(file)).sort() : [];
    for (const file of files) {
      const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
      const alias = `${kind}${name}${timestamp}`;
      imports.push(`import { ${name}${timestamp} as ${alias} } from './${kind}/${file.replace(/\.ts$/, '')}';`);
      lists[kind].push(alias);
    }
  }
  const source = [
    '// Written by `npm run migration:generate` from the files beside it; not edited by hand.',
    `import type { DriverMigrations } from '../../core/migrations/driver-migrations';`,
    ...imports,
    '',
    `/** The ${subgraph} subgraph's migrations, oldest first, one list per database kind (README, "Migrations"). */`,
    `export const ${subgraph}Migrations: DriverMigrations = {`,
    ...DATABASE_KINDS.map((kind) => `  ${kind}: [${lists[kind].join(', ')}],`),
    '};',
    '',
  ].join('\n');
  writeFileSync(join(folder, 'index.ts'), source);
}

/** An empty scratch database of one kind; `drop` removes it. */
async function scratchDatabase(kind: DatabaseKind, subgraph: string, mysqlServer: string) {
  if (kind === 'sqlite') return { url: `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-migration-')), `${subgraph}.sqlite`)}`, drop: async () => {} };
  const database = `hub_migration_scratch_${subgraph}_${process.pid}`;
  const server = new URL(mysqlServer);
  const admin = async (sql: string) => {
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS \`${database}\``);
  return { url: `${mysqlServer.replace(/\/$/, '')}/${database}`, drop: () => admin(`DROP DATABASE IF EXISTS \`${database}\``) };
}

/** What the schema builder would still change in a database that ran every migration: the statements of the next one. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: Query[]; down: Query[] }> {
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  return { up: upQueries, down: [...downQueries].reverse() };
}

/**
 * `npm run migration:generate -- <Name>`: for every subgraph and both database kinds, migrates an
 * empty scratch database (a temporary SQLite file; a database on `mysqlServer`) with the
 * migrations checked in, asks TypeORM's schema builder what the entities still need, and writes
 * that as `services/<subgraph>/migrations/<kind>/<timestamp>-<Name>.ts` with its `down`, then
 * rewrites the subgraph's migrations index. Subgraphs and kinds with nothing to change get no file.
 */
export async function generateMigrations(name: string, subgraphs: SubgraphDefinition[], mysqlServer: string): Promise<GeneratedMigration[]> {
  if (!NAME.test(name)) throw new Error(`A migration name is PascalCase letters and digits, like AddUnitLineage; got "${name}"`);
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const written: GeneratedMigration[] = [];
  for (const definition of subgraphs) {
    for (const kind of DATABASE_KINDS) {
      const scratch = await scratchDatabase(kind, definition.name, mysqlServer);
      try {
        const dataSource = await openDatabase({ name: definition.name, url: scratch.url, entities: definition.entities, migrations: definition.migrations, migrate: true, schemaTools: true });
        try {
          const { up, down } = await pendingSchemaChanges(dataSource);
          if (up.length === 0) continue;
          const first = definition.migrations[kind].length === 0;
          const previousRelease = first
            ? Object.fromEntries(dataSource.entityMetadatas.map((metadata) => [metadata.tableName, metadata.columns.map((column) => column.databaseName)]))
            : undefined;
          const folder = join(migrationsFolder(definition.name), kind);
          mkdirSync(folder, { recursive: true });
          const file = join(folder, `${timestamp}-${name}.ts`);
          writeFileSync(file, migrationSource({ className, name, subgraph: definition.name, kind, up, down, previousRelease }));
          written.push({ subgraph: definition.name, kind, file: relative(projectRoot(), file) });
        } finally {
          await dataSource.destroy();
        }
      } finally {
        await scratch.drop();
      }
    }
    if (written.some((migration) => migration.subgraph === definition.name)) writeMigrationIndex(definition.name);
  }
  return written;
}
