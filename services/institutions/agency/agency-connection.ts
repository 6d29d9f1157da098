import { Connection } from '../../core/pagination';
import { Agency } from './agency';

export const AgencyConnection = Connection(Agency);
