import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { reformTree } from '../../services/core/demo/reform-2025';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { projectRoot } from '../../services/core/config';
import { openDatabase } from '../../services/core/database';
import { databaseKindOf, type DatabaseKind } from '../../services/core/migrations/driver-migrations';
import { pendingSchemaChanges } from '../../services/core/migrations/generate-migrations';
import { PendingMigrationsError } from '../../services/core/migrations/run-migrations';
import type { SubgraphDefinition } from '../../services/core/subgraph-definition';
import { SUBGRAPHS } from '../../services/registry';
import { DATABASES, freshDatabaseUrl } from '../support/databases';
import { readTemplates } from '../support/templates';

/**
 * Versioned migrations (README, "Migrations"): an empty database migrated to this version holds
 * what the entities describe, and a database the previous release made keeps every row through
 * `npm run migrate`.
 */
const MIGRATE = resolve(projectRoot(), 'dist/scripts/migrate.js');

/** A subgraph's database; `schemaTools` (default) opens MariaDB with the type whose schema reading is right (services/core/database.ts). */
const open = (definition: SubgraphDefinition, url: string, migrate: boolean | 'never' = true, schemaTools = true) =>
  openDatabase({ name: definition.name, url, entities: definition.entities, migrations: definition.migrations, migrate, schemaTools });

