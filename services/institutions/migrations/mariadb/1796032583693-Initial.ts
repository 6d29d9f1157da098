import type { MigrationInterface, QueryRunner } from 'typeorm';
import { holdsPreviousRelease, type ReleaseTables } from '../../../core/migrations/previous-release';

/** The tables and columns the previous release made with `synchronize`: this migration creates them. */
const PREVIOUS_RELEASE: ReleaseTables = {
  audit_entry: ['id', 'sequence', 'recordedAt', 'source', 'action', 'outcome', 'errorCode', 'detail', 'operationName', 'operationHash', 'actorKind', 'actorSubject', 'actorUnitCode', 'actorUnitPath', 'targets', 'targetUnitPath', 'previousHash', 'hash'],
  safelisted_operation: ['id', 'clientId', 'hash', 'operationName', 'document', 'unitPath', 'registeredAt', 'registeredBy'],
  service_client: ['id', 'name', 'unitCode', 'unitPath', 'scopes', 'authentication', 'secretHash', 'publicKeyPem', 'status', 'createdAt', 'createdBy', 'rotatedAt', 'revokedAt', 'revocationReason'],
  audit_chain_lock: ['id'],
  agency: ['id', 'name', 'kind', 'unitId', 'unitPath', 'parentId'],
  official: ['id', 'name', 'position', 'isLeader', 'agencyId', 'unitPath', 'phone', 'email'],
  administrative_unit: ['id', 'code', 'name', 'searchName', 'fullName', 'level', 'parentId', 'unitPath', 'validFrom', 'validTo', 'successorId'],
  idempotency_record: ['id', 'owner', 'clientKey', 'mutation', 'requestHash', 'resultIds', 'createdAt'],
};

