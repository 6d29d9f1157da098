import { Connection } from '../../core/pagination';
import { DocumentTransfer } from './document-transfer';

export const DocumentTransferConnection = Connection(DocumentTransfer);
