import 'reflect-metadata';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../services/core/database';
import { SUBGRAPHS } from '../../services/registry';
import { MYSQL_SERVER, serverConnection, type DatabaseKind } from './databases';

/**
 * The demo data is loaded once per test run, into a template database per subgraph and
 * database kind (jest's globalSetup); every suite then gets its own copy in a second or
 * less, instead of loading some 300,000 rows again for each hub it starts.
 */
export interface Templates {
  sqlite: Record<string, string>;
  mariadb: Record<string, string>;
}

const TEMPLATES_VARIABLE = 'HUB_TEST_TEMPLATES';

export async function buildTemplates(): Promise<Templates> {
  const folder = mkdtempSync(join(tmpdir(), 'hub-templates-'));
  const templates: Templates = { sqlite: {}, mariadb: {} };
  const build = async (kind: DatabaseKind) => {
    for (const definition of SUBGRAPHS) {
      const url =
        kind === 'sqlite'
          ? `sqlite:${join(folder, `${definition.name}.sqlite`)}`
          : `${MYSQL_SERVER.replace(/\/$/, '')}/hubtpl_${definition.name}_${process.pid}`;
      if (kind === 'mariadb') await dropDatabase(new URL(url).pathname.slice(1));
      const dataSource = await openDatabase({ name: definition.name, url, entities: definition.entities, migrations: definition.migrations });
      try {
        await definition.seedDemo(dataSource);
      } finally {
        await dataSource.destroy();
      }
      templates[kind][definition.name] = kind === 'sqlite' ? url.slice('sqlite:'.length) : new URL(url).pathname.slice(1);
    }
  };
  await Promise.all([build('sqlite'), build('mariadb')]);
  process.env[TEMPLATES_VARIABLE] = JSON.stringify(templates);
  return templates;
}

export async function dropTemplates() {
  const templates = readTemplates();
  if (!templates) return;
  for (const database of Object.values(templates.mariadb)) await dropDatabase(database);
  // The SQLite templates' folder (hub-templates-*, some 135 MB a run).
  for (const file of Object.values(templates.sqlite)) rmSync(dirname(file), { recursive: true, force: true });
}

export function readTemplates(): Templates | undefined {
  const raw = process.env[TEMPLATES_VARIABLE];
  return raw ? (JSON.parse(raw) as Templates) : undefined;
}

async function dropDatabase(database: string) {
  const connection = await serverConnection();
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

/** Copies a template: the SQLite file, or every MariaDB table with its rows. */
export async function cloneTemplate(kind: DatabaseKind, template: string, target: string): Promise<void> {
  if (kind === 'sqlite') {
    copyFileSync(template, target);
    return;
  }
  const connection = await serverConnection();
  try {
    await connection.query(`CREATE DATABASE \`${target}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const [tables] = await connection.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?', [template]);
    for (const { name } of tables as { name: string }[]) {
      await connection.query(`CREATE TABLE \`${target}\`.\`${name}\` LIKE \`${template}\`.\`${name}\``);
      await connection.query(`INSERT INTO \`${target}\`.\`${name}\` SELECT * FROM \`${template}\`.\`${name}\``);
    }
  } finally {
    await connection.end();
  }
}
