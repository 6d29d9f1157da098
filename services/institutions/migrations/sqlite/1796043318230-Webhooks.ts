import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks (institutions, SQLite): written by `npm run migration:generate -- Webhooks` from the entities; reviewed before commit. */
export class Webhooks1796043318230 implements MigrationInterface {
  name = 'Webhooks1796043318230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" varchar(80) PRIMARY KEY NOT NULL, "webhookId" varchar(40) NOT NULL, "clientId" varchar(40) NOT NULL, "eventId" varchar(36) NOT NULL, "eventType" varchar(40) NOT NULL, "recordKey" varchar(130) NOT NULL, "sequence" integer NOT NULL, "status" varchar(10) NOT NULL, "attempts" integer NOT NULL, "nextAttemptAt" varchar(30) NOT NULL, "claimedUntil" varchar(30), "lastStatus" integer, "lastError" varchar(300), "lastAttemptAt" varchar(30), "deliveredAt" varchar(30), "parkedAt" varchar(30), "unitPath" varchar(64) NOT NULL, "createdAt" varchar(30) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_141314e976fb0c69e53844daf2" ON "webhook_delivery" ("clientId") `);
    await queryRunner.query(`CREATE INDEX "IDX_fee1ab4d96807a649ab79a52a2" ON "webhook_delivery" ("webhookId", "recordKey", "sequence") `);
    await queryRunner.query(`CREATE INDEX "IDX_94782787f6d98f21d3cf247962" ON "webhook_delivery" ("status", "nextAttemptAt") `);
    await queryRunner.query(`CREATE TABLE "webhook" ("id" varchar(40) PRIMARY KEY NOT NULL, "clientId" varchar(40) NOT NULL, "url" varchar(2000) NOT NULL, "eventTypes" text NOT NULL, "secret" varchar(100) NOT NULL, "unitPath" varchar(64) NOT NULL, "createdAt" varchar(30) NOT NULL, "createdBy" varchar(200) NOT NULL, "rotatedAt" varchar(30))`);
    await queryRunner.query(`CREATE INDEX "IDX_0549ceb6ede2c6a747ab2b322b" ON "webhook" ("clientId") `);
    await queryRunner.query(`CREATE INDEX "IDX_3969ed6e6c3501e9921f238c1b" ON "webhook" ("unitPath") `);
    await queryRunner.query(`CREATE TABLE "hub_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "type" varchar(40) NOT NULL, "subgraph" varchar(20) NOT NULL, "recordType" varchar(20) NOT NULL, "recordId" varchar(100) NOT NULL, "unitPath" varchar(64) NOT NULL, "sequence" integer NOT NULL, "occurredAt" varchar(30) NOT NULL, "body" text NOT NULL, "receivedAt" varchar(30) NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "hub_event"`);
    await queryRunner.query(`DROP INDEX "IDX_3969ed6e6c3501e9921f238c1b"`);
    await queryRunner.query(`DROP INDEX "IDX_0549ceb6ede2c6a747ab2b322b"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP INDEX "IDX_94782787f6d98f21d3cf247962"`);
    await queryRunner.query(`DROP INDEX "IDX_fee1ab4d96807a649ab79a52a2"`);
    await queryRunner.query(`DROP INDEX "IDX_141314e976fb0c69e53844daf2"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
  }
}
