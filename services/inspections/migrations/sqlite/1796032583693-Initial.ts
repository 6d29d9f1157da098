import type { MigrationInterface, QueryRunner } from 'typeorm';
import { holdsPreviousRelease, type ReleaseTables } from '../../../core/migrations/previous-release';

/** The tables and columns the previous release made with `synchronize`: this migration creates them. */
const PREVIOUS_RELEASE: ReleaseTables = {
  idempotency_record: ['id', 'owner', 'clientKey', 'mutation', 'requestHash', 'resultIds', 'createdAt'],
  finding: ['id', 'inspectionId', 'inspectorPath', 'targetAgencyId', 'targetPath', 'area', 'severity', 'description', 'evidence', 'dueOn', 'remediatedAt', 'remediationEvidence', 'recordedAt'],
  reform_score: ['id', 'unitId', 'unitPath', 'year', 'sipasHundredths', 'civilServantsRated', 'civilServantsCompletedWell', 'recordedAt'],
  reform_score_area: ['id', 'scoreId', 'unitId', 'parentPath', 'year', 'area', 'pointsHundredths', 'maxPointsHundredths'],
  inspection: ['id', 'planId', 'year', 'inspectingUnitId', 'inspectorPath', 'targetAgencyId', 'targetUnitId', 'targetPath', 'targetLevel', 'teamOfficialIds', 'scheduledOn', 'conductedOn', 'concludedOn', 'status', 'conclusion', 'cancellationReason', 'createdAt'],
  inspection_plan_target: ['id', 'planId', 'year', 'inspectorPath', 'targetAgencyId', 'targetUnitId', 'targetPath', 'targetLevel'],
  inspection_plan: ['id', 'unitId', 'unitPath', 'year', 'coverageTarget', 'decisionNumber', 'decidedOn', 'createdAt'],
};

