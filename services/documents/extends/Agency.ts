import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import { paginate, type Page } from '../../core/pagination';
import { requirePrincipal } from '../../core/access';
import type { Certificate } from '../certificate/certificate';
import { CertificateKindPageArgs } from '../certificate/certificate-args';
import { CertificateConnection } from '../certificate/certificate-connection';
import { listCertificates } from '../certificate/certificate-list';
import type { Document } from '../document/document';
import { requireVisibleDocuments } from '../document/document-access';
import { DocumentFilterPageArgs } from '../document/document-args';
import { DocumentConnection } from '../document/document-connection';
import type { DocumentTransfer } from '../exchange/document-transfer';
import { visibleTransfers } from '../exchange/transfer-access';
import { TransferPageArgs } from '../exchange/transfer-args';
import { DocumentTransferConnection } from '../exchange/transfer-connection';

/** Agency is owned by institutions; this subgraph adds its certificates, issued documents and inbox. */
export const AgencyRef = foreignEntity('Agency');
export type AgencyRef = EntityReference;

@Resolver(() => AgencyRef)
export class AgencyDocumentsResolver {
  @FieldResolver(() => CertificateConnection, { nullable: true, description: "The agency's certificates and its officials' (within your scope)." })
  certificates(@Root() agency: AgencyRef, @Args() args: CertificateKindPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Certificate>> {
    return listCertificates(context, { agencyId: agency.id, kind: args.kind }, args);
  }

  @FieldResolver(() => DocumentConnection, { nullable: true, description: 'Documents the agency issued that you may read.' })
  issuedDocuments(@Root() agency: AgencyRef, @Args() args: DocumentFilterPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Document>> {
    const query = requireVisibleDocuments(context).andWhere('document.agencyId = :agencyId', { agencyId: agency.id });
    if (args.type) query.andWhere('document.type = :type', { type: args.type });
    if (args.year) query.andWhere('document.year = :year', { year: args.year });
    return paginate(query, 'document.id', (document) => document.id, args);
  }

  @FieldResolver(() => DocumentTransferConnection, { nullable: true, description: 'Sổ văn bản đến: transfers the agency received (within your scope, or sent by it).' })
  inbox(@Root() agency: AgencyRef, @Args() args: TransferPageArgs, @Ctx() context: SubgraphContext): Promise<Page<DocumentTransfer>> {
    const query = visibleTransfers(context, requirePrincipal(context.principal)).andWhere('transfer.recipientAgencyId = :agencyId', {
      agencyId: agency.id,
    });
    if (args.status) query.andWhere('transfer.status = :status', { status: args.status });
    return paginate(query, 'transfer.id', (transfer) => transfer.id, args);
  }
}
