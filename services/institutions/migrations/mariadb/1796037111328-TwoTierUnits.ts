import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadUnitTrees } from '../../unit/unit-trees';

/** TwoTierUnits (institutions, MariaDB): written by `npm run migration:generate -- TwoTierUnits` from the entities; reviewed before commit; the data step (the official unit trees, reference data: unit/unit-trees.ts) added by hand. */
export class TwoTierUnits1796037111328 implements MigrationInterface {
  name = 'TwoTierUnits1796037111328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c0b4fe52dc5d1db34aaf0cb56b\` ON \`administrative_unit\``);
    await queryRunner.query(`CREATE TABLE \`unit_lineage\` (\`predecessorId\` varchar(16) NOT NULL, \`successorId\` varchar(16) NOT NULL, INDEX \`IDX_a21b6418a18b992dd12dbd1060\` (\`successorId\`), PRIMARY KEY (\`predecessorId\`, \`successorId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`administrative_unit\` DROP COLUMN \`successorId\``);
    await queryRunner.query(`CREATE INDEX \`IDX_be438cf8791d7479aaaf4326d5\` ON \`administrative_unit\` (\`level\`, \`validTo\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_1a2f19fa322c9f59c8c3d9b82c\` ON \`administrative_unit\` (\`code\`, \`validFrom\`)`);
    await loadUnitTrees(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1a2f19fa322c9f59c8c3d9b82c\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_be438cf8791d7479aaaf4326d5\` ON \`administrative_unit\``);
    await queryRunner.query(`ALTER TABLE \`administrative_unit\` ADD \`successorId\` varchar(16) NULL`);
    await queryRunner.query(`DROP INDEX \`IDX_a21b6418a18b992dd12dbd1060\` ON \`unit_lineage\``);
    await queryRunner.query(`DROP TABLE \`unit_lineage\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_c0b4fe52dc5d1db34aaf0cb56b\` ON \`administrative_unit\` (\`code\`)`);
  }
}