/** Initial (institutions, MariaDB): written by `npm run migration:generate -- Initial` from the entities; reviewed before commit. */
export class Initial1796032583693 implements MigrationInterface {
  name = 'Initial1796032583693';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A database made by the previous release keeps its tables and rows: nothing to create.
    if (await holdsPreviousRelease(queryRunner, PREVIOUS_RELEASE)) return;
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` varchar(16) NOT NULL, \`sequence\` int NOT NULL, \`recordedAt\` varchar(30) NOT NULL, \`source\` varchar(40) NOT NULL, \`action\` varchar(120) NOT NULL, \`outcome\` varchar(12) NOT NULL, \`errorCode\` varchar(40) NULL, \`detail\` varchar(500) NULL, \`operationName\` varchar(120) NULL, \`operationHash\` varchar(64) NULL, \`actorKind\` varchar(8) NULL, \`actorSubject\` varchar(200) NULL, \`actorUnitCode\` varchar(10) NULL, \`actorUnitPath\` varchar(64) NULL, \`targets\` text NOT NULL, \`targetUnitPath\` varchar(64) NULL, \`previousHash\` varchar(64) NOT NULL, \`hash\` varchar(64) NOT NULL, UNIQUE INDEX \`IDX_c30e76145b0ecf802cd4af4491\` (\`sequence\`), INDEX \`IDX_b68dcc794cea3a97d59a0b8771\` (\`action\`), INDEX \`IDX_29af4235bb07a99eca66bebc45\` (\`actorSubject\`), INDEX \`IDX_e9ac009ec872d605c71792c00c\` (\`actorUnitPath\`), INDEX \`IDX_ca190079bddd9d70055a17ea9c\` (\`targetUnitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`safelisted_operation\` (\`id\` varchar(110) NOT NULL, \`clientId\` varchar(40) NOT NULL, \`hash\` varchar(64) NOT NULL, \`operationName\` varchar(120) NULL, \`document\` text NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`registeredAt\` varchar(30) NOT NULL, \`registeredBy\` varchar(200) NOT NULL, INDEX \`IDX_95c02697e1604047888811876d\` (\`clientId\`), INDEX \`IDX_9ff9a271e39c9c736f649052ed\` (\`unitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`service_client\` (\`id\` varchar(40) NOT NULL, \`name\` varchar(120) NOT NULL, \`unitCode\` varchar(10) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`scopes\` text NOT NULL, \`authentication\` varchar(12) NOT NULL, \`secretHash\` varchar(64) NULL, \`publicKeyPem\` text NULL, \`status\` varchar(10) NOT NULL, \`createdAt\` varchar(30) NOT NULL, \`createdBy\` varchar(200) NOT NULL, \`rotatedAt\` varchar(30) NULL, \`revokedAt\` varchar(30) NULL, \`revocationReason\` varchar(300) NULL, INDEX \`IDX_3559203d0eb93f661c3a37b78d\` (\`unitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_chain_lock\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agency\` (\`id\` varchar(64) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(24) NOT NULL, \`unitId\` varchar(16) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`parentId\` varchar(64) NULL, INDEX \`IDX_925a9b1f3704b357009b449087\` (\`kind\`), INDEX \`IDX_2efd07a0bccdb9e89afe808e1f\` (\`unitId\`), INDEX \`IDX_3f09aa01bf5e29c00c1160ff9e\` (\`unitPath\`), INDEX \`IDX_c94c8b0e5b04209ae1f2778f81\` (\`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`official\` (\`id\` varchar(80) NOT NULL, \`name\` varchar(120) NOT NULL, \`position\` varchar(120) NOT NULL, \`isLeader\` tinyint NOT NULL DEFAULT 0, \`agencyId\` varchar(64) NOT NULL, \`unitPath\` varchar(64) NOT NULL, \`phone\` varchar(32) NULL, \`email\` varchar(120) NULL, INDEX \`IDX_665d7f8ac5131c28ca441e45b1\` (\`agencyId\`), INDEX \`IDX_190cfd8abfe3b33ab715bc515e\` (\`unitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`administrative_unit\` (\`id\` varchar(16) NOT NULL, \`code\` varchar(16) NOT NULL, \`name\` varchar(120) NOT NULL, \`searchName\` varchar(120) NOT NULL, \`fullName\` varchar(160) NOT NULL, \`level\` varchar(16) NOT NULL, \`parentId\` varchar(16) NULL, \`unitPath\` varchar(64) NOT NULL, \`validFrom\` date NULL, \`validTo\` date NULL, \`successorId\` varchar(16) NULL, UNIQUE INDEX \`IDX_c0b4fe52dc5d1db34aaf0cb56b\` (\`code\`), INDEX \`IDX_db244f85a61c38434ea8882664\` (\`name\`), INDEX \`IDX_a9a7f4e1a94e1409559f7fac70\` (\`searchName\`), INDEX \`IDX_0160c361e50e8d2a18053bc6bd\` (\`level\`), INDEX \`IDX_a0e165545d16358be33a984d9d\` (\`parentId\`), INDEX \`IDX_5fee9d68270304be3eaef7bc1d\` (\`unitPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`idempotency_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`owner\` varchar(64) NOT NULL, \`clientKey\` varchar(128) NOT NULL, \`mutation\` varchar(64) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`resultIds\` text NOT NULL, \`createdAt\` varchar(24) NOT NULL, UNIQUE INDEX \`IDX_018351f52966beedc693579674\` (\`owner\`, \`clientKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_018351f52966beedc693579674\` ON \`idempotency_record\``);
    await queryRunner.query(`DROP TABLE \`idempotency_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fee9d68270304be3eaef7bc1d\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_a0e165545d16358be33a984d9d\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_0160c361e50e8d2a18053bc6bd\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_a9a7f4e1a94e1409559f7fac70\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_db244f85a61c38434ea8882664\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_c0b4fe52dc5d1db34aaf0cb56b\` ON \`administrative_unit\``);
    await queryRunner.query(`DROP TABLE \`administrative_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_190cfd8abfe3b33ab715bc515e\` ON \`official\``);
    await queryRunner.query(`DROP INDEX \`IDX_665d7f8ac5131c28ca441e45b1\` ON \`official\``);
    await queryRunner.query(`DROP TABLE \`official\``);
    await queryRunner.query(`DROP INDEX \`IDX_c94c8b0e5b04209ae1f2778f81\` ON \`agency\``);
    await queryRunner.query(`DROP INDEX \`IDX_3f09aa01bf5e29c00c1160ff9e\` ON \`agency\``);
    await queryRunner.query(`DROP INDEX \`IDX_2efd07a0bccdb9e89afe808e1f\` ON \`agency\``);
    await queryRunner.query(`DROP INDEX \`IDX_925a9b1f3704b357009b449087\` ON \`agency\``);
    await queryRunner.query(`DROP TABLE \`agency\``);
    await queryRunner.query(`DROP TABLE \`audit_chain_lock\``);
    await queryRunner.query(`DROP INDEX \`IDX_3559203d0eb93f661c3a37b78d\` ON \`service_client\``);
    await queryRunner.query(`DROP TABLE \`service_client\``);
    await queryRunner.query(`DROP INDEX \`IDX_9ff9a271e39c9c736f649052ed\` ON \`safelisted_operation\``);
    await queryRunner.query(`DROP INDEX \`IDX_95c02697e1604047888811876d\` ON \`safelisted_operation\``);
    await queryRunner.query(`DROP TABLE \`safelisted_operation\``);
    await queryRunner.query(`DROP INDEX \`IDX_ca190079bddd9d70055a17ea9c\` ON \`audit_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_e9ac009ec872d605c71792c00c\` ON \`audit_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_29af4235bb07a99eca66bebc45\` ON \`audit_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_b68dcc794cea3a97d59a0b8771\` ON \`audit_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_c30e76145b0ecf802cd4af4491\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
