import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import type { Principal } from '../../core/principal';
import { scopedLoader, whereAnyInScope } from '../../core/access';
import { DocumentTransfer } from './document-transfer';

/** Who reads a transfer, in SQL: its sender's unit OR its recipient's unit is in the scope. */
const whereVisible = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal) =>
  whereAnyInScope(query, [`${alias}.senderUnitPath`, `${alias}.recipientUnitPath`], principal);

export const visibleTransfers = (context: SubgraphContext, principal: Principal) =>
  whereVisible(context.dataSource.getRepository(DocumentTransfer).createQueryBuilder('transfer'), 'transfer', principal);

/** Transfers by id for one request, with the same visibility in SQL; FORBIDDEN for one outside it. */
export const transferById = (context: SubgraphContext) =>
  scopedLoader(context, { entity: DocumentTransfer, label: 'DocumentTransfer', inScope: (query, principal) => whereVisible(query, 'row', principal) });
