import type { MigrationInterface, QueryRunner } from 'typeorm';

/** EventOutbox (documents, SQLite): written by `npm run migration:generate -- EventOutbox` from the entities; reviewed before commit. */
export class EventOutbox1796043142451 implements MigrationInterface {
  name = 'EventOutbox1796043142451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "event_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" varchar(36) NOT NULL, "type" varchar(40) NOT NULL, "payload" text NOT NULL, "createdAt" varchar(24) NOT NULL, "publishedAt" varchar(24), "attempts" integer NOT NULL DEFAULT (0), "lastError" varchar(500))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fa9429e63d0787d9b67f66515d" ON "event_outbox" ("eventId") `);
    await queryRunner.query(`CREATE INDEX "event_outbox_pending" ON "event_outbox" ("publishedAt", "id") `);
    await queryRunner.query(`CREATE TABLE "event_sequence" ("recordType" varchar(16) NOT NULL, "recordId" varchar(80) NOT NULL, "lastSequence" integer NOT NULL, PRIMARY KEY ("recordType", "recordId"))`);
    await queryRunner.query(`CREATE TABLE "event_relay_lease" ("name" varchar(32) PRIMARY KEY NOT NULL, "holder" varchar(120) NOT NULL, "expiresAt" varchar(24) NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_relay_lease"`);
    await queryRunner.query(`DROP TABLE "event_sequence"`);
    await queryRunner.query(`DROP INDEX "event_outbox_pending"`);
    await queryRunner.query(`DROP INDEX "IDX_fa9429e63d0787d9b67f66515d"`);
    await queryRunner.query(`DROP TABLE "event_outbox"`);
  }
}
