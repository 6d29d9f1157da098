import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PullSync (procedures, SQLite): written by `npm run migration:generate -- PullSync` from the entities; reviewed before commit. The backfill of `updated_at` (pull sync, core/updated-since.ts: each record's latest lifecycle instant, as the demo seed stamps it) added by hand. */
export class PullSync1796054159849 implements MigrationInterface {
  name = 'PullSync1796054159849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dossier_statistics"`);
    await queryRunner.query(`CREATE TABLE "temporary_dossier" ("id" varchar(40) PRIMARY KEY NOT NULL, "procedureId" varchar(32) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "agencyId" varchar(64) NOT NULL, "channel" varchar(10) NOT NULL, "status" varchar(24) NOT NULL, "receivedAt" varchar(19) NOT NULL, "dueAt" varchar(19) NOT NULL, "resolvedAt" varchar(19), "returnedAt" varchar(19), "closedAt" varchar(19), "supplementSince" varchar(19), "supplementWaitSeconds" integer NOT NULL, "componentCount" smallint NOT NULL, "digitizedComponents" smallint NOT NULL, "paidOnline" boolean NOT NULL, "resultByPost" boolean NOT NULL, "apologyAt" varchar(19), "promisedAt" varchar(19), "rating" smallint, "applicantName" varchar(80) NOT NULL, "applicantIdNumber" varchar(20) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_dossier"("id", "procedureId", "unitId", "unitPath", "agencyId", "channel", "status", "receivedAt", "dueAt", "resolvedAt", "returnedAt", "closedAt", "supplementSince", "supplementWaitSeconds", "componentCount", "digitizedComponents", "paidOnline", "resultByPost", "apologyAt", "promisedAt", "rating", "applicantName", "applicantIdNumber", "updated_at") SELECT "id", "procedureId", "unitId", "unitPath", "agencyId", "channel", "status", "receivedAt", "dueAt", "resolvedAt", "returnedAt", "closedAt", "supplementSince", "supplementWaitSeconds", "componentCount", "digitizedComponents", "paidOnline", "resultByPost", "apologyAt", "promisedAt", "rating", "applicantName", "applicantIdNumber", strftime('%Y-%m-%dT%H:%M:%fZ', max("receivedAt", coalesce("supplementSince", ''), coalesce("resolvedAt", ''), coalesce("closedAt", ''), coalesce("returnedAt", ''), coalesce("apologyAt", '')), '-7 hours') FROM "dossier"`);
    await queryRunner.query(`DROP TABLE "dossier"`);
    await queryRunner.query(`ALTER TABLE "temporary_dossier" RENAME TO "dossier"`);
    await queryRunner.query(`CREATE INDEX "dossier_statistics" ON "dossier" ("unitPath", "receivedAt", "closedAt", "resolvedAt", "dueAt", "returnedAt", "channel", "status", "componentCount", "digitizedComponents") `);
    await queryRunner.query(`DROP INDEX "IDX_386a0d9d1b22ec8d2801ef41a8"`);
    await queryRunner.query(`DROP INDEX "IDX_8c30a553386fbe0fb3b52f38eb"`);
    await queryRunner.query(`CREATE TABLE "temporary_admin_procedure" ("id" varchar(32) PRIMARY KEY NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(300) NOT NULL, "searchName" varchar(300) NOT NULL DEFAULT (''), "fieldCode" varchar(40) NOT NULL, "level" varchar(16) NOT NULL, "provinceId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "onlineService" varchar(8) NOT NULL, "legacyLevel" smallint NOT NULL, "processingDays" smallint NOT NULL, "fee" integer NOT NULL, "publishedOn" varchar(10) NOT NULL, "decisionNumber" varchar(60) NOT NULL, "withdrawnOn" varchar(10), "nationalPortal" boolean NOT NULL, "atServiceCenter" boolean NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_admin_procedure"("id", "code", "name", "searchName", "fieldCode", "level", "provinceId", "unitPath", "onlineService", "legacyLevel", "processingDays", "fee", "publishedOn", "decisionNumber", "withdrawnOn", "nationalPortal", "atServiceCenter", "updated_at") SELECT "id", "code", "name", "searchName", "fieldCode", "level", "provinceId", "unitPath", "onlineService", "legacyLevel", "processingDays", "fee", "publishedOn", "decisionNumber", "withdrawnOn", "nationalPortal", "atServiceCenter", strftime('%Y-%m-%dT%H:%M:%fZ', coalesce("withdrawnOn", "publishedOn"), '-7 hours') FROM "admin_procedure"`);
    await queryRunner.query(`DROP TABLE "admin_procedure"`);
    await queryRunner.query(`ALTER TABLE "temporary_admin_procedure" RENAME TO "admin_procedure"`);
    await queryRunner.query(`CREATE INDEX "IDX_386a0d9d1b22ec8d2801ef41a8" ON "admin_procedure" ("unitPath", "level") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c30a553386fbe0fb3b52f38eb" ON "admin_procedure" ("code") `);
    await queryRunner.query(`CREATE INDEX "dossier_updated" ON "dossier" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "admin_procedure_updated" ON "admin_procedure" ("updated_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "admin_procedure_updated"`);
    await queryRunner.query(`DROP INDEX "dossier_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_8c30a553386fbe0fb3b52f38eb"`);
    await queryRunner.query(`DROP INDEX "IDX_386a0d9d1b22ec8d2801ef41a8"`);
    await queryRunner.query(`ALTER TABLE "admin_procedure" RENAME TO "temporary_admin_procedure"`);
    await queryRunner.query(`CREATE TABLE "admin_procedure" ("id" varchar(32) PRIMARY KEY NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(300) NOT NULL, "searchName" varchar(300) NOT NULL DEFAULT (''), "fieldCode" varchar(40) NOT NULL, "level" varchar(16) NOT NULL, "provinceId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "onlineService" varchar(8) NOT NULL, "legacyLevel" smallint NOT NULL, "processingDays" smallint NOT NULL, "fee" integer NOT NULL, "publishedOn" varchar(10) NOT NULL, "decisionNumber" varchar(60) NOT NULL, "withdrawnOn" varchar(10), "nationalPortal" boolean NOT NULL, "atServiceCenter" boolean NOT NULL)`);
    await queryRunner.query(`INSERT INTO "admin_procedure"("id", "code", "name", "searchName", "fieldCode", "level", "provinceId", "unitPath", "onlineService", "legacyLevel", "processingDays", "fee", "publishedOn", "decisionNumber", "withdrawnOn", "nationalPortal", "atServiceCenter") SELECT "id", "code", "name", "searchName", "fieldCode", "level", "provinceId", "unitPath", "onlineService", "legacyLevel", "processingDays", "fee", "publishedOn", "decisionNumber", "withdrawnOn", "nationalPortal", "atServiceCenter" FROM "temporary_admin_procedure"`);
    await queryRunner.query(`DROP TABLE "temporary_admin_procedure"`);
    await queryRunner.query(`CREATE INDEX "IDX_8c30a553386fbe0fb3b52f38eb" ON "admin_procedure" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_386a0d9d1b22ec8d2801ef41a8" ON "admin_procedure" ("unitPath", "level") `);
    await queryRunner.query(`DROP INDEX "dossier_statistics"`);
    await queryRunner.query(`ALTER TABLE "dossier" RENAME TO "temporary_dossier"`);
    await queryRunner.query(`CREATE TABLE "dossier" ("id" varchar(40) PRIMARY KEY NOT NULL, "procedureId" varchar(32) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "agencyId" varchar(64) NOT NULL, "channel" varchar(10) NOT NULL, "status" varchar(24) NOT NULL, "receivedAt" varchar(19) NOT NULL, "dueAt" varchar(19) NOT NULL, "resolvedAt" varchar(19), "returnedAt" varchar(19), "closedAt" varchar(19), "supplementSince" varchar(19), "supplementWaitSeconds" integer NOT NULL, "componentCount" smallint NOT NULL, "digitizedComponents" smallint NOT NULL, "paidOnline" boolean NOT NULL, "resultByPost" boolean NOT NULL, "apologyAt" varchar(19), "promisedAt" varchar(19), "rating" smallint, "applicantName" varchar(80) NOT NULL, "applicantIdNumber" varchar(20) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "dossier"("id", "procedureId", "unitId", "unitPath", "agencyId", "channel", "status", "receivedAt", "dueAt", "resolvedAt", "returnedAt", "closedAt", "supplementSince", "supplementWaitSeconds", "componentCount", "digitizedComponents", "paidOnline", "resultByPost", "apologyAt", "promisedAt", "rating", "applicantName", "applicantIdNumber") SELECT "id", "procedureId", "unitId", "unitPath", "agencyId", "channel", "status", "receivedAt", "dueAt", "resolvedAt", "returnedAt", "closedAt", "supplementSince", "supplementWaitSeconds", "componentCount", "digitizedComponents", "paidOnline", "resultByPost", "apologyAt", "promisedAt", "rating", "applicantName", "applicantIdNumber" FROM "temporary_dossier"`);
    await queryRunner.query(`DROP TABLE "temporary_dossier"`);
    await queryRunner.query(`CREATE INDEX "dossier_statistics" ON "dossier" ("unitPath", "receivedAt", "closedAt", "resolvedAt", "dueAt", "returnedAt", "channel", "status", "componentCount", "digitizedComponents") `);
  }
}
