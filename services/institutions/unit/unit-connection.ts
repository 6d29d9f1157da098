import { Connection } from '../../core/pagination';
import { AdministrativeUnit } from './administrative-unit';

export const UnitConnection = Connection(AdministrativeUnit);
