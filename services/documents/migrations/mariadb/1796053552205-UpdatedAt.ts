import type { MigrationInterface, QueryRunner } from 'typeorm';

/** UpdatedAt (documents, MariaDB): written by `npm run migration:generate -- UpdatedAt` from the entities; reviewed before commit. */
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
    await queryRunner.query(`ALTER TABLE \`certificate\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`certificate\` SET \`updated_at\` = COALESCE(\`revokedAt\`, \`issuedAt\`)`);
    await queryRunner.query(`ALTER TABLE \`document_transfer\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`document_transfer\` SET \`updated_at\` = COALESCE(\`doneAt\`, \`inProgressAt\`, \`assignedAt\`, \`acceptedAt\`, \`refusedAt\`, \`arrivedAt\`, \`sentAt\`)`);
    await queryRunner.query(`ALTER TABLE \`document\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`document\` LEFT JOIN (SELECT \`documentId\`, MAX(\`signedAt\`) AS \`lastSigned\` FROM \`document_signature\` GROUP BY \`documentId\`) \`signed\` ON \`signed\`.\`documentId\` = \`document\`.\`id\` SET \`document\`.\`updated_at\` = GREATEST(\`document\`.\`registeredAt\`, COALESCE(\`signed\`.\`lastSigned\`, \`document\`.\`registeredAt\`))`);
    await queryRunner.query(`ALTER TABLE \`document_signature\` ADD \`updated_at\` varchar(24) NOT NULL`);
    await queryRunner.query(`UPDATE \`document_signature\` SET \`updated_at\` = \`signedAt\``);
    await queryRunner.query(`CREATE INDEX \`certificate_updated\` ON \`certificate\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`document_transfer_updated\` ON \`document_transfer\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`document_updated\` ON \`document\` (\`updated_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`document_signature_updated\` ON \`document_signature\` (\`updated_at\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`document_signature_updated\` ON \`document_signature\``);
    await queryRunner.query(`DROP INDEX \`document_updated\` ON \`document\``);
    await queryRunner.query(`DROP INDEX \`document_transfer_updated\` ON \`document_transfer\``);
    await queryRunner.query(`DROP INDEX \`certificate_updated\` ON \`certificate\``);
    await queryRunner.query(`ALTER TABLE \`document_signature\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`document\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`document_transfer\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`certificate\` DROP COLUMN \`updated_at\``);
  }
}
