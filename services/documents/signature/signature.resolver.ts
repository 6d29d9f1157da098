import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { badInput, forbidden, notFound } from '../../core/errors';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';
import { assertMayWrite, DOCUMENT_WRITERS } from '../document/write-access';
import { Certificate } from '../certificate/certificate';
import { CertificateKey } from '../certificate/certificate-key';
import { CertificateKind, CertificateStatus } from '../certificate/certificate-kind';
import { certificateStatus } from '../certificate/certificate-status';
import { documentById } from '../document/document-access';
import { certificateById } from '../loaders';
import { authority } from '../pki/authority';
import { holderKeyPlace, openPrivateKey } from '../pki/key-envelope';
import { checkIntegrity, cmsFromPem, cmsToPem, parseDetachedSignature } from '../pki/cms';
import { certificateFacts } from '../pki/x509';
import { DocumentSignature } from './document-signature';
import { makeSignature } from './make-signature';
import { parsedSignature } from './verify-document';
import { AttachSignatureInput, SignDocumentInput } from './signature-args';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nowTimestamp } from '../../core/time';
import { Document } from '../document/document';

/**
 * Keeps a signature and marks its document changed, in the write's one transaction: a new
 * signature changes what the document verifies as, so `documents(updatedSince:)` brings it
 * (README, "Pull sync").
 */
async function recordSignature(manager: EntityManager, made: DocumentSignature): Promise<DocumentSignature> {
  const signature = { ...made, updatedAt: nowTimestamp() };
  await manager.insert(DocumentSignature, signature);
  await manager.createQueryBuilder().update(Document).set({ updatedAt: signature.updatedAt }).where('id = :id', { id: signature.documentId }).execute();
  return signature;
}

async function writableDocument(context: SubgraphContext, documentId: string) {
  const document = await documentById(context).load(documentId);
  if (!document) throw notFound(`No document has id "${documentId}"`);
  const who = assertMayWrite(context.principal, document.unitPath, DOCUMENT_WRITERS, `Document ${document.numberAndSymbol}`, 'documents:exchange');
  return { document, who };
}

@Resolver(() => DocumentSignature)
export class SignatureResolver {
  @Mutation(() => DocumentSignature, {
    description:
      "Ký số: a CMS detached signature over the content with the issuing agency's ORGANIZATION certificate or your own PERSONAL one. " +
      "Someone else's certificate is FORBIDDEN; a revoked or expired one is BAD_USER_INPUT.",
  })
  @ServiceScope('documents:exchange')
  signDocument(@Arg('input', { description: 'The document to sign and the signing certificate.' }) input: SignDocumentInput, @Ctx() context: SubgraphContext): Promise<DocumentSignature> {
    return idempotent(context, { mutation: 'signDocument', clientKey: input.clientKey, input, result: entityResult(DocumentSignature) }, (write) =>
      this.sign(context, input, write),
    );
  }

  private async sign(context: SubgraphContext, input: SignDocumentInput, write: TransactionalWrite<DocumentSignature>): Promise<DocumentSignature> {
    const { document, who } = await writableDocument(context, input.documentId);
    const certificate = await certificateById(context).load(input.certificateId);
    if (!certificate) throw notFound(`No certificate has id "${input.certificateId}"`);
    if (certificate.agencyId !== document.agencyId) {
      throw forbidden(`Certificate ${certificate.serial} belongs to ${certificate.holderName}, not to ${document.agencyName}, which issues ${document.numberAndSymbol}`);
    }
    if (certificate.kind === CertificateKind.PERSONAL && certificate.officialId !== who.subject) {
      throw forbidden(`Certificate ${certificate.serial} is the personal certificate of ${certificate.holderName}: only its holder signs with it`);
    }
    const status = certificateStatus(certificate);
    if (status !== CertificateStatus.VALID) throw badInput(`Certificate ${certificate.serial} is ${status}: it cannot sign`, 'certificateId');
    const key = await context.dataSource.getRepository(CertificateKey).findOneBy({ certificateId: certificate.id });
    if (!key) throw badInput(`Certificate ${certificate.serial} has no key in the hub`, 'certificateId');
    const signature = makeSignature(
      await authority(context.dataSource),
      document,
      certificate,
      openPrivateKey(key.sealedPrivateKey, holderKeyPlace(certificate.id)),
      new Date(),
      who.subject,
    );
    return write((manager) => recordSignature(manager, signature));
  }

