import { Connection } from '../../core/pagination';
import { Official } from './official';

export const OfficialConnection = Connection(Official);
