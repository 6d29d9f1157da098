import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PullSync (procedures, MariaDB): written by `npm run migration:generate -- PullSync` from the entities; reviewed before commit. The backfill of `updated_at` (pull sync, core/updated-since.ts: each record's latest lifecycle instant, as the demo seed stamps it) added by hand. */
export class PullSync1796054159849 implements MigrationInterface {
  name = 'PullSync1796054159849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`dossier\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE dossier SET updated_at = DATE_FORMAT(DATE_SUB(CAST(GREATEST(receivedAt, COALESCE(supplementSince, ''), COALESCE(resolvedAt, ''), COALESCE(closedAt, ''), COALESCE(returnedAt, ''), COALESCE(apologyAt, '')) AS DATETIME), INTERVAL 7 HOUR), '%Y-%m-%dT%H:%i:%s.000Z')`);
    await queryRunner.query(`ALTER TABLE \`admin_procedure\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE admin_procedure SET updated_at = DATE_FORMAT(DATE_SUB(CAST(COALESCE(withdrawnOn, publishedOn) AS DATETIME), INTERVAL 7 HOUR), '%Y-%m-%dT%H:%i:%s.000Z')`);
    await queryRunner.query(`CREATE INDEX \`dossier_updated\` ON \`dossier\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`admin_procedure_updated\` ON \`admin_procedure\` (\`updated_at\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`admin_procedure_updated\` ON \`admin_procedure\``);
    await queryRunner.query(`DROP INDEX \`dossier_updated\` ON \`dossier\``);
    await queryRunner.query(`ALTER TABLE \`admin_procedure\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`dossier\` DROP COLUMN \`updated_at\``);
  }
}
