import type { MigrationInterface, QueryRunner } from 'typeorm';
import { holdsPreviousRelease, type ReleaseTables } from '../../../core/migrations/previous-release';

/** The tables and columns the previous release made with `synchronize`: this migration creates them. */
const PREVIOUS_RELEASE: ReleaseTables = {
  idempotency_record: ['id', 'owner', 'clientKey', 'mutation', 'requestHash', 'resultIds', 'createdAt'],
  certificate: ['id', 'serial', 'kind', 'agencyId', 'officialId', 'holderName', 'subject', 'issuer', 'unitId', 'unitPath', 'holderLevel', 'issuedAt', 'expiresAt', 'revokedAt', 'invalidSince', 'revocationReason', 'certificatePem', 'demoSharedKey'],
  certificate_key: ['certificateId', 'privateKeyPem'],
  ca_authority: ['id', 'rootCertificatePem', 'rootPrivateKeyPem', 'issuingCertificatePem', 'issuingPrivateKeyPem', 'createdAt'],
  document_transfer: ['id', 'documentId', 'senderAgencyId', 'senderName', 'senderUnitPath', 'senderLevel', 'recipientAgencyId', 'recipientName', 'recipientUnitPath', 'recipientLevel', 'status', 'sentAt', 'sentDay', 'arrivedAt', 'refusedAt', 'acceptedAt', 'assignedAt', 'inProgressAt', 'doneAt', 'note'],
  document: ['id', 'numberAndSymbol', 'number', 'year', 'series', 'type', 'normative', 'issuerAbbreviation', 'drafterAbbreviation', 'title', 'agencyId', 'agencyName', 'unitId', 'unitPath', 'issueDate', 'content', 'contentSha256', 'registeredAt', 'registeredBy'],
  document_signature: ['id', 'documentId', 'certificateId', 'signerSerial', 'signerSubject', 'signedAt', 'origin', 'signedBy', 'cmsBase64', 'unitPath'],
  exchange_daily_count: ['day', 'senderAgencyId', 'senderUnitPath', 'senderLevel', 'recipientAgencyId', 'recipientUnitPath', 'recipientLevel', 'documents', 'source'],
};

