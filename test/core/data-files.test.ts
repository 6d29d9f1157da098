import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { openDatabase } from '../../services/core/database';

@Entity('note')
class Note {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  text!: string;
}

/** Its table, made the way every table is: by a migration. */
class CreateNote1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('CREATE TABLE "note" ("id" varchar(10) PRIMARY KEY NOT NULL, "text" varchar(40) NOT NULL)');
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.query('DROP TABLE "note"');
  }
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The embedded default's files hold personal data and keys: nobody but the hub's user reads them. */
describe('SQLite data files', () => {
  it('are made 0600 in a 0700 folder, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const folder = join(mkdtempSync(join(tmpdir(), 'hub-files-')), 'data');
      const file = join(folder, 'notes.sqlite');
      const dataSource = await openDatabase({ name: 'notes', url: `sqlite:${file}`, entities: [Note], migrations: { sqlite: [CreateNote1700000000000], mariadb: [] } });
      try {
        await dataSource.getRepository(Note).insert({ id: 'n1', text: 'private' });
        expect([modeOf(folder), modeOf(file), modeOf(`${file}-wal`)]).toEqual([0o700, 0o600, 0o600]);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      process.umask(previous);
    }
  });
});