  @Mutation(() => DocumentSignature, {
    description:
      'Attach a detached CMS signature made elsewhere. It must cover the content (else BAD_USER_INPUT); its chain, validity and revocation are ' +
      "reported by the document's verification, so a signature from an unknown root is kept and shows CHAIN failed.",
  })
  @ServiceScope('documents:exchange')
  attachSignature(@Arg('input', { description: 'The document and the signature (PEM) to attach.' }) input: AttachSignatureInput, @Ctx() context: SubgraphContext): Promise<DocumentSignature> {
    return idempotent(context, { mutation: 'attachSignature', clientKey: input.clientKey, input, result: entityResult(DocumentSignature) }, (write) =>
      this.attach(context, input, write),
    );
  }

  private async attach(context: SubgraphContext, input: AttachSignatureInput, write: TransactionalWrite<DocumentSignature>): Promise<DocumentSignature> {
    const { document, who } = await writableDocument(context, input.documentId);
    let der: Buffer;
    let parsed: ReturnType<typeof parseDetachedSignature>;
    try {
      der = cmsFromPem(input.signaturePem);
      parsed = parseDetachedSignature(der);
    } catch (error) {
      throw badInput(`Not a detached CMS signature with its signer's certificate: ${(error as Error).message}`, 'signaturePem');
    }
    const integrity = checkIntegrity(parsed, Buffer.from(document.content, 'utf8'));
    if (!integrity.passed) throw badInput(`The signature does not cover this document's content: ${integrity.detail}`, 'signaturePem');
    const serial = parsed.signer.serialNumber.replace(/^0+/, '');
    const known = await context.dataSource.getRepository(Certificate).findOneBy({ serial });
    const signature: DocumentSignature = {
      id: randomUUID(),
      documentId: document.id,
      certificateId: known?.id ?? null,
      signerSerial: serial,
      signerSubject: certificateFacts(parsed.signer).subject.slice(0, 500),
      signedAt: (parsed.signingTime ?? new Date()).toISOString(),
      origin: 'ATTACHED',
      signedBy: who.subject,
      cmsBase64: der.toString('base64'),
      unitPath: document.unitPath,
      updatedAt: nowTimestamp(),
    };
    return write((manager) => recordSignature(manager, signature));
  }

  @FieldResolver(() => String, { description: 'The signature, PEM ("-----BEGIN CMS-----"): `openssl cms -verify -binary -inform PEM -in sig.pem -content content.bin -CAfile root.pem`.' })
  signaturePem(@Root() signature: DocumentSignature): string {
    return cmsToPem(Buffer.from(signature.cmsBase64, 'base64'));
  }

  @FieldResolver(() => String, { description: 'The signature, DER, base64.' })
  signatureDerBase64(@Root() signature: DocumentSignature): string {
    return signature.cmsBase64;
  }

  @FieldResolver(() => String, {
    description: 'PEM of the certificates the signature carries (signer first) and, when it chains to one, the trusted root it ends at.',
  })
  async certificateChainPem(@Root() signature: DocumentSignature, @Ctx() context: SubgraphContext): Promise<string> {
    const parsed = parsedSignature(signature);
    const chain = (await authority(context.dataSource)).trust.check(parsed);
    const certificates = [...chain.path, ...parsed.certificates.filter((certificate) => !chain.path.includes(certificate))];
    return certificates.map((certificate) => certificate.toString().trim()).join('\n') + '\n';
  }

  @FieldResolver(() => Certificate, { nullable: true, description: "The signer's certificate when the hub issued it (scoped like every certificate)." })
  certificate(@Root() signature: DocumentSignature, @Ctx() context: SubgraphContext) {
    return signature.certificateId ? certificateById(context).load(signature.certificateId) : null;
  }
}
