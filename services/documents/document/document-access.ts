import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import type { Principal } from '../../core/principal';
import { requirePrincipal, subtreeRange } from '../../core/scope';
import { scopedLoader } from '../../core/scoped-loader';
import { DocumentTransfer } from '../exchange/document-transfer';
import { Document } from './document';

/**
 * Who reads a document, in SQL: the issuing agency's unit is in the principal's scope, OR
 * the document was sent to an agency in the principal's scope. Two indexed ranges.
 */
function whereVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal): SelectQueryBuilder<T> {
  const { low, high } = subtreeRange(principal.unitPath);
  const received = query
    .subQuery()
    .select('1')
    .from(DocumentTransfer, 'received')
    .where(`received.documentId = ${alias}.id`)
    .andWhere('received.recipientUnitPath >= :scopeLow AND received.recipientUnitPath < :scopeHigh')
    .getQuery();
  return query.andWhere(`((${alias}.unitPath >= :scopeLow AND ${alias}.unitPath < :scopeHigh) OR EXISTS ${received})`, {
    scopeLow: low,
    scopeHigh: high,
  });
}

export const visibleDocuments = (context: SubgraphContext, principal: Principal) =>
  whereVisible(context.dataSource.getRepository(Document).createQueryBuilder('document'), 'document', principal);

/** Documents by id for one request, with the same visibility in SQL; FORBIDDEN for one outside it. */
export const documentById = (context: SubgraphContext) =>
  scopedLoader(context, { entity: Document, label: 'Document', inScope: (query, principal) => whereVisible(query, 'row', principal) });

export const requireVisibleDocuments = (context: SubgraphContext) => visibleDocuments(context, requirePrincipal(context.principal));
