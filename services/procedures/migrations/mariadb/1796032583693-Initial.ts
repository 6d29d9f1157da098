import type { MigrationInterface, QueryRunner } from 'typeorm';
import { holdsPreviousRelease, type ReleaseTables } from '../../../core/migrations/previous-release';

/** The tables and columns the previous release made with `synchronize`: this migration creates them. */
const PREVIOUS_RELEASE: ReleaseTables = {
  idempotency_record: ['id', 'owner', 'clientKey', 'mutation', 'requestHash', 'resultIds', 'createdAt'],
  dossier: ['id', 'procedureId', 'unitId', 'unitPath', 'agencyId', 'channel', 'status', 'receivedAt', 'dueAt', 'resolvedAt', 'returnedAt', 'closedAt', 'supplementSince', 'supplementWaitSeconds', 'componentCount', 'digitizedComponents', 'paidOnline', 'resultByPost', 'apologyAt', 'promisedAt', 'rating', 'applicantName', 'applicantIdNumber'],
  admin_procedure: ['id', 'code', 'name', 'searchName', 'fieldCode', 'level', 'provinceId', 'unitPath', 'onlineService', 'legacyLevel', 'processingDays', 'fee', 'publishedOn', 'decisionNumber', 'withdrawnOn', 'nationalPortal', 'atServiceCenter'],
  procedure_feedback: ['id', 'procedureId', 'unitId', 'unitPath', 'receivedAt', 'dueAt', 'handledAt'],
};

/** Initial (procedures, MariaDB): written by `npm run migration:generate -- Initial` from the entities; reviewed before commit. */
export class Initial1796032583693 implements MigrationInterface {
  name = 'Initial1796032583693';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A database made by the previous release keeps its tables and rows: nothing to create.
    if (await holdsPreviousRelease(queryRunner, PREVIOUS_RELEASE)) return;
    await queryRunner.query(`CREATE TABLE \`idempotency_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`owner\` varchar(64) NOT NULL, \`clientKey\` varchar(128) NOT NULL, \`mutation\` varchar(64) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`resultIds\` text NOT NULL, \`createdAt\` varchar(24) NOT NULL, UNIQUE INDEX \`IDX_018351f52966beedc693579674\` (\`owner\`, \`clientKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dossier\` (\`id\` varchar(40) NOT NULL, \`procedureId\` varchar(32) NOT NULL, \`unitId\` varchar(16) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`agencyId\` varchar(64) NOT NULL, \`channel\` varchar(10) NOT NULL, \`status\` varchar(24) NOT NULL, \`receivedAt\` varchar(19) NOT NULL, \`dueAt\` varchar(19) NOT NULL, \`resolvedAt\` varchar(19) NULL, \`returnedAt\` varchar(19) NULL, \`closedAt\` varchar(19) NULL, \`supplementSince\` varchar(19) NULL, \`supplementWaitSeconds\` int NOT NULL, \`componentCount\` smallint NOT NULL, \`digitizedComponents\` smallint NOT NULL, \`paidOnline\` tinyint NOT NULL, \`resultByPost\` tinyint NOT NULL, \`apologyAt\` varchar(19) NULL, \`promisedAt\` varchar(19) NULL, \`rating\` smallint NULL, \`applicantName\` varchar(80) NOT NULL, \`applicantIdNumber\` varchar(20) NOT NULL, INDEX \`dossier_statistics\` (\`unitPath\`, \`receivedAt\`, \`closedAt\`, \`resolvedAt\`, \`dueAt\`, \`returnedAt\`, \`channel\`, \`status\`, \`componentCount\`, \`digitizedComponents\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`admin_procedure\` (\`id\` varchar(32) NOT NULL, \`code\` varchar(16) NOT NULL, \`name\` varchar(300) NOT NULL, \`searchName\` varchar(300) NOT NULL DEFAULT '', \`fieldCode\` varchar(40) NOT NULL, \`level\` varchar(16) NOT NULL, \`provinceId\` varchar(16) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`onlineService\` varchar(8) NOT NULL, \`legacyLevel\` smallint NOT NULL, \`processingDays\` smallint NOT NULL, \`fee\` int NOT NULL, \`publishedOn\` varchar(10) NOT NULL, \`decisionNumber\` varchar(60) NOT NULL, \`withdrawnOn\` varchar(10) NULL, \`nationalPortal\` tinyint NOT NULL, \`atServiceCenter\` tinyint NOT NULL, INDEX \`IDX_8c30a553386fbe0fb3b52f38eb\` (\`code\`), INDEX \`IDX_386a0d9d1b22ec8d2801ef41a8\` (\`unitPath\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`procedure_feedback\` (\`id\` varchar(40) NOT NULL, \`procedureId\` varchar(32) NULL, \`unitId\` varchar(16) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`receivedAt\` varchar(19) NOT NULL, \`dueAt\` varchar(19) NOT NULL, \`handledAt\` varchar(19) NULL, INDEX \`IDX_c31387bb15463cfe4fbb112ef1\` (\`unitPath\`, \`receivedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c31387bb15463cfe4fbb112ef1\` ON \`procedure_feedback\``);
    await queryRunner.query(`DROP TABLE \`procedure_feedback\``);
    await queryRunner.query(`DROP INDEX \`IDX_386a0d9d1b22ec8d2801ef41a8\` ON \`admin_procedure\``);
    await queryRunner.query(`DROP INDEX \`IDX_8c30a553386fbe0fb3b52f38eb\` ON \`admin_procedure\``);
    await queryRunner.query(`DROP TABLE \`admin_procedure\``);
    await queryRunner.query(`DROP INDEX \`dossier_statistics\` ON \`dossier\``);
    await queryRunner.query(`DROP TABLE \`dossier\``);
    await queryRunner.query(`DROP INDEX \`IDX_018351f52966beedc693579674\` ON \`idempotency_record\``);
    await queryRunner.query(`DROP TABLE \`idempotency_record\``);
  }
}
