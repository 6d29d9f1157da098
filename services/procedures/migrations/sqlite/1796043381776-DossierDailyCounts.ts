import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildRollups } from '../../rollups/backfill';

/** DossierDailyCounts (procedures, SQLite): written by `npm run migration:generate -- DossierDailyCounts` from the entities; reviewed before commit. */
export class DossierDailyCounts1796043381776 implements MigrationInterface {
  name = 'DossierDailyCounts1796043381776';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dossier_daily_counts" ("scopePath" varchar(64) NOT NULL, "day" varchar(10) NOT NULL, "procedureId" varchar(32) NOT NULL, "channel" varchar(10) NOT NULL, "received" integer NOT NULL DEFAULT (0), "receivedOnline" integer NOT NULL DEFAULT (0), "receivedPostal" integer NOT NULL DEFAULT (0), "paidOnline" integer NOT NULL DEFAULT (0), "components" integer NOT NULL DEFAULT (0), "digitizedComponents" integer NOT NULL DEFAULT (0), "closed" integer NOT NULL DEFAULT (0), "rejected" integer NOT NULL DEFAULT (0), "withdrawn" integer NOT NULL DEFAULT (0), "overdueFrom" integer NOT NULL DEFAULT (0), "overdueEnded" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolvedOnTime" integer NOT NULL DEFAULT (0), "resolvedLateWithApology" integer NOT NULL DEFAULT (0), "returned" integer NOT NULL DEFAULT (0), "returnedByPost" integer NOT NULL DEFAULT (0), "rated" integer NOT NULL DEFAULT (0), "satisfied" integer NOT NULL DEFAULT (0), "feedbackReceived" integer NOT NULL DEFAULT (0), "feedbackHandled" integer NOT NULL DEFAULT (0), "feedbackHandledOnTime" integer NOT NULL DEFAULT (0), PRIMARY KEY ("scopePath", "day", "procedureId", "channel"))`);
    // An existing database gets its figures at once: the rollups of every dossier and feedback so far.
    await rebuildRollups(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dossier_daily_counts"`);
  }
}
