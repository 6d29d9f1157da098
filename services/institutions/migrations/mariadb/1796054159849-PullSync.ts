import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PullSync (institutions, MariaDB): written by `npm run migration:generate -- PullSync` from the entities; reviewed before commit. The backfill of `updated_at` (pull sync, core/updated-since.ts: each record's latest lifecycle instant, as the demo seed stamps it) added by hand. */
export class PullSync1796054159849 implements MigrationInterface {
  name = 'PullSync1796054159849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`audit_entry\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE audit_entry SET updated_at = recordedAt`);
    await queryRunner.query(`ALTER TABLE \`safelisted_operation\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE safelisted_operation SET updated_at = registeredAt`);
    await queryRunner.query(`ALTER TABLE \`service_client\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE service_client SET updated_at = GREATEST(createdAt, COALESCE(rotatedAt, ''), COALESCE(revokedAt, ''))`);
    await queryRunner.query(`ALTER TABLE \`webhook_delivery\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE webhook_delivery SET updated_at = GREATEST(createdAt, COALESCE(lastAttemptAt, ''), COALESCE(deliveredAt, ''), COALESCE(parkedAt, ''))`);
    await queryRunner.query(`ALTER TABLE \`webhook\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE webhook SET updated_at = GREATEST(createdAt, COALESCE(rotatedAt, ''))`);
    await queryRunner.query(`ALTER TABLE \`administrative_unit\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE administrative_unit SET updated_at = DATE_FORMAT(DATE_SUB(CAST(CASE WHEN validTo IS NOT NULL AND (validFrom IS NULL OR DATE_ADD(validTo, INTERVAL 1 DAY) > validFrom) THEN DATE_ADD(validTo, INTERVAL 1 DAY) WHEN validFrom IS NOT NULL THEN validFrom ELSE '2025-07-01' END AS DATETIME), INTERVAL 7 HOUR), '%Y-%m-%dT%H:%i:%s.000Z')`);
    await queryRunner.query(`ALTER TABLE \`agency\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE agency SET updated_at = '2025-06-30T17:00:00.000Z'`);
    await queryRunner.query(`ALTER TABLE \`official\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE official SET updated_at = '2025-06-30T17:00:00.000Z'`);
    await queryRunner.query(`CREATE INDEX \`audit_entry_updated\` ON \`audit_entry\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`safelisted_operation_updated\` ON \`safelisted_operation\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`service_client_updated\` ON \`service_client\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`webhook_delivery_updated\` ON \`webhook_delivery\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`webhook_updated\` ON \`webhook\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`administrative_unit_updated\` ON \`administrative_unit\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`agency_updated\` ON \`agency\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`official_updated\` ON \`official\` (\`updated_at\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`official_updated\` ON \`official\``);
    await queryRunner.query(`DROP INDEX \`agency_updated\` ON \`agency\``);
    await queryRunner.query(`DROP INDEX \`administrative_unit_updated\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`webhook_updated\` ON \`webhook\``);
    await queryRunner.query(`DROP INDEX \`webhook_delivery_updated\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`service_client_updated\` ON \`service_client\``);
    await queryRunner.query(`DROP INDEX \`safelisted_operation_updated\` ON \`safelisted_operation\``);
    await queryRunner.query(`DROP INDEX \`audit_entry_updated\` ON \`audit_entry\``);
    await queryRunner.query(`ALTER TABLE \`official\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`agency\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`administrative_unit\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`webhook\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`webhook_delivery\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`service_client\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`safelisted_operation\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`audit_entry\` DROP COLUMN \`updated_at\``);
  }
}
