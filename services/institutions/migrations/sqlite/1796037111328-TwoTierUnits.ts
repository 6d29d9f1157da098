import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadUnitTrees } from '../../unit/unit-trees';

/** TwoTierUnits (institutions, SQLite): written by `npm run migration:generate -- TwoTierUnits` from the entities; reviewed before commit; the data step (the official unit trees, reference data: unit/unit-trees.ts) added by hand. */
export class TwoTierUnits1796037111328 implements MigrationInterface {
  name = 'TwoTierUnits1796037111328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c0b4fe52dc5d1db34aaf0cb56b"`);
    await queryRunner.query(`CREATE TABLE "unit_lineage" ("predecessorId" varchar(16) NOT NULL, "successorId" varchar(16) NOT NULL, PRIMARY KEY ("predecessorId", "successorId"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a21b6418a18b992dd12dbd1060" ON "unit_lineage" ("successorId") `);
    await queryRunner.query(`DROP INDEX "IDX_5fee9d68270304be3eaef7bc1d"`);
    await queryRunner.query(`DROP INDEX "IDX_a0e165545d16358be33a984d9d"`);
    await queryRunner.query(`DROP INDEX "IDX_0160c361e50e8d2a18053bc6bd"`);
    await queryRunner.query(`DROP INDEX "IDX_a9a7f4e1a94e1409559f7fac70"`);
    await queryRunner.query(`DROP INDEX "IDX_db244f85a61c38434ea8882664"`);
    await queryRunner.query(`CREATE TABLE "temporary_administrative_unit" ("id" varchar(16) PRIMARY KEY NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(120) NOT NULL, "searchName" varchar(120) NOT NULL, "fullName" varchar(160) NOT NULL, "level" varchar(16) NOT NULL, "parentId" varchar(16), "unitPath" varchar(64) NOT NULL, "validFrom" date, "validTo" date)`);
    await queryRunner.query(`INSERT INTO "temporary_administrative_unit"("id", "code", "name", "searchName", "fullName", "level", "parentId", "unitPath", "validFrom", "validTo") SELECT "id", "code", "name", "searchName", "fullName", "level", "parentId", "unitPath", "validFrom", "validTo" FROM "administrative_unit"`);
    await queryRunner.query(`DROP TABLE "administrative_unit"`);
    await queryRunner.query(`ALTER TABLE "temporary_administrative_unit" RENAME TO "administrative_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_5fee9d68270304be3eaef7bc1d" ON "administrative_unit" ("unitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0e165545d16358be33a984d9d" ON "administrative_unit" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0160c361e50e8d2a18053bc6bd" ON "administrative_unit" ("level") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9a7f4e1a94e1409559f7fac70" ON "administrative_unit" ("searchName") `);
    await queryRunner.query(`CREATE INDEX "IDX_db244f85a61c38434ea8882664" ON "administrative_unit" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_be438cf8791d7479aaaf4326d5" ON "administrative_unit" ("level", "validTo") `);
    await queryRunner.query(`CREATE INDEX "IDX_1a2f19fa322c9f59c8c3d9b82c" ON "administrative_unit" ("code", "validFrom") `);
    await loadUnitTrees(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1a2f19fa322c9f59c8c3d9b82c"`);
    await queryRunner.query(`DROP INDEX "IDX_be438cf8791d7479aaaf4326d5"`);
    await queryRunner.query(`DROP INDEX "IDX_db244f85a61c38434ea8882664"`);
    await queryRunner.query(`DROP INDEX "IDX_a9a7f4e1a94e1409559f7fac70"`);
    await queryRunner.query(`DROP INDEX "IDX_0160c361e50e8d2a18053bc6bd"`);
    await queryRunner.query(`DROP INDEX "IDX_a0e165545d16358be33a984d9d"`);
    await queryRunner.query(`DROP INDEX "IDX_5fee9d68270304be3eaef7bc1d"`);
    await queryRunner.query(`ALTER TABLE "administrative_unit" RENAME TO "temporary_administrative_unit"`);
    await queryRunner.query(`CREATE TABLE "administrative_unit" ("id" varchar(16) PRIMARY KEY NOT NULL, "code" varchar(16) NOT NULL, "name" varchar(120) NOT NULL, "searchName" varchar(120) NOT NULL, "fullName" varchar(160) NOT NULL, "level" varchar(16) NOT NULL, "parentId" varchar(16), "unitPath" varchar(64) NOT NULL, "validFrom" date, "validTo" date, "successorId" varchar(16))`);
    await queryRunner.query(`INSERT INTO "administrative_unit"("id", "code", "name", "searchName", "fullName", "level", "parentId", "unitPath", "validFrom", "validTo") SELECT "id", "code", "name", "searchName", "fullName", "level", "parentId", "unitPath", "validFrom", "validTo" FROM "temporary_administrative_unit"`);
    await queryRunner.query(`DROP TABLE "temporary_administrative_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_db244f85a61c38434ea8882664" ON "administrative_unit" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9a7f4e1a94e1409559f7fac70" ON "administrative_unit" ("searchName") `);
    await queryRunner.query(`CREATE INDEX "IDX_0160c361e50e8d2a18053bc6bd" ON "administrative_unit" ("level") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0e165545d16358be33a984d9d" ON "administrative_unit" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fee9d68270304be3eaef7bc1d" ON "administrative_unit" ("unitPath") `);
    await queryRunner.query(`DROP INDEX "IDX_a21b6418a18b992dd12dbd1060"`);
    await queryRunner.query(`DROP TABLE "unit_lineage"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c0b4fe52dc5d1db34aaf0cb56b" ON "administrative_unit" ("code") `);
  }
}
