import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import type { Principal } from '../../core/principal';
import { requirePrincipal, scopedLoader, whereInScopeOrRelated } from '../../core/access';
import { DocumentTransfer } from '../exchange/document-transfer';
import { Document } from './document';

/**
 * Who reads a document, in SQL: the issuing agency's unit is in the principal's scope, OR
 * the document was sent to an agency in the principal's scope. Indexed ranges and one EXISTS.
 */
const whereVisible = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal) =>
  whereInScopeOrRelated(query, `${alias}.unitPath`, principal, {
    entity: DocumentTransfer,
    alias: 'received',
    join: `received.documentId = ${alias}.id`,
    pathColumn: 'received.recipientUnitPath',
  });

export const visibleDocuments = (context: SubgraphContext, principal: Principal) =>
  whereVisible(context.dataSource.getRepository(Document).createQueryBuilder('document'), 'document', principal);

/** Documents by id for one request, with the same visibility in SQL; FORBIDDEN for one outside it. */
export const documentById = (context: SubgraphContext) =>
  scopedLoader(context, { entity: Document, label: 'Document', inScope: (query, principal) => whereVisible(query, 'row', principal) });

export const requireVisibleDocuments = (context: SubgraphContext) => visibleDocuments(context, requirePrincipal(context.principal));
