import type { SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { forbidden, unauthenticated } from '../../core/errors';
import { byKeys } from '../../core/loaders';
import type { Principal } from '../../core/principal';
import { requirePrincipal, subtreeRange } from '../../core/scope';
import { DocumentTransfer } from '../exchange/document-transfer';
import { Document } from './document';

/**
 * Who reads a document, in SQL: the issuing agency's unit is in the principal's scope, OR
 * the document was sent to an agency in the principal's scope. Two indexed ranges.
 */
export function visibleDocuments(context: SubgraphContext, principal: Principal): SelectQueryBuilder<Document> {
  const { low, high } = subtreeRange(principal.unitPath);
  const query = context.dataSource.getRepository(Document).createQueryBuilder('document');
  const received = query
    .subQuery()
    .select('1')
    .from(DocumentTransfer, 'received')
    .where('received.documentId = document.id')
    .andWhere('received.recipientUnitPath >= :scopeLow AND received.recipientUnitPath < :scopeHigh')
    .getQuery();
  return query.andWhere(`((document.unitPath >= :scopeLow AND document.unitPath < :scopeHigh) OR EXISTS ${received})`, {
    scopeLow: low,
    scopeHigh: high,
  });
}

/** Documents by id for one request, with the visibility rule in SQL; FORBIDDEN for one outside it. */
export function documentById(context: SubgraphContext) {
  return context.loaders.get<string, Document>('visible:Document', async (ids) => {
    const principal = context.principal;
    if (!principal) return ids.map(() => unauthenticated('Document is not public: a valid bearer token is required'));
    const rows = await visibleDocuments(context, principal).andWhere('document.id IN (:...ids)', { ids: [...ids] }).getMany();
    const found = byKeys(ids, rows, (row) => row.id);
    const missing = ids.filter((_id, index) => found[index] === null);
    if (missing.length === 0) return found;
    const existing = await context.dataSource
      .getRepository(Document)
      .createQueryBuilder('document')
      .select('document.id', 'id')
      .where('document.id IN (:...missing)', { missing })
      .getRawMany<{ id: string }>();
    const outside = new Set(existing.map((row) => row.id));
    return found.map(
      (row, index) => row ?? (outside.has(ids[index]) ? forbidden(`Document ${ids[index]} is outside the scope of unit ${principal.unitCode}`) : null),
    );
  });
}

export const requireVisibleDocuments = (context: SubgraphContext) => visibleDocuments(context, requirePrincipal(context.principal));
