import type { MigrationInterface, QueryRunner } from 'typeorm';

/** UpdatedAt (documents, SQLite): written by `npm run migration:generate -- UpdatedAt` from the entities; reviewed before commit. */
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
    await queryRunner.query(`DROP INDEX "IDX_2bbaed082c7eb3983bdde1540d"`);
    await queryRunner.query(`DROP INDEX "IDX_0d731a646a9b3f8f266189cdea"`);
    await queryRunner.query(`DROP INDEX "IDX_ccccad03d578818eada0e474b4"`);
    await queryRunner.query(`DROP INDEX "IDX_ee5365ae0e3a7a96d23be64c23"`);
    await queryRunner.query(`DROP INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c"`);
    await queryRunner.query(`DROP INDEX "IDX_088cd8b7854860bc8669b6898e"`);
    await queryRunner.query(`CREATE TABLE "temporary_certificate" ("id" varchar(40) PRIMARY KEY NOT NULL, "serial" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "agencyId" varchar(64) NOT NULL, "officialId" varchar(80), "holderName" varchar(200) NOT NULL, "subject" varchar(500) NOT NULL, "issuer" varchar(500) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "holderLevel" varchar(16) NOT NULL, "issuedAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24), "invalidSince" varchar(24), "revocationReason" varchar(32), "certificatePem" text NOT NULL, "demoSharedKey" boolean NOT NULL DEFAULT (0), "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_certificate"("id", "serial", "kind", "agencyId", "officialId", "holderName", "subject", "issuer", "unitId", "unitPath", "holderLevel", "issuedAt", "expiresAt", "revokedAt", "invalidSince", "revocationReason", "certificatePem", "demoSharedKey", "updated_at") SELECT "id", "serial", "kind", "agencyId", "officialId", "holderName", "subject", "issuer", "unitId", "unitPath", "holderLevel", "issuedAt", "expiresAt", "revokedAt", "invalidSince", "revocationReason", "certificatePem", "demoSharedKey", COALESCE("revokedAt", "issuedAt") FROM "certificate"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
    await queryRunner.query(`ALTER TABLE "temporary_certificate" RENAME TO "certificate"`);
    await queryRunner.query(`CREATE INDEX "IDX_2bbaed082c7eb3983bdde1540d" ON "certificate" ("expiresAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_0d731a646a9b3f8f266189cdea" ON "certificate" ("unitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_ccccad03d578818eada0e474b4" ON "certificate" ("officialId") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee5365ae0e3a7a96d23be64c23" ON "certificate" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c" ON "certificate" ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_088cd8b7854860bc8669b6898e" ON "certificate" ("serial") `);
    await queryRunner.query(`DROP INDEX "transfer_recipient_unique"`);
    await queryRunner.query(`DROP INDEX "IDX_e5dae0cb55c6194bcdde6232b9"`);
    await queryRunner.query(`DROP INDEX "IDX_c0c1cd39e5fda30b70ffd8644b"`);
    await queryRunner.query(`DROP INDEX "IDX_878d21ec702d2ef54a44b836d7"`);
    await queryRunner.query(`DROP INDEX "IDX_e5444cb71c764f05c2453b5239"`);
    await queryRunner.query(`DROP INDEX "IDX_379d53a2620be4e4d00c649d12"`);
    await queryRunner.query(`CREATE TABLE "temporary_document_transfer" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "senderAgencyId" varchar(64) NOT NULL, "senderName" varchar(200) NOT NULL, "senderUnitPath" varchar(64) NOT NULL, "senderLevel" varchar(16) NOT NULL, "recipientAgencyId" varchar(64) NOT NULL, "recipientName" varchar(200) NOT NULL, "recipientUnitPath" varchar(64) NOT NULL, "recipientLevel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "sentAt" varchar(24) NOT NULL, "sentDay" varchar(10) NOT NULL, "arrivedAt" varchar(24), "refusedAt" varchar(24), "acceptedAt" varchar(24), "assignedAt" varchar(24), "inProgressAt" varchar(24), "doneAt" varchar(24), "note" varchar(500), "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_document_transfer"("id", "documentId", "senderAgencyId", "senderName", "senderUnitPath", "senderLevel", "recipientAgencyId", "recipientName", "recipientUnitPath", "recipientLevel", "status", "sentAt", "sentDay", "arrivedAt", "refusedAt", "acceptedAt", "assignedAt", "inProgressAt", "doneAt", "note", "updated_at") SELECT "id", "documentId", "senderAgencyId", "senderName", "senderUnitPath", "senderLevel", "recipientAgencyId", "recipientName", "recipientUnitPath", "recipientLevel", "status", "sentAt", "sentDay", "arrivedAt", "refusedAt", "acceptedAt", "assignedAt", "inProgressAt", "doneAt", "note", COALESCE("doneAt", "inProgressAt", "assignedAt", "acceptedAt", "refusedAt", "arrivedAt", "sentAt") FROM "document_transfer"`);
    await queryRunner.query(`DROP TABLE "document_transfer"`);
    await queryRunner.query(`ALTER TABLE "temporary_document_transfer" RENAME TO "document_transfer"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "transfer_recipient_unique" ON "document_transfer" ("documentId", "recipientAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5dae0cb55c6194bcdde6232b9" ON "document_transfer" ("sentDay") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0c1cd39e5fda30b70ffd8644b" ON "document_transfer" ("recipientUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_878d21ec702d2ef54a44b836d7" ON "document_transfer" ("recipientAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5444cb71c764f05c2453b5239" ON "document_transfer" ("senderUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_379d53a2620be4e4d00c649d12" ON "document_transfer" ("documentId") `);
    await queryRunner.query(`DROP INDEX "document_number_unique"`);
    await queryRunner.query(`DROP INDEX "IDX_b9122a573d68a76670ddc65896"`);
    await queryRunner.query(`DROP INDEX "IDX_38665eefa9d11d4f1fc637e7f3"`);
    await queryRunner.query(`DROP INDEX "IDX_c450d8db7e107a6182ff13b151"`);
    await queryRunner.query(`DROP INDEX "IDX_bfe521d095ef84466981e6107b"`);
    await queryRunner.query(`CREATE TABLE "temporary_document" ("id" varchar(40) PRIMARY KEY NOT NULL, "numberAndSymbol" varchar(80) NOT NULL, "number" integer NOT NULL, "year" integer NOT NULL, "series" varchar(40) NOT NULL, "type" varchar(24) NOT NULL, "normative" boolean NOT NULL DEFAULT (0), "issuerAbbreviation" varchar(40) NOT NULL, "drafterAbbreviation" varchar(40), "title" varchar(500) NOT NULL, "agencyId" varchar(64) NOT NULL, "agencyName" varchar(200) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "issueDate" varchar(10) NOT NULL, "content" text NOT NULL, "contentSha256" varchar(64) NOT NULL, "registeredAt" varchar(24) NOT NULL, "registeredBy" varchar(120) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_document"("id", "numberAndSymbol", "number", "year", "series", "type", "normative", "issuerAbbreviation", "drafterAbbreviation", "title", "agencyId", "agencyName", "unitId", "unitPath", "issueDate", "content", "contentSha256", "registeredAt", "registeredBy", "updated_at") SELECT "id", "numberAndSymbol", "number", "year", "series", "type", "normative", "issuerAbbreviation", "drafterAbbreviation", "title", "agencyId", "agencyName", "unitId", "unitPath", "issueDate", "content", "contentSha256", "registeredAt", "registeredBy", MAX("registeredAt", COALESCE((SELECT MAX("signature"."signedAt") FROM "document_signature" "signature" WHERE "signature"."documentId" = "document"."id"), "registeredAt")) FROM "document"`);
    await queryRunner.query(`DROP TABLE "document"`);
    await queryRunner.query(`ALTER TABLE "temporary_document" RENAME TO "document"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "document_number_unique" ON "document" ("agencyId", "year", "series", "number") `);
    await queryRunner.query(`CREATE INDEX "IDX_b9122a573d68a76670ddc65896" ON "document" ("unitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_38665eefa9d11d4f1fc637e7f3" ON "document" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c450d8db7e107a6182ff13b151" ON "document" ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_bfe521d095ef84466981e6107b" ON "document" ("numberAndSymbol") `);
    await queryRunner.query(`DROP INDEX "IDX_d8be0c14839244adf14a32179c"`);
    await queryRunner.query(`DROP INDEX "IDX_a36889170436e85d2f22dac8fc"`);
    await queryRunner.query(`CREATE TABLE "temporary_document_signature" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "certificateId" varchar(40), "signerSerial" varchar(64) NOT NULL, "signerSubject" varchar(500) NOT NULL, "signedAt" varchar(24) NOT NULL, "origin" varchar(16) NOT NULL, "signedBy" varchar(120) NOT NULL, "cmsBase64" text NOT NULL, "unitPath" varchar(64) NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_document_signature"("id", "documentId", "certificateId", "signerSerial", "signerSubject", "signedAt", "origin", "signedBy", "cmsBase64", "unitPath", "updated_at") SELECT "id", "documentId", "certificateId", "signerSerial", "signerSubject", "signedAt", "origin", "signedBy", "cmsBase64", "unitPath", "signedAt" FROM "document_signature"`);
    await queryRunner.query(`DROP TABLE "document_signature"`);
    await queryRunner.query(`ALTER TABLE "temporary_document_signature" RENAME TO "document_signature"`);
    await queryRunner.query(`CREATE INDEX "IDX_d8be0c14839244adf14a32179c" ON "document_signature" ("certificateId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a36889170436e85d2f22dac8fc" ON "document_signature" ("documentId") `);
    await queryRunner.query(`CREATE INDEX "certificate_updated" ON "certificate" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "document_transfer_updated" ON "document_transfer" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "document_updated" ON "document" ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "document_signature_updated" ON "document_signature" ("updated_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "document_signature_updated"`);
    await queryRunner.query(`DROP INDEX "document_updated"`);
    await queryRunner.query(`DROP INDEX "document_transfer_updated"`);
    await queryRunner.query(`DROP INDEX "certificate_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_a36889170436e85d2f22dac8fc"`);
    await queryRunner.query(`DROP INDEX "IDX_d8be0c14839244adf14a32179c"`);
    await queryRunner.query(`ALTER TABLE "document_signature" RENAME TO "temporary_document_signature"`);
    await queryRunner.query(`CREATE TABLE "document_signature" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "certificateId" varchar(40), "signerSerial" varchar(64) NOT NULL, "signerSubject" varchar(500) NOT NULL, "signedAt" varchar(24) NOT NULL, "origin" varchar(16) NOT NULL, "signedBy" varchar(120) NOT NULL, "cmsBase64" text NOT NULL, "unitPath" varchar(64) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "document_signature"("id", "documentId", "certificateId", "signerSerial", "signerSubject", "signedAt", "origin", "signedBy", "cmsBase64", "unitPath") SELECT "id", "documentId", "certificateId", "signerSerial", "signerSubject", "signedAt", "origin", "signedBy", "cmsBase64", "unitPath" FROM "temporary_document_signature"`);
    await queryRunner.query(`DROP TABLE "temporary_document_signature"`);
    await queryRunner.query(`CREATE INDEX "IDX_a36889170436e85d2f22dac8fc" ON "document_signature" ("documentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_d8be0c14839244adf14a32179c" ON "document_signature" ("certificateId") `);
    await queryRunner.query(`DROP INDEX "IDX_bfe521d095ef84466981e6107b"`);
    await queryRunner.query(`DROP INDEX "IDX_c450d8db7e107a6182ff13b151"`);
    await queryRunner.query(`DROP INDEX "IDX_38665eefa9d11d4f1fc637e7f3"`);
    await queryRunner.query(`DROP INDEX "IDX_b9122a573d68a76670ddc65896"`);
    await queryRunner.query(`DROP INDEX "document_number_unique"`);
    await queryRunner.query(`ALTER TABLE "document" RENAME TO "temporary_document"`);
    await queryRunner.query(`CREATE TABLE "document" ("id" varchar(40) PRIMARY KEY NOT NULL, "numberAndSymbol" varchar(80) NOT NULL, "number" integer NOT NULL, "year" integer NOT NULL, "series" varchar(40) NOT NULL, "type" varchar(24) NOT NULL, "normative" boolean NOT NULL DEFAULT (0), "issuerAbbreviation" varchar(40) NOT NULL, "drafterAbbreviation" varchar(40), "title" varchar(500) NOT NULL, "agencyId" varchar(64) NOT NULL, "agencyName" varchar(200) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "issueDate" varchar(10) NOT NULL, "content" text NOT NULL, "contentSha256" varchar(64) NOT NULL, "registeredAt" varchar(24) NOT NULL, "registeredBy" varchar(120) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "document"("id", "numberAndSymbol", "number", "year", "series", "type", "normative", "issuerAbbreviation", "drafterAbbreviation", "title", "agencyId", "agencyName", "unitId", "unitPath", "issueDate", "content", "contentSha256", "registeredAt", "registeredBy") SELECT "id", "numberAndSymbol", "number", "year", "series", "type", "normative", "issuerAbbreviation", "drafterAbbreviation", "title", "agencyId", "agencyName", "unitId", "unitPath", "issueDate", "content", "contentSha256", "registeredAt", "registeredBy" FROM "temporary_document"`);
    await queryRunner.query(`DROP TABLE "temporary_document"`);
    await queryRunner.query(`CREATE INDEX "IDX_bfe521d095ef84466981e6107b" ON "document" ("numberAndSymbol") `);
    await queryRunner.query(`CREATE INDEX "IDX_c450d8db7e107a6182ff13b151" ON "document" ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_38665eefa9d11d4f1fc637e7f3" ON "document" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_b9122a573d68a76670ddc65896" ON "document" ("unitPath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "document_number_unique" ON "document" ("agencyId", "year", "series", "number") `);
    await queryRunner.query(`DROP INDEX "IDX_379d53a2620be4e4d00c649d12"`);
    await queryRunner.query(`DROP INDEX "IDX_e5444cb71c764f05c2453b5239"`);
    await queryRunner.query(`DROP INDEX "IDX_878d21ec702d2ef54a44b836d7"`);
    await queryRunner.query(`DROP INDEX "IDX_c0c1cd39e5fda30b70ffd8644b"`);
    await queryRunner.query(`DROP INDEX "IDX_e5dae0cb55c6194bcdde6232b9"`);
    await queryRunner.query(`DROP INDEX "transfer_recipient_unique"`);
    await queryRunner.query(`ALTER TABLE "document_transfer" RENAME TO "temporary_document_transfer"`);
    await queryRunner.query(`CREATE TABLE "document_transfer" ("id" varchar(40) PRIMARY KEY NOT NULL, "documentId" varchar(40) NOT NULL, "senderAgencyId" varchar(64) NOT NULL, "senderName" varchar(200) NOT NULL, "senderUnitPath" varchar(64) NOT NULL, "senderLevel" varchar(16) NOT NULL, "recipientAgencyId" varchar(64) NOT NULL, "recipientName" varchar(200) NOT NULL, "recipientUnitPath" varchar(64) NOT NULL, "recipientLevel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "sentAt" varchar(24) NOT NULL, "sentDay" varchar(10) NOT NULL, "arrivedAt" varchar(24), "refusedAt" varchar(24), "acceptedAt" varchar(24), "assignedAt" varchar(24), "inProgressAt" varchar(24), "doneAt" varchar(24), "note" varchar(500))`);
    await queryRunner.query(`INSERT INTO "document_transfer"("id", "documentId", "senderAgencyId", "senderName", "senderUnitPath", "senderLevel", "recipientAgencyId", "recipientName", "recipientUnitPath", "recipientLevel", "status", "sentAt", "sentDay", "arrivedAt", "refusedAt", "acceptedAt", "assignedAt", "inProgressAt", "doneAt", "note") SELECT "id", "documentId", "senderAgencyId", "senderName", "senderUnitPath", "senderLevel", "recipientAgencyId", "recipientName", "recipientUnitPath", "recipientLevel", "status", "sentAt", "sentDay", "arrivedAt", "refusedAt", "acceptedAt", "assignedAt", "inProgressAt", "doneAt", "note" FROM "temporary_document_transfer"`);
    await queryRunner.query(`DROP TABLE "temporary_document_transfer"`);
    await queryRunner.query(`CREATE INDEX "IDX_379d53a2620be4e4d00c649d12" ON "document_transfer" ("documentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5444cb71c764f05c2453b5239" ON "document_transfer" ("senderUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_878d21ec702d2ef54a44b836d7" ON "document_transfer" ("recipientAgencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0c1cd39e5fda30b70ffd8644b" ON "document_transfer" ("recipientUnitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5dae0cb55c6194bcdde6232b9" ON "document_transfer" ("sentDay") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "transfer_recipient_unique" ON "document_transfer" ("documentId", "recipientAgencyId") `);
    await queryRunner.query(`DROP INDEX "IDX_088cd8b7854860bc8669b6898e"`);
    await queryRunner.query(`DROP INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c"`);
    await queryRunner.query(`DROP INDEX "IDX_ee5365ae0e3a7a96d23be64c23"`);
    await queryRunner.query(`DROP INDEX "IDX_ccccad03d578818eada0e474b4"`);
    await queryRunner.query(`DROP INDEX "IDX_0d731a646a9b3f8f266189cdea"`);
    await queryRunner.query(`DROP INDEX "IDX_2bbaed082c7eb3983bdde1540d"`);
    await queryRunner.query(`ALTER TABLE "certificate" RENAME TO "temporary_certificate"`);
    await queryRunner.query(`CREATE TABLE "certificate" ("id" varchar(40) PRIMARY KEY NOT NULL, "serial" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "agencyId" varchar(64) NOT NULL, "officialId" varchar(80), "holderName" varchar(200) NOT NULL, "subject" varchar(500) NOT NULL, "issuer" varchar(500) NOT NULL, "unitId" varchar(16) NOT NULL, "unitPath" varchar(64) NOT NULL, "holderLevel" varchar(16) NOT NULL, "issuedAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24), "invalidSince" varchar(24), "revocationReason" varchar(32), "certificatePem" text NOT NULL, "demoSharedKey" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "certificate"("id", "serial", "kind", "agencyId", "officialId", "holderName", "subject", "issuer", "unitId", "unitPath", "holderLevel", "issuedAt", "expiresAt", "revokedAt", "invalidSince", "revocationReason", "certificatePem", "demoSharedKey") SELECT "id", "serial", "kind", "agencyId", "officialId", "holderName", "subject", "issuer", "unitId", "unitPath", "holderLevel", "issuedAt", "expiresAt", "revokedAt", "invalidSince", "revocationReason", "certificatePem", "demoSharedKey" FROM "temporary_certificate"`);
    await queryRunner.query(`DROP TABLE "temporary_certificate"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_088cd8b7854860bc8669b6898e" ON "certificate" ("serial") `);
    await queryRunner.query(`CREATE INDEX "IDX_5b88c75dcaeed2b0ac2ec3856c" ON "certificate" ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee5365ae0e3a7a96d23be64c23" ON "certificate" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_ccccad03d578818eada0e474b4" ON "certificate" ("officialId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0d731a646a9b3f8f266189cdea" ON "certificate" ("unitPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_2bbaed082c7eb3983bdde1540d" ON "certificate" ("expiresAt") `);
  }
}
