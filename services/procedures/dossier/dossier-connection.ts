import { Connection } from '../../core/pagination';
import { Dossier } from './dossier';

export const DossierConnection = Connection(Dossier);
