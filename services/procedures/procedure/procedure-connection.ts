import { Connection } from '../../core/pagination';
import { Procedure } from './procedure';

export const ProcedureConnection = Connection(Procedure);
