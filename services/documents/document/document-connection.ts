import { Connection } from '../../core/pagination';
import { Document } from './document';

export const DocumentConnection = Connection(Document);
