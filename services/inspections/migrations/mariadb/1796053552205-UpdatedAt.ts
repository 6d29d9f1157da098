import type { MigrationInterface, QueryRunner } from 'typeorm';

/** UpdatedAt (inspections, MariaDB): written by `npm run migration:generate -- UpdatedAt` from the entities; reviewed before commit. */
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
    await queryRunner.query(`ALTER TABLE \`finding\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`finding\` SET \`updated_at\` = COALESCE(\`remediatedAt\`, \`recordedAt\`)`);
    await queryRunner.query(`ALTER TABLE \`inspection\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`inspection\` SET \`updated_at\` = GREATEST(\`createdAt\`, COALESCE(DATE_FORMAT(DATE_SUB(COALESCE(\`concludedOn\`, \`conductedOn\`), INTERVAL 7 HOUR), '%Y-%m-%dT%H:%i:%s.000Z'), \`createdAt\`))`);
    await queryRunner.query(`ALTER TABLE \`inspection_plan\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`inspection_plan\` SET \`updated_at\` = \`createdAt\``);
    await queryRunner.query(`CREATE INDEX \`finding_updated\` ON \`finding\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`inspection_updated\` ON \`inspection\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`inspection_plan_updated\` ON \`inspection_plan\` (\`updated_at\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`inspection_plan_updated\` ON \`inspection_plan\``);
    await queryRunner.query(`DROP INDEX \`inspection_updated\` ON \`inspection\``);
    await queryRunner.query(`DROP INDEX \`finding_updated\` ON \`finding\``);
    await queryRunner.query(`ALTER TABLE \`inspection_plan\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`inspection\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`finding\` DROP COLUMN \`updated_at\``);
  }
}