const tablesOf = async (dataSource: DataSource): Promise<string[]> =>
  dataSource.options.type === 'better-sqlite3'
    ? (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map((row: { name: string }) => row.name)
    : (await dataSource.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name')).map((row: { name: string }) => row.name);

/**
 * A schema as a comparable value: each table's columns (type, null, default) and indexes (unique,
 * columns in order), whatever order they were made in. The migrations table is left out.
 */
async function schemaOf(dataSource: DataSource) {
  const schema: Record<string, { columns: Record<string, string>; indexes: Record<string, string> }> = {};
  for (const table of await tablesOf(dataSource)) {
    if (table === 'migrations') continue;
    const columns: Record<string, string> = {};
    const indexes: Record<string, string> = {};
    if (dataSource.options.type === 'better-sqlite3') {
      for (const column of await dataSource.query(`PRAGMA table_info("${table}")`)) {
        columns[column.name] = `${column.type} notnull=${column.notnull} default=${column.dflt_value} pk=${column.pk}`;
      }
      for (const index of await dataSource.query(`PRAGMA index_list("${table}")`)) {
        const parts = (await dataSource.query(`PRAGMA index_info("${index.name}")`)) as { seqno: number; name: string }[];
        // SQLite names the indexes behind UNIQUE and PRIMARY KEY constraints itself: by table and position, the same either way.
        indexes[index.name] = `unique=${index.unique} origin=${index.origin} (${parts.sort((a, b) => a.seqno - b.seqno).map((part) => part.name).join(', ')})`;
      }
    } else {
      const rows = await dataSource.query(
        'SELECT column_name AS name, column_type AS type, is_nullable AS nullable, column_default AS dflt, extra, collation_name AS collation FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
        [table],
      );
      for (const column of rows) columns[column.name] = `${column.type} nullable=${column.nullable} default=${column.dflt} ${column.extra} ${column.collation}`;
      const parts = await dataSource.query(
        'SELECT index_name AS name, non_unique AS nonUnique, column_name AS columnName FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? ORDER BY index_name, seq_in_index',
        [table],
      );
      for (const part of parts) {
        const head = `unique=${Number(part.nonUnique) === 0} (`;
        indexes[part.name] = indexes[part.name] ? indexes[part.name].replace(/\)$/, `, ${part.columnName})`) : `${head}${part.columnName})`;
      }
    }
    schema[table] = { columns, indexes };
  }
  return schema;
}

/** What the database recorded as run, oldest first. */
const executed = async (dataSource: DataSource) =>
  (await dataSource.query('SELECT name FROM migrations ORDER BY id')).map((row: { name: string }) => row.name) as string[];

const migrationNames = (definition: SubgraphDefinition, kind: DatabaseKind) => definition.migrations[kind].map((migration) => new migration().name!);

describe.each(DATABASES)('migrations on %s', (kind) => {
  describe.each(SUBGRAPHS.map((definition) => [definition.name, definition] as const))('%s', (_name, definition) => {
    it('migrate an empty database to exactly what the entities describe, and what synchronize made', async () => {
      const migrated = await open(definition, await freshDatabaseUrl(kind, `migrated_${definition.name}`));
      // As the previous release opened it: the processes' own MariaDB type.
      const synchronized = await open(definition, await freshDatabaseUrl(kind, `synchronized_${definition.name}`), 'never', false);
      try {
        expect(await executed(migrated)).toEqual(migrationNames(definition, kind));
        // TypeORM's schema builder, asked what the entities still need: nothing.
        expect((await pendingSchemaChanges(migrated)).up.map((query) => query.query)).toEqual([]);
        // The same tables, columns and indexes as TypeORM's synchronize makes from the entities.
        await synchronized.synchronize();
        const schema = await schemaOf(migrated);
        expect(Object.keys(schema).sort()).toEqual(synchronized.entityMetadatas.map((metadata) => metadata.tableName).sort());
        expect(schema).toEqual(await schemaOf(synchronized));
      } finally {
        await migrated.destroy();
        await synchronized.destroy();
      }
    });
  });

  // MariaDB only: a SQLite file has one process (README, "Migrations").
  (kind === 'mariadb' ? it : it.skip)('two processes starting together on one database migrate it once', async () => {
    const [definition] = SUBGRAPHS;
    const url = await freshDatabaseUrl(kind, `together_${definition.name}`);
    const both = await Promise.all([open(definition, url), open(definition, url)]);
    try {
      expect(await executed(both[0])).toEqual(migrationNames(definition, kind));
    } finally {
      await Promise.all(both.map((dataSource) => dataSource.destroy()));
    }
  });

  it('a process whose database is behind refuses to start when it may not migrate, and names npm run migrate', async () => {
    const [definition] = SUBGRAPHS;
    const url = await freshDatabaseUrl(kind, `behind_${definition.name}`);
    const refusal = await open(definition, url, false).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PendingMigrationsError);
    expect(String(refusal)).toContain('npm run migrate');
    const untouched = await open(definition, url, 'never');
    try {
      expect(await tablesOf(untouched)).toEqual([]);
    } finally {
      await untouched.destroy();
    }
  });

  it('a subgraph process with HUB_MIGRATE_ON_START=0 on a database behind exits 1 with that message, no stack trace', async () => {
    const [definition] = SUBGRAPHS;
    const run = spawnSync(process.execPath, [resolve(projectRoot(), `dist/services/${definition.name}/main.js`)], {
      env: { ...process.env, HUB_MIGRATE_ON_START: '0', DATABASE_URL: await freshDatabaseUrl(kind, `refused_${definition.name}`), PORT: '0' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.status).toBe(1);
    // The process logs it as one JSON line (services/core/observability/logger.ts).
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toMatch(/behind this version: \d+ migration\(s\) pending \(Initial\d{13}[,)].*Run `npm run migrate`/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/"stack"/);
  });

  it('a database with some of the previous release\'s tables but not all is refused, and nothing is created', async () => {
    const definition = SUBGRAPHS.find((subgraph) => subgraph.name === 'institutions')!;
    const url = await freshDatabaseUrl(kind, `partial_${definition.name}`);
    const partial = await open(definition, url, 'never');
    try {
      await partial.query(kind === 'sqlite' ? 'CREATE TABLE "agency" ("id" varchar(40) PRIMARY KEY NOT NULL)' : 'CREATE TABLE `agency` (`id` varchar(40) NOT NULL PRIMARY KEY)');
    } finally {
      await partial.destroy();
    }
    await expect(open(definition, url)).rejects.toThrow(/not the previous release's schema \(missing: .*agency\.name/);
    const after = await open(definition, url, 'never');
    try {
      expect(await tablesOf(after)).toEqual(['agency', 'migrations']);
    } finally {
      await after.destroy();
    }
  });
});

/**
 * The previous release made its tables with `synchronize` and kept no migration history. Its
 * schema is what each subgraph's first migration creates (the test above proves it equal to
 * `synchronize` at the release that introduced migrations), so such a database is made here by
 * running that migration alone and keeping no history, then filled with the demo rows of this
 * run's templates (the columns that release had).
 */
const PREVIOUS_RELEASE = (definition: SubgraphDefinition, kind: DatabaseKind) => definition.migrations[kind][0];

/**
 * What the previous release held of a table that this run's demo data has more of: the
 * pre-reform tree alone (its codes were unique). The TwoTierUnits migration then sets those
 * units' `validTo`, drops `successorId` (null in every row: lineage is a table of its own now)
 * and adds the two-tier tree: every other column of every previous row stays.
 */
const PREVIOUS_ROWS: Record<string, { where: string; upgraded: string[] }> = {
  administrative_unit: { where: `id NOT LIKE '%@%'`, upgraded: ['validTo', 'successorId'] },
};
const whereOf = (table: string) => (PREVIOUS_ROWS[table] ? ` WHERE ${PREVIOUS_ROWS[table].where}` : '');
const keptColumns = (table: string, columns: string[]) => columns.filter((column) => !PREVIOUS_ROWS[table]?.upgraded.includes(column));

/** Every row of every table, by table: the count and a SHA-256 over the rows in primary-key order (the given columns only). */
async function fingerprint(dataSource: DataSource, columnsOf: Record<string, string[]>) {
  const queryRunner = dataSource.createQueryRunner();
  const prints: Record<string, { rows: number; sha256: string }> = {};
  try {
    for (const [table, columns] of Object.entries(columnsOf)) {
      const key = (await queryRunner.getTable(table))!.primaryColumns.map((column) => column.name);
      const escape = (name: string) => dataSource.driver.escape(name);
      const hash = createHash('sha256');
      let rows = 0;
      for (let offset = 0; ; offset += 20_000) {
        const page = await dataSource.query(
          `SELECT ${keptColumns(table, columns).map(escape).join(', ')} FROM ${escape(table)}${whereOf(table)} ORDER BY ${key.map(escape).join(', ')} LIMIT 20000 OFFSET ${offset}`,
        );
        for (const row of page) hash.update(JSON.stringify(keptColumns(table, columns).map((column) => row[column])));
        rows += page.length;
        if (page.length < 20_000) break;
      }
      prints[table] = { rows, sha256: hash.digest('hex') };
    }
  } finally {
    await queryRunner.release();
  }
  return prints;
}

/**
 * Copies the demo rows of this run's template into `dataSource`'s tables, in the columns both
 * have (a column the release had and this one dropped stays empty), as the release held them.
 */
async function copyDemoRows(dataSource: DataSource, kind: DatabaseKind, template: string, columnsOf: Record<string, string[]>) {
  const escape = (name: string) => dataSource.driver.escape(name);
  if (kind === 'sqlite') await dataSource.query(`ATTACH DATABASE ? AS template`, [template]);
  try {
    for (const [table, columns] of Object.entries(columnsOf)) {
      const source = kind === 'sqlite' ? `template.${escape(table)}` : `${escape(template)}.${escape(table)}`;
      const templateColumns: string[] =
        kind === 'sqlite'
          ? (await dataSource.query(`PRAGMA template.table_info(${escape(table)})`)).map((row: { name: string }) => row.name)
          : (await dataSource.query(`SHOW COLUMNS FROM ${source}`)).map((row: { Field: string }) => row.Field);
      const shared = columns.filter((column) => templateColumns.includes(column));
      const list = shared.map(escape).join(', ');
      // The release's units had no validTo: the migration gives it.
      const values = shared.map((column) => (PREVIOUS_ROWS[table]?.upgraded.includes(column) ? 'NULL' : escape(column))).join(', ');
      await dataSource.query(`INSERT INTO ${escape(table)} (${list}) SELECT ${values} FROM ${source}${whereOf(table)}`);
    }
  } finally {
    if (kind === 'sqlite') await dataSource.query('DETACH DATABASE template');
  }
}

describe.each(DATABASES)('npm run migrate on the previous release\'s %s databases', (kind) => {
  // Some 300,000 rows are copied and read twice: minutes on a busy machine.
  jest.setTimeout(900_000);

  it('keeps every row of every subgraph, and leaves nothing pending', async () => {
    expect(existsSync(MIGRATE)).toBe(true);
    const templates = readTemplates();
    if (!templates) throw new Error('no demo templates: run through jest, whose global setup builds them');
    const urls: Record<string, string> = {};
    const before: Record<string, Awaited<ReturnType<typeof fingerprint>>> = {};
    const columns: Record<string, Record<string, string[]>> = {};
    for (const definition of SUBGRAPHS) {
      const url = (urls[definition.name] = await freshDatabaseUrl(kind, `release_${definition.name}`));
      const dataSource = await open(definition, url, 'never');
      try {
        const queryRunner = dataSource.createQueryRunner();
        try {
          await new (PREVIOUS_RELEASE(definition, kind))().up(queryRunner);
          columns[definition.name] = {};
          for (const table of await tablesOf(dataSource)) {
            if (table === 'sqlite_sequence') continue;
            columns[definition.name][table] = (await queryRunner.getTable(table))!.columns.map((column) => column.name);
          }
        } finally {
          await queryRunner.release();
        }
        expect(await tablesOf(dataSource)).not.toContain('migrations');
        await copyDemoRows(dataSource, kind, templates[kind][definition.name], columns[definition.name]);
        before[definition.name] = await fingerprint(dataSource, columns[definition.name]);
      } finally {
        await dataSource.destroy();
      }
    }
    // The demo data really is there: thousands of units, dossiers, documents, inspections.
    for (const definition of SUBGRAPHS) expect(Object.values(before[definition.name]).reduce((sum, table) => sum + table.rows, 0)).toBeGreaterThan(100);

    // The command itself, as an operator runs it, on every subgraph's configured database.
    const run = spawnSync(process.execPath, [MIGRATE], {
      env: { ...process.env, DATABASE_URL: '', ...Object.fromEntries(SUBGRAPHS.map((definition) => [`${definition.name.toUpperCase()}_DATABASE_URL`, urls[definition.name]])) },
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    for (const definition of SUBGRAPHS) expect(run.stdout).toMatch(new RegExp(`^${definition.name} \\(.*\\): (ran .*|up to date)$`, 'm'));
    // No password in what it prints.
    expect(run.stdout).not.toMatch(/:\/\/[^/@]*:[^*@][^@]*@/);

    for (const definition of SUBGRAPHS) {
      expect(databaseKindOf(urls[definition.name])).toBe(kind);
      // Opening with migrating off throws if anything were still pending.
      const dataSource = await open(definition, urls[definition.name], false);
      try {
        expect(await executed(dataSource)).toEqual(migrationNames(definition, kind));
        expect((await pendingSchemaChanges(dataSource)).up.map((query) => query.query)).toEqual([]);
        expect({ subgraph: definition.name, tables: await fingerprint(dataSource, columns[definition.name]) }).toEqual({
          subgraph: definition.name,
          tables: before[definition.name],
        });
        if (definition.name === 'institutions') {
          // The data step of TwoTierUnits: the pre-reform tree ends, the two-tier tree and its lineage are there.
          const [units] = await dataSource.query(`SELECT COUNT(*) AS n FROM administrative_unit WHERE validFrom = '2025-07-01'`);
          const [ended] = await dataSource.query(`SELECT COUNT(*) AS n FROM administrative_unit WHERE validTo = '2025-06-30'`);
          const [lineage] = await dataSource.query(`SELECT COUNT(*) AS n FROM unit_lineage`);
          expect([Number(units.n), Number(ended.n), Number(lineage.n)]).toEqual([reformTree().units.size, 63 + 705 + 10_599, reformTree().lineage.length]);
        }
      } finally {
        await dataSource.destroy();
      }
    }
  });
});
