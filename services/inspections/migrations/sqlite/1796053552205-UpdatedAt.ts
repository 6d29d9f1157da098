import type { MigrationInterface, QueryRunner } from 'typeorm';

/** UpdatedAt (inspections, SQLite): written by `npm run migration:generate -- UpdatedAt` from the entities; reviewed before commit. */
export class UpdatedAt1796053552205 implements MigrationInterface {
  name = 'UpdatedAt1796053552205';

  /**
   * Backfill (README, "Pull sync"): a row's last change as the old columns tell it. A certificate: its
   * revocation, else its issue; a transfer: its last status time; a document: its registration or its
   * last signature's signing time; a signature: its signing time (the old rows hold no recording time);
   * a finding: its remedy, else its recording; an inspection: the start of the Vietnamese day of its
   * conclusion (or its visit), else its creation; a plan: its creation.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2c540e4d6bdeb19731d2fe9094"`);
    await queryRunner.query(`DROP INDEX "IDX_f3f5adf46ebc9e77e24be2d586"`);
    await queryRunner.query(`DROP INDEX "IDX_e22c71d315164deda86afff042"`);
    await queryRunner.query(`DROP INDEX "IDX_9394e32a787023ab78626a8f61"`);
    await queryRunner.query(`DROP INDEX "IDX_892486cd186cc80072038e45d9"`);
    await queryRunner.query(`CREATE TABLE "temporary_finding" ("id" varchar(80) PRIMARY KEY NOT NULL, "inspectionId" varchar(64) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetPath" varchar(64) NOT NULL, "area" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "description" text NOT NULL, "evidence" text, "dueOn" varchar(10) NOT NULL, "remediatedAt" varchar(24), "remediationEvidence" text, "recordedAt" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_finding"("id", "inspectionId", "inspectorPath", "targetAgencyId", "targetPath", "area", "severity", "description", "evidence", "dueOn", "remediatedAt", "remediationEvidence", "recordedAt", "updated_at") SELECT "id", "inspectionId", "inspectorPath", "targetAgencyId", "targetPath", "area", "severity", "description", "evidence", "dueOn", "remediatedAt", "remediationEvidence", "recordedAt", COALESCE("remediatedAt", "recordedAt") FROM "finding"`);
    await queryRunner.query(`DROP TABLE "finding"`);
    await queryRunner.query(`ALTER TABLE "temporary_finding" RENAME TO "finding"`);
    await queryRunner.query(`CREATE INDEX "IDX_2c540e4d6bdeb19731d2fe9094" ON "finding" ("targetAgencyId", "remediatedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3f5adf46ebc9e77e24be2d586" ON "finding" ("dueOn") `);
    await queryRunner.query(`CREATE INDEX "IDX_e22c71d315164deda86afff042" ON "finding" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_9394e32a787023ab78626a8f61" ON "finding" ("inspectorPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_892486cd186cc80072038e45d9" ON "finding" ("inspectionId") `);
    await queryRunner.query(`DROP INDEX "IDX_b293c79f8a10da9eb54cd25e99"`);
    await queryRunner.query(`DROP INDEX "IDX_fc8d33f56bc9237cc873270b85"`);
    await queryRunner.query(`DROP INDEX "IDX_208ba6f869f37270128a6205ea"`);
    await queryRunner.query(`DROP INDEX "IDX_a48e7522134969e9273b267035"`);
    await queryRunner.query(`DROP INDEX "IDX_c0df2940e85d9116bd81223a33"`);
    await queryRunner.query(`CREATE TABLE "temporary_inspection" ("id" varchar(64) PRIMARY KEY NOT NULL, "planId" varchar(64) NOT NULL, "year" integer NOT NULL, "inspectingUnitId" varchar(16) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetUnitId" varchar(16) NOT NULL, "targetPath" varchar(64) NOT NULL, "targetLevel" varchar(16) NOT NULL, "teamOfficialIds" text NOT NULL, "scheduledOn" varchar(10) NOT NULL, "conductedOn" varchar(10), "concludedOn" varchar(10), "status" varchar(16) NOT NULL, "conclusion" text, "cancellationReason" text, "createdAt" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_inspection"("id", "planId", "year", "inspectingUnitId", "inspectorPath", "targetAgencyId", "targetUnitId", "targetPath", "targetLevel", "teamOfficialIds", "scheduledOn", "conductedOn", "concludedOn", "status", "conclusion", "cancellationReason", "createdAt", "updated_at") SELECT "id", "planId", "year", "inspectingUnitId", "inspectorPath", "targetAgencyId", "targetUnitId", "targetPath", "targetLevel", "teamOfficialIds", "scheduledOn", "conductedOn", "concludedOn", "status", "conclusion", "cancellationReason", "createdAt", MAX("createdAt", COALESCE(strftime('%Y-%m-%dT%H:%M:%S.000Z', COALESCE("concludedOn", "conductedOn"), '-7 hours'), "createdAt")) FROM "inspection"`);
    await queryRunner.query(`DROP TABLE "inspection"`);
    await queryRunner.query(`ALTER TABLE "temporary_inspection" RENAME TO "inspection"`);
    await queryRunner.query(`CREATE INDEX "IDX_b293c79f8a10da9eb54cd25e99" ON "inspection" ("inspectorPath", "year") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc8d33f56bc9237cc873270b85" ON "inspection" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_208ba6f869f37270128a6205ea" ON "inspection" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_a48e7522134969e9273b267035" ON "inspection" ("targetAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0df2940e85d9116bd81223a33" ON "inspection" ("planId") `);
    await queryRunner.query(`DROP INDEX "IDX_0c1f011b5e820860d02cd0987d"`);
    await queryRunner.query(`CREATE TABLE "temporary_inspection_plan" ("id" varchar(64) PRIMARY KEY NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "year" integer NOT NULL, "coverageTarget" integer NOT NULL, "decisionNumber" varchar(64) NOT NULL, "decidedOn" varchar(10), "createdAt" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_inspection_plan"("id", "unitId", "unitPath", "year", "coverageTarget", "decisionNumber", "decidedOn", "createdAt", "updated_at") SELECT "id", "unitId", "unitPath", "year", "coverageTarget", "decisionNumber", "decidedOn", "createdAt", "createdAt" FROM "inspection_plan"`);
    await queryRunner.query(`DROP TABLE "inspection_plan"`);
    await queryRunner.query(`ALTER TABLE "temporary_inspection_plan" RENAME TO "inspection_plan"`);
    await queryRunner.query(`CREATE INDEX "IDX_0c1f011b5e820860d02cd0987d" ON "inspection_plan" ("unitPath", "year") `);
    await queryRunner.query(`CREATE INDEX "finding_updated" ON "finding" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "inspection_updated" ON "inspection" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "inspection_plan_updated" ON "inspection_plan" ("updated_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "inspection_plan_updated"`);
    await queryRunner.query(`DROP INDEX "inspection_updated"`);
    await queryRunner.query(`DROP INDEX "finding_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_0c1f011b5e820860d02cd0987d"`);
    await queryRunner.query(`ALTER TABLE "inspection_plan" RENAME TO "temporary_inspection_plan"`);
    await queryRunner.query(`CREATE TABLE "inspection_plan" ("id" varchar(64) PRIMARY KEY NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "year" integer NOT NULL, "coverageTarget" integer NOT NULL, "decisionNumber" varchar(64) NOT NULL, "decidedOn" varchar(10), "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "inspection_plan"("id", "unitId", "unitPath", "year", "coverageTarget", "decisionNumber", "decidedOn", "createdAt") SELECT "id", "unitId", "unitPath", "year", "coverageTarget", "decisionNumber", "decidedOn", "createdAt" FROM "temporary_inspection_plan"`);
    await queryRunner.query(`DROP TABLE "temporary_inspection_plan"`);
    await queryRunner.query(`CREATE INDEX "IDX_0c1f011b5e820860d02cd0987d" ON "inspection_plan" ("unitPath", "year") `);
    await queryRunner.query(`DROP INDEX "IDX_c0df2940e85d9116bd81223a33"`);
    await queryRunner.query(`DROP INDEX "IDX_a48e7522134969e9273b267035"`);
    await queryRunner.query(`DROP INDEX "IDX_208ba6f869f37270128a6205ea"`);
    await queryRunner.query(`DROP INDEX "IDX_fc8d33f56bc9237cc873270b85"`);
    await queryRunner.query(`DROP INDEX "IDX_b293c79f8a10da9eb54cd25e99"`);
    await queryRunner.query(`ALTER TABLE "inspection" RENAME TO "temporary_inspection"`);
    await queryRunner.query(`CREATE TABLE "inspection" ("id" varchar(64) PRIMARY KEY NOT NULL, "planId" varchar(64) NOT NULL, "year" integer NOT NULL, "inspectingUnitId" varchar(16) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetUnitId" varchar(16) NOT NULL, "targetPath" varchar(64) NOT NULL, "targetLevel" varchar(16) NOT NULL, "teamOfficialIds" text NOT NULL, "scheduledOn" varchar(10) NOT NULL, "conductedOn" varchar(10), "concludedOn" varchar(10), "status" varchar(16) NOT NULL, "conclusion" text, "cancellationReason" text, "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "inspection"("id", "planId", "year", "inspectingUnitId", "inspectorPath", "targetAgencyId", "targetUnitId", "targetPath", "targetLevel", "teamOfficialIds", "scheduledOn", "conductedOn", "concludedOn", "status", "conclusion", "cancellationReason", "createdAt") SELECT "id", "planId", "year", "inspectingUnitId", "inspectorPath", "targetAgencyId", "targetUnitId", "targetPath", "targetLevel", "teamOfficialIds", "scheduledOn", "conductedOn", "concludedOn", "status", "conclusion", "cancellationReason", "createdAt" FROM "temporary_inspection"`);
    await queryRunner.query(`DROP TABLE "temporary_inspection"`);
    await queryRunner.query(`CREATE INDEX "IDX_c0df2940e85d9116bd81223a33" ON "inspection" ("planId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a48e7522134969e9273b267035" ON "inspection" ("targetAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_208ba6f869f37270128a6205ea" ON "inspection" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc8d33f56bc9237cc873270b85" ON "inspection" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_b293c79f8a10da9eb54cd25e99" ON "inspection" ("inspectorPath", "year") `);
    await queryRunner.query(`DROP INDEX "IDX_892486cd186cc80072038e45d9"`);
    await queryRunner.query(`DROP INDEX "IDX_9394e32a787023ab78626a8f61"`);
    await queryRunner.query(`DROP INDEX "IDX_e22c71d315164deda86afff042"`);
    await queryRunner.query(`DROP INDEX "IDX_f3f5adf46ebc9e77e24be2d586"`);
    await queryRunner.query(`DROP INDEX "IDX_2c540e4d6bdeb19731d2fe9094"`);
    await queryRunner.query(`ALTER TABLE "finding" RENAME TO "temporary_finding"`);
    await queryRunner.query(`CREATE TABLE "finding" ("id" varchar(80) PRIMARY KEY NOT NULL, "inspectionId" varchar(64) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetPath" varchar(64) NOT NULL, "area" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "description" text NOT NULL, "evidence" text, "dueOn" varchar(10) NOT NULL, "remediatedAt" varchar(24), "remediationEvidence" text, "recordedAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "finding"("id", "inspectionId", "inspectorPath", "targetAgencyId", "targetPath", "area", "severity", "description", "evidence", "dueOn", "remediatedAt", "remediationEvidence", "recordedAt") SELECT "id", "inspectionId", "inspectorPath", "targetAgencyId", "targetPath", "area", "severity", "description", "evidence", "dueOn", "remediatedAt", "remediationEvidence", "recordedAt" FROM "temporary_finding"`);
    await queryRunner.query(`DROP TABLE "temporary_finding"`);
    await queryRunner.query(`CREATE INDEX "IDX_892486cd186cc80072038e45d9" ON "finding" ("inspectionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_9394e32a787023ab78626a8f61" ON "finding" ("inspectorPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_e22c71d315164deda86afff042" ON "finding" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3f5adf46ebc9e77e24be2d586" ON "finding" ("dueOn") `);
    await queryRunner.query(`CREATE INDEX "IDX_2c540e4d6bdeb19731d2fe9094" ON "finding" ("targetAgencyId", "remediatedAt") `);
  }
}
