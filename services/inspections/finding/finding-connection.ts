import { Connection } from '../../core/pagination';
import { Finding } from './finding';

export const FindingConnection = Connection(Finding);