/** Initial (inspections, SQLite): written by `npm run migration:generate -- Initial` from the entities; reviewed before commit. */
export class Initial1796032583693 implements MigrationInterface {
  name = 'Initial1796032583693';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A database made by the previous release keeps its tables and rows: nothing to create.
    if (await holdsPreviousRelease(queryRunner, PREVIOUS_RELEASE)) return;
    await queryRunner.query(`CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner" varchar(64) NOT NULL, "clientKey" varchar(128) NOT NULL, "mutation" varchar(64) NOT NULL, "requestHash" varchar(64) NOT NULL, "resultIds" text NOT NULL, "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_018351f52966beedc693579674" ON "idempotency_record" ("owner", "clientKey") `);
    await queryRunner.query(`CREATE TABLE "finding" ("id" varchar(80) PRIMARY KEY NOT NULL, "inspectionId" varchar(64) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetPath" varchar(64) NOT NULL, "area" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "description" text NOT NULL, "evidence" text, "dueOn" varchar(10) NOT NULL, "remediatedAt" varchar(24), "remediationEvidence" text, "recordedAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_892486cd186cc80072038e45d9" ON "finding" ("inspectionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_9394e32a787023ab78626a8f61" ON "finding" ("inspectorPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_e22c71d315164deda86afff042" ON "finding" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3f5adf46ebc9e77e24be2d586" ON "finding" ("dueOn") `);
    await queryRunner.query(`CREATE INDEX "IDX_2c540e4d6bdeb19731d2fe9094" ON "finding" ("targetAgencyId", "remediatedAt") `);
    await queryRunner.query(`CREATE TABLE "reform_score" ("id" varchar(32) PRIMARY KEY NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "year" integer NOT NULL, "sipasHundredths" integer, "civilServantsRated" integer, "civilServantsCompletedWell" integer, "recordedAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_f4d4564f87436ba8ae11f72df1" ON "reform_score" ("unitPath") `);
    await queryRunner.query(`CREATE TABLE "reform_score_area" ("id" varchar(64) PRIMARY KEY NOT NULL, "scoreId" varchar(32) NOT NULL, "unitId" varchar(16) NOT NULL, "parentPath" varchar(64) NOT NULL, "year" integer NOT NULL, "area" varchar(32) NOT NULL, "pointsHundredths" integer NOT NULL, "maxPointsHundredths" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_ab8b12ab1a9b7cdc152156da2d" ON "reform_score_area" ("scoreId") `);
    await queryRunner.query(`CREATE INDEX "IDX_580be778c41747bfa13554e415" ON "reform_score_area" ("parentPath", "year", "area") `);
    await queryRunner.query(`CREATE TABLE "inspection" ("id" varchar(64) PRIMARY KEY NOT NULL, "planId" varchar(64) NOT NULL, "year" integer NOT NULL, "inspectingUnitId" varchar(16) NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetUnitId" varchar(16) NOT NULL, "targetPath" varchar(64) NOT NULL, "targetLevel" varchar(16) NOT NULL, "teamOfficialIds" text NOT NULL, "scheduledOn" varchar(10) NOT NULL, "conductedOn" varchar(10), "concludedOn" varchar(10), "status" varchar(16) NOT NULL, "conclusion" text, "cancellationReason" text, "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c0df2940e85d9116bd81223a33" ON "inspection" ("planId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a48e7522134969e9273b267035" ON "inspection" ("targetAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_208ba6f869f37270128a6205ea" ON "inspection" ("targetPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc8d33f56bc9237cc873270b85" ON "inspection" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_b293c79f8a10da9eb54cd25e99" ON "inspection" ("inspectorPath", "year") `);
    await queryRunner.query(`CREATE TABLE "inspection_plan_target" ("id" varchar(140) PRIMARY KEY NOT NULL, "planId" varchar(64) NOT NULL, "year" integer NOT NULL, "inspectorPath" varchar(64) NOT NULL, "targetAgencyId" varchar(64) NOT NULL, "targetUnitId" varchar(16) NOT NULL, "targetPath" varchar(64) NOT NULL, "targetLevel" varchar(16) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_3cba7736c473a821c16ebb00f7" ON "inspection_plan_target" ("planId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4010b1a5e2703d770025de95f1" ON "inspection_plan_target" ("inspectorPath", "year") `);
    await queryRunner.query(`CREATE TABLE "inspection_plan" ("id" varchar(64) PRIMARY KEY NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "year" integer NOT NULL, "coverageTarget" integer NOT NULL, "decisionNumber" varchar(64) NOT NULL, "decidedOn" varchar(10), "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_0c1f011b5e820860d02cd0987d" ON "inspection_plan" ("unitPath", "year") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_0c1f011b5e820860d02cd0987d"`);
    await queryRunner.query(`DROP TABLE "inspection_plan"`);
    await queryRunner.query(`DROP INDEX "IDX_4010b1a5e2703d770025de95f1"`);
    await queryRunner.query(`DROP INDEX "IDX_3cba7736c473a821c16ebb00f7"`);
    await queryRunner.query(`DROP TABLE "inspection_plan_target"`);
    await queryRunner.query(`DROP INDEX "IDX_b293c79f8a10da9eb54cd25e99"`);
    await queryRunner.query(`DROP INDEX "IDX_fc8d33f56bc9237cc873270b85"`);
    await queryRunner.query(`DROP INDEX "IDX_208ba6f869f37270128a6205ea"`);
    await queryRunner.query(`DROP INDEX "IDX_a48e7522134969e9273b267035"`);
    await queryRunner.query(`DROP INDEX "IDX_c0df2940e85d9116bd81223a33"`);
    await queryRunner.query(`DROP TABLE "inspection"`);
    await queryRunner.query(`DROP INDEX "IDX_580be778c41747bfa13554e415"`);
    await queryRunner.query(`DROP INDEX "IDX_ab8b12ab1a9b7cdc152156da2d"`);
    await queryRunner.query(`DROP TABLE "reform_score_area"`);
    await queryRunner.query(`DROP INDEX "IDX_f4d4564f87436ba8ae11f72df1"`);
    await queryRunner.query(`DROP TABLE "reform_score"`);
    await queryRunner.query(`DROP INDEX "IDX_2c540e4d6bdeb19731d2fe9094"`);
    await queryRunner.query(`DROP INDEX "IDX_f3f5adf46ebc9e77e24be2d586"`);
    await queryRunner.query(`DROP INDEX "IDX_e22c71d315164deda86afff042"`);
    await queryRunner.query(`DROP INDEX "IDX_9394e32a787023ab78626a8f61"`);
    await queryRunner.query(`DROP INDEX "IDX_892486cd186cc80072038e45d9"`);
    await queryRunner.query(`DROP TABLE "finding"`);
    await queryRunner.query(`DROP INDEX "IDX_018351f52966beedc693579674"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
