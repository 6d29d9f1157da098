import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks (institutions, MariaDB): written by `npm run migration:generate -- Webhooks` from the entities; reviewed before commit. */
export class Webhooks1796043318230 implements MigrationInterface {
  name = 'Webhooks1796043318230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`webhook_delivery\` (\`id\` varchar(80) NOT NULL, \`webhookId\` varchar(40) NOT NULL, \`clientId\` varchar(40) NOT NULL, \`eventId\` varchar(36) NOT NULL, \`eventType\` varchar(40) NOT NULL, \`recordKey\` varchar(130) NOT NULL, \`sequence\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`attempts\` int NOT NULL, \`nextAttemptAt\` varchar(30) NOT NULL, \`claimedUntil\` varchar(30) NULL, \`lastStatus\` int NULL, \`lastError\` varchar(300) NULL, \`lastAttemptAt\` varchar(30) NULL, \`deliveredAt\` varchar(30) NULL, \`parkedAt\` varchar(30) NULL, \`unitPath\` varchar(64) NOT NULL, \`createdAt\` varchar(30) NOT NULL, INDEX \`IDX_141314e976fb0c69e53844daf2\` (\`clientId\`), INDEX \`IDX_fee1ab4d96807a649ab79a52a2\` (\`webhookId\`, \`recordKey\`, \`sequence\`), INDEX \`IDX_94782787f6d98f21d3cf247962\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`webhook\` (\`id\` varchar(40) NOT NULL, \`clientId\` varchar(40) NOT NULL, \`url\` varchar(2000) NOT NULL, \`eventTypes\` text NOT NULL, \`secret\` varchar(100) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`createdAt\` varchar(30) NOT NULL, \`createdBy\` varchar(200) NOT NULL, \`rotatedAt\` varchar(30) NULL, INDEX \`IDX_0549ceb6ede2c6a747ab2b322b\` (\`clientId\`), INDEX \`IDX_3969ed6e6c3501e9921f238c1b\` (\`unitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hub_event\` (\`id\` varchar(36) NOT NULL, \`type\` varchar(40) NOT NULL, \`subgraph\` varchar(20) NOT NULL, \`recordType\` varchar(20) NOT NULL, \`recordId\` varchar(100) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`sequence\` int NOT NULL, \`occurredAt\` varchar(30) NOT NULL, \`body\` text NOT NULL, \`receivedAt\` varchar(30) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`hub_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_3969ed6e6c3501e9921f238c1b\` ON \`webhook\``);
    await queryRunner.query(`DROP INDEX \`IDX_0549ceb6ede2c6a747ab2b322b\` ON \`webhook\``);
    await queryRunner.query(`DROP TABLE \`webhook\``);
    await queryRunner.query(`DROP INDEX \`IDX_94782787f6d98f21d3cf247962\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`IDX_fee1ab4d96807a649ab79a52a2\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`IDX_141314e976fb0c69e53844daf2\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP TABLE \`webhook_delivery\``);
  }
}
