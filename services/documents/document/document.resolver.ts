import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { pageSize, paginate, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { pageOfRows } from '../../core/row-page';
import { DocumentSignatureConnection, signatureKey } from '../signature/signature-connections';
import { requirePrincipal } from '../../core/access';
import { DocumentTransfer } from '../exchange/document-transfer';
import { visibleTransfers } from '../exchange/transfer-access';
import { TransferPageArgs } from '../exchange/transfer-args';
import { DocumentTransferConnection } from '../exchange/transfer-connection';
import { AgencyRef } from '../extends/Agency';
import { DocumentSignature } from '../signature/document-signature';
import { DocumentVerification } from '../signature/verification-types';
import { signaturesOf, verifyDocument } from '../signature/verify-document';
import { Document } from './document';
import { documentById, requireVisibleDocuments } from './document-access';
import { DocumentListArgs, RegisterDocumentInput } from './document-args';
import { DocumentConnection } from './document-connection';
import { typeInfo } from './document-type';
import { registerDocument } from './register-document';

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: 'A document issued in your scope or sent to an agency in it.' })
  @ServiceScope('documents:read')
  async document(@Arg('id', () => ID, { description: 'Id of the document.' }) id: string, @Ctx() context: SubgraphContext): Promise<Document> {
    const document = await documentById(context).load(id);
    if (!document) throw notFound(`No document has id "${id}"`);
    return document;
  }

  @Query(() => DocumentConnection, { nullable: true, description: 'Documents issued in your scope or sent to agencies in it.' })
  @ServiceScope('documents:read')
  documents(@Args() args: DocumentListArgs, @Ctx() context: SubgraphContext): Promise<Page<Document>> {
    const query = requireVisibleDocuments(context);
    if (args.agencyId) query.andWhere('document.agencyId = :agencyId', { agencyId: args.agencyId });
    if (args.type) query.andWhere('document.type = :type', { type: args.type });
    if (args.year) query.andWhere('document.year = :year', { year: args.year });
    return paginate(query, 'document.id', (document) => document.id, args);
  }

  @Mutation(() => Document, {
    description:
      'Đăng ký văn bản: register a document of an agency of your unit (OFFICER or ADMIN) and give it the next number of its series. ' +
      'Unknown type, empty content: BAD_USER_INPUT; a number already used: CONFLICT.',
  })
  @ServiceScope('documents:exchange')
  registerDocument(@Arg('input', { description: 'The document to register: agency, number, type, title, issue date and content.' }) input: RegisterDocumentInput, @Ctx() context: SubgraphContext): Promise<Document> {
    return registerDocument(context, input);
  }

  @FieldResolver(() => String, { description: 'The type abbreviation of Decree 30/2020/NĐ-CP: "QĐ", "BC", "KH"…' })
  typeAbbreviation(@Root() document: Document): string {
    return typeInfo(document.type).abbreviation;
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'Cơ quan ban hành: the issuing agency.' })
  issuingAgency(@Root() document: Document): AgencyRef {
    return { id: document.agencyId };
  }

  @FieldResolver(() => String, { description: 'The content bytes (UTF-8), base64: what a signature covers, byte for byte.' })
  contentBase64(@Root() document: Document): string {
    return Buffer.from(document.content, 'utf8').toString('base64');
  }

  @FieldResolver(() => DocumentSignatureConnection, {
    description:
      'Signatures on the document, oldest first (signing time, then id: the cursor); with `updatedSince`, those recorded since, by (updatedAt, id). The signatures of every document of a page are read in one statement.',
  })
  async signatures(@Root() document: Document, @Args() args: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<DocumentSignature>> {
    pageSize(args.first);
    return pageOfRows((await signaturesOf(context).load(document.id)) ?? [], signatureKey, args);
  }

  @FieldResolver(() => DocumentVerification, { description: 'Xác thực: every signature verified against the content as stored now.' })
  verification(@Root() document: Document, @Ctx() context: SubgraphContext): Promise<DocumentVerification> {
    return verifyDocument(context, document);
  }

  @FieldResolver(() => DocumentTransferConnection, { description: 'Where the document was sent: the transfers your scope sent or received.' })
  transfers(@Root() document: Document, @Args() args: TransferPageArgs, @Ctx() context: SubgraphContext): Promise<Page<DocumentTransfer>> {
    const query = visibleTransfers(context, requirePrincipal(context.principal)).andWhere('transfer.documentId = :documentId', {
      documentId: document.id,
    });
    if (args.status) query.andWhere('transfer.status = :status', { status: args.status });
    return paginate(query, 'transfer.id', (transfer) => transfer.id, args);
  }
}
