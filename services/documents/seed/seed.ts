import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertInBatches } from '../../core/database';
import { unitById } from '../../core/demo/reform-2025-focus';
import { storedPath } from '../../core/access';
import type { UnitLevel } from '../../core/unit-level';
import { Certificate } from '../certificate/certificate';
import { certificateRows } from '../certificate/certificate-issuance';
import { CertificateKey } from '../certificate/certificate-key';
import { CertificateKind } from '../certificate/certificate-kind';
import { Document } from '../document/document';
import { formatNumberAndSymbol, seriesOf } from '../document/document-number';
import { DocumentTransfer } from '../exchange/document-transfer';
import { ExchangeDailyCount } from '../exchange/exchange-counter';
import { STATUS_TIME_COLUMN, TransferStatus } from '../exchange/transfer-status';
import { authority } from '../pki/authority';
import { newRsaKeyPair } from '../pki/keys';
import { DocumentSignature } from '../signature/document-signature';
import { makeSignature } from '../signature/make-signature';
import { demoHolders, demoInstitutions } from './demo-certificates';
import { demoDocuments } from './demo-documents';
import { demoExchangeCounts } from './demo-exchange';

/** The demo CA is dated back so it can hold the 2017-2020 certificates and signatures of the articles. */
const DEMO_CA_NOT_BEFORE = new Date('2015-01-01T00:00:00Z');
/**
 * RSA-2048 keys take about 0.2 s each to make, so the demo's 383 certificates share a pool
 * of four key pairs (each still has its own certificate, serial and subject). Demo data only: a
 * certificate issued through `issueCertificate` always gets a fresh key of its own, and the
 * demo ones say so in `demoSharedKey`.
 */
const DEMO_KEY_POOL = 4;
const DEMO_VALIDITY_YEARS = 10;
const HOUR = 3600 * 1000;

/** Status path a demo transfer walked to reach its final status. */
const WALK: Record<TransferStatus, TransferStatus[]> = {
  ARRIVED: [TransferStatus.ARRIVED],
  REFUSED: [TransferStatus.ARRIVED, TransferStatus.REFUSED],
  ACCEPTED: [TransferStatus.ARRIVED, TransferStatus.ACCEPTED],
  ASSIGNED: [TransferStatus.ARRIVED, TransferStatus.ACCEPTED, TransferStatus.ASSIGNED],
  IN_PROGRESS: [TransferStatus.ARRIVED, TransferStatus.ACCEPTED, TransferStatus.ASSIGNED, TransferStatus.IN_PROGRESS],
  DONE: [TransferStatus.ARRIVED, TransferStatus.ACCEPTED, TransferStatus.ASSIGNED, TransferStatus.IN_PROGRESS, TransferStatus.DONE],
};

/**
 * Makes the hub's CA at every start if none exists (dated back for the demo when the demo
 * seeds it), then loads the demo once, into an empty database, in one transaction.
 */
export async function seedDocuments(dataSource: DataSource): Promise<boolean> {
  const ca = await authority(dataSource, DEMO_CA_NOT_BEFORE);
  if ((await dataSource.getRepository(Certificate).count()) > 0) return false;

  const pool = await Promise.all(Array.from({ length: DEMO_KEY_POOL }, () => newRsaKeyPair()));
  const issued = demoHolders().map((holder, index) => {
    const notBefore = new Date(`${holder.issuedOn}T01:00:00Z`);
    const notAfter = new Date(notBefore);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + DEMO_VALIDITY_YEARS);
    const keys = pool[index % pool.length];
    return { ...certificateRows(ca, holder, keys, { notBefore, notAfter }, true), privateKeyPem: keys.privateKeyPem };
  });

  const agencies = new Map(demoInstitutions().agencies.map((agency) => [agency.id, agency]));
  const documents: Document[] = [];
  const signatures: DocumentSignature[] = [];
  const transfers: DocumentTransfer[] = [];
  for (const demo of demoDocuments()) {
    const signer = issued.find((row) => row.certificate.agencyId === demo.agencyId && row.certificate.kind === CertificateKind.ORGANIZATION);
    if (!signer) throw new Error(`The demo has no organization certificate for ${demo.agencyId}`);
    const year = Number(demo.issueDate.slice(0, 4));
    const signedAt = new Date(`${demo.issueDate}T02:00:00Z`); // 09:00 in Vietnam
    const document: Document = {
      id: randomUUID(),
      number: demo.number,
      year,
      series: seriesOf(demo.type, demo.normative),
      type: demo.type,
      normative: demo.normative,
      issuerAbbreviation: demo.issuerAbbreviation,
      drafterAbbreviation: demo.drafterAbbreviation ?? null,
      numberAndSymbol: formatNumberAndSymbol({ ...demo, year }),
      title: demo.title,
      agencyId: demo.agencyId,
      agencyName: signer.certificate.holderName,
      unitId: signer.certificate.unitId,
      unitPath: signer.certificate.unitPath,
      issueDate: demo.issueDate,
      content: demo.content,
      contentSha256: createHash('sha256').update(Buffer.from(demo.content, 'utf8')).digest('hex'),
      registeredAt: new Date(signedAt.getTime() - HOUR / 2).toISOString(),
      registeredBy: 'demo-seed',
      // Last changed when it was signed, half an hour after its registration.
      updatedAt: signedAt.toISOString(),
    };
    documents.push(document);
    signatures.push(makeSignature(ca, document, signer.certificate, signer.privateKeyPem, signedAt, 'demo-seed'));
    const sentAt = new Date(signedAt.getTime() + HOUR);
    for (const recipient of demo.sentTo) {
      const recipientAgency = agencies.get(recipient.agencyId);
      if (!recipientAgency) throw new Error(`The institutions demo has no agency ${recipient.agencyId}`);
      const recipientUnit = unitById(recipientAgency.unitId);
      const transfer: DocumentTransfer = {
        id: randomUUID(),
        documentId: document.id,
        senderAgencyId: document.agencyId,
        senderName: document.agencyName,
        senderUnitPath: document.unitPath,
        senderLevel: signer.certificate.holderLevel,
        recipientAgencyId: recipient.agencyId,
        recipientName: recipientAgency.name,
        recipientUnitPath: storedPath(recipientUnit.path),
        recipientLevel: recipientUnit.level as UnitLevel,
        status: recipient.status,
        sentAt: sentAt.toISOString(),
        sentDay: demo.issueDate,
        arrivedAt: null,
        refusedAt: null,
        acceptedAt: null,
        assignedAt: null,
        inProgressAt: null,
        doneAt: null,
        note: null,
        updatedAt: sentAt.toISOString(),
      };
      WALK[recipient.status].forEach((status, step) => {
        transfer[STATUS_TIME_COLUMN[status]] = new Date(sentAt.getTime() + step * 24 * HOUR).toISOString();
        // Its last status change is its last change.
        transfer.updatedAt = transfer[STATUS_TIME_COLUMN[status]]!;
      });
      transfers.push(transfer);
    }
  }

  const counts = demoExchangeCounts();
  await dataSource.transaction(async (manager) => {
    await insertInBatches(manager, Certificate, issued.map((row) => row.certificate));
    await insertInBatches(manager, CertificateKey, issued.map((row) => row.key));
    await insertInBatches(manager, Document, documents);
    await insertInBatches(manager, DocumentSignature, signatures);
    await insertInBatches(manager, DocumentTransfer, transfers);
    await insertInBatches(manager, ExchangeDailyCount, counts);
  });
  return true;
}
