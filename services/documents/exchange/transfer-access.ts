import type { SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { forbidden, unauthenticated } from '../../core/errors';
import { byKeys } from '../../core/loaders';
import type { Principal } from '../../core/principal';
import { subtreeRange } from '../../core/scope';
import { DocumentTransfer } from './document-transfer';

/** Who reads a transfer, in SQL: its sender's unit OR its recipient's unit is in the scope. */
export function visibleTransfers(context: SubgraphContext, principal: Principal): SelectQueryBuilder<DocumentTransfer> {
  const { low, high } = subtreeRange(principal.unitPath);
  return context.dataSource
    .getRepository(DocumentTransfer)
    .createQueryBuilder('transfer')
    .andWhere(
      '((transfer.senderUnitPath >= :scopeLow AND transfer.senderUnitPath < :scopeHigh) OR ' +
        '(transfer.recipientUnitPath >= :scopeLow AND transfer.recipientUnitPath < :scopeHigh))',
      { scopeLow: low, scopeHigh: high },
    );
}

export function transferById(context: SubgraphContext) {
  return context.loaders.get<string, DocumentTransfer>('visible:DocumentTransfer', async (ids) => {
    const principal = context.principal;
    if (!principal) return ids.map(() => unauthenticated('Transfers are not public: a valid bearer token is required'));
    const rows = await visibleTransfers(context, principal).andWhere('transfer.id IN (:...ids)', { ids: [...ids] }).getMany();
    const found = byKeys(ids, rows, (row) => row.id);
    if (found.every((row) => row !== null)) return found;
    const existing = await context.dataSource
      .getRepository(DocumentTransfer)
      .createQueryBuilder('transfer')
      .select('transfer.id', 'id')
      .where('transfer.id IN (:...ids)', { ids: [...ids] })
      .getRawMany<{ id: string }>();
    const outside = new Set(existing.map((row) => row.id));
    return found.map(
      (row, index) => row ?? (outside.has(ids[index]) ? forbidden(`Transfer ${ids[index]} is outside the scope of unit ${principal.unitCode}`) : null),
    );
  });
}
