import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import { listsByColumn } from '../../core/page-batch';
import type { Page } from '../../core/pagination';
import { requirePrincipal } from '../../core/access';
import type { Certificate } from '../certificate/certificate';
import { CertificateKindPageArgs } from '../certificate/certificate-args';
import { CertificateConnection } from '../certificate/certificate-connection';
import { certificatesOf } from '../certificate/certificate-list';
import type { Document } from '../document/document';
import { requireVisibleDocuments } from '../document/document-access';
import { DocumentFilterPageArgs } from '../document/document-args';
import { DocumentConnection } from '../document/document-connection';
import type { DocumentTransfer } from '../exchange/document-transfer';
import { visibleTransfers } from '../exchange/transfer-access';
import { TransferPageArgs } from '../exchange/transfer-args';
import { DocumentTransferConnection } from '../exchange/transfer-connection';

/**
 * Agency is owned by institutions; this subgraph adds its certificates, issued documents and inbox:
 * the lists of every agency of a batch of representations in the same statements
 * (core/page-batch.ts; docs/architecture.md, "Entity batches").
 */
export const AgencyRef = foreignEntity('Agency');
export type AgencyRef = EntityReference;

@Resolver(() => AgencyRef)
export class AgencyDocumentsResolver {
  @FieldResolver(() => CertificateConnection, { nullable: true, description: "The agency's certificates and its officials' (within your scope)." })
  async certificates(@Root() agency: AgencyRef, @Args() args: CertificateKindPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Certificate>> {
    return (await certificatesOf(context, 'agencyId', args.kind, { first: args.first, after: args.after, updatedSince: args.updatedSince }).load(agency.id))!;
  }

  @FieldResolver(() => DocumentConnection, { nullable: true, description: 'Documents the agency issued that you may read.' })
  async issuedDocuments(@Root() agency: AgencyRef, @Args() args: DocumentFilterPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Document>> {
    const documents = () => {
      const query = requireVisibleDocuments(context);
      if (args.type) query.andWhere('document.type = :type', { type: args.type });
      if (args.year) query.andWhere('document.year = :year', { year: args.year });
      return query;
    };
    return (await listsByColumn(context, 'issued-documents', { ...args }, documents, 'document.id', (document) => document.id, 'document.agencyId').load(agency.id))!;
  }

  @FieldResolver(() => DocumentTransferConnection, { nullable: true, description: 'Sổ văn bản đến: transfers the agency received (within your scope, or sent by it).' })
  async inbox(@Root() agency: AgencyRef, @Args() args: TransferPageArgs, @Ctx() context: SubgraphContext): Promise<Page<DocumentTransfer>> {
    const transfers = () => {
      const query = visibleTransfers(context, requirePrincipal(context.principal));
      if (args.status) query.andWhere('transfer.status = :status', { status: args.status });
      return query;
    };
    return (await listsByColumn(context, 'inbox', { ...args }, transfers, 'transfer.id', (transfer) => transfer.id, 'transfer.recipientAgencyId').load(agency.id))!;
  }
}
