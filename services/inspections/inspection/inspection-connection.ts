import { Connection } from '../../core/pagination';
import { Inspection } from './inspection';

export const InspectionConnection = Connection(Inspection);