/** Initial (documents, SQLite): written by `npm run migration:generate -- Initial` from the entities; reviewed before commit. */
export class Initial1796032583693 implements MigrationInterface {
  name = 'Initial1796032583693';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A database made by the previous release keeps its tables and rows: nothing to create.
    if (await holdsPreviousRelease(queryRunner, PREVIOUS_RELEASE)) return;
    await queryRunner.query(`CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner" varchar(64) NOT NULL, "clientKey" varchar(128) NOT NULL, "mutation" varchar(64) NOT NULL, "requestHash" varchar(64) NOT NULL, "resultIds" text NOT NULL, "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_018351f52966beedc693579674" ON "idempotency_record" ("owner", "clientKey") `);
    await queryRunner.query(`CREATE TABLE "certificate" ("id" varchar(40) PRIMARY KEY NOT NULL, "serial" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "agencyId" varchar(64) NOT NULL, "officialId" varchar(80), "holderName" varchar(200) NOT NULL, "subject" varchar(500) NOT NULL, "issuer" varchar(500) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "holderLevel" varchar(16) NOT NULL, "issuedAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24), "invalidSince" varchar(24), "revocationReason" varchar(32), "certificatePem" text NOT NULL, "demoSharedKey" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_088cd8b7854860bc8669b6898e" ON "certificate" ("serial") `);
    await queryRunner.query(`CREATE INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c" ON "certificate" ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee5365ae0e3a7a96d23be64c23" ON "certificate" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_ccccad03d578818eada0e474b4" ON "certificate" ("officialId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0d731a646a9b3f8f266189cdea" ON "certificate" ("unitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_2bbaed082c7eb3983bdde1540d" ON "certificate" ("expiresAt") `);
    await queryRunner.query(`CREATE TABLE "certificate_key" ("certificateId" varchar(40) PRIMARY KEY NOT NULL, "privateKeyPem" text NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "ca_authority" ("id" varchar(16) PRIMARY KEY NOT NULL, "rootCertificatePem" text NOT NULL, "rootPrivateKeyPem" text NOT NULL, "issuingCertificatePem" text NOT NULL, "issuingPrivateKeyPem" text NOT NULL, "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "document_transfer" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "senderAgencyId" varchar(64) NOT NULL, "senderName" varchar(200) NOT NULL, "senderUnitPath" varchar(64) NOT NULL, "senderLevel" varchar(16) NOT NULL, "recipientAgencyId" varchar(64) NOT NULL, "recipientName" varchar(200) NOT NULL, "recipientUnitPath" varchar(64) NOT NULL, "recipientLevel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "sentAt" varchar(24) NOT NULL, "sentDay" varchar(10) NOT NULL, "arrivedAt" varchar(24), "refusedAt" varchar(24), "acceptedAt" varchar(24), "assignedAt" varchar(24), "inProgressAt" varchar(24), "doneAt" varchar(24), "note" varchar(500))`);
    await queryRunner.query(`CREATE INDEX "IDX_379d53a2620be4e4d00c649d12" ON "document_transfer" ("documentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5444cb71c764f05c2453b5239" ON "document_transfer" ("senderUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_878d21ec702d2ef54a44b836d7" ON "document_transfer" ("recipientAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0c1cd39e5fda30b70ffd8644b" ON "document_transfer" ("recipientUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5dae0cb55c6194bcdde6232b9" ON "document_transfer" ("sentDay") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "transfer_recipient_unique" ON "document_transfer" ("documentId", "recipientAgencyId") `);
    await queryRunner.query(`CREATE TABLE "document" ("id" varchar(40) PRIMARY KEY NOT NULL, "numberAndSymbol" varchar(80) NOT NULL, "number" integer NOT NULL, "year" integer NOT NULL, "series" varchar(40) NOT NULL, "type" varchar(24) NOT NULL, "normative" boolean NOT NULL DEFAULT (0), "issuerAbbreviation" varchar(40) NOT NULL, "drafterAbbreviation" varchar(40), "title" varchar(500) NOT NULL, "agencyId" varchar(64) NOT NULL, "agencyName" varchar(200) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "issueDate" varchar(10) NOT NULL, "content" text NOT NULL, "contentSha256" varchar(64) NOT NULL, "registeredAt" varchar(24) NOT NULL, "registeredBy" varchar(120) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_bfe521d095ef84466981e6107b" ON "document" ("numberAndSymbol") `);
    await queryRunner.query(`CREATE INDEX "IDX_c450d8db7e107a6182ff13b151" ON "document" ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_38665eefa9d11d4f1fc637e7f3" ON "document" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_b9122a573d68a76670ddc65896" ON "document" ("unitPath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "document_number_unique" ON "document" ("agencyId", "year", "series", "number") `);
    await queryRunner.query(`CREATE TABLE "document_signature" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "certificateId" varchar(40), "signerSerial" varchar(64) NOT NULL, "signerSubject" varchar(500) NOT NULL, "signedAt" varchar(24) NOT NULL, "origin" varchar(16) NOT NULL, "signedBy" varchar(120) NOT NULL, "cmsBase64" text NOT NULL, "unitPath" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_a36889170436e85d2f22dac8fc" ON "document_signature" ("documentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_d8be0c14839244adf14a32179c" ON "document_signature" ("certificateId") `);
    await queryRunner.query(`CREATE TABLE "exchange_daily_count" ("day" varchar(10) NOT NULL, "senderAgencyId" varchar(64) NOT NULL, "senderUnitPath" varchar(64) NOT NULL, "senderLevel" varchar(16) NOT NULL, "recipientAgencyId" varchar(64) NOT NULL, "recipientUnitPath" varchar(64) NOT NULL, "recipientLevel" varchar(16) NOT NULL, "documents" integer NOT NULL, "source" varchar(40) NOT NULL, PRIMARY KEY ("day", "senderAgencyId", "recipientAgencyId"))`);
    await queryRunner.query(`CREATE INDEX "exchange_count_recipient" ON "exchange_daily_count" ("recipientUnitPath", "day") `);
    await queryRunner.query(`CREATE INDEX "exchange_count_sender" ON "exchange_daily_count" ("senderUnitPath", "day") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "exchange_count_sender"`);
    await queryRunner.query(`DROP INDEX "exchange_count_recipient"`);
    await queryRunner.query(`DROP TABLE "exchange_daily_count"`);
    await queryRunner.query(`DROP INDEX "IDX_d8be0c14839244adf14a32179c"`);
    await queryRunner.query(`DROP INDEX "IDX_a36889170436e85d2f22dac8fc"`);
    await queryRunner.query(`DROP TABLE "document_signature"`);
    await queryRunner.query(`DROP INDEX "document_number_unique"`);
    await queryRunner.query(`DROP INDEX "IDX_b9122a573d68a76670ddc65896"`);
    await queryRunner.query(`DROP INDEX "IDX_38665eefa9d11d4f1fc637e7f3"`);
    await queryRunner.query(`DROP INDEX "IDX_c450d8db7e107a6182ff13b151"`);
    await queryRunner.query(`DROP INDEX "IDX_bfe521d095ef84466981e6107b"`);
    await queryRunner.query(`DROP TABLE "document"`);
    await queryRunner.query(`DROP INDEX "transfer_recipient_unique"`);
    await queryRunner.query(`DROP INDEX "IDX_e5dae0cb55c6194bcdde6232b9"`);
    await queryRunner.query(`DROP INDEX "IDX_c0c1cd39e5fda30b70ffd8644b"`);
    await queryRunner.query(`DROP INDEX "IDX_878d21ec702d2ef54a44b836d7"`);
    await queryRunner.query(`DROP INDEX "IDX_e5444cb71c764f05c2453b5239"`);
    await queryRunner.query(`DROP INDEX "IDX_379d53a2620be4e4d00c649d12"`);
    await queryRunner.query(`DROP TABLE "document_transfer"`);
    await queryRunner.query(`DROP TABLE "ca_authority"`);
    await queryRunner.query(`DROP TABLE "certificate_key"`);
    await queryRunner.query(`DROP INDEX "IDX_2bbaed082c7eb3983bdde1540d"`);
    await queryRunner.query(`DROP INDEX "IDX_0d731a646a9b3f8f266189cdea"`);
    await queryRunner.query(`DROP INDEX "IDX_ccccad03d578818eada0e474b4"`);
    await queryRunner.query(`DROP INDEX "IDX_ee5365ae0e3a7a96d23be64c23"`);
    await queryRunner.query(`DROP INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c"`);
    await queryRunner.query(`DROP INDEX "IDX_088cd8b7854860bc8669b6898e"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
    await queryRunner.query(`DROP INDEX "IDX_018351f52966beedc693579674"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
