import { Connection } from '../../core/pagination';
import { Certificate } from './certificate';

export const CertificateConnection = Connection(Certificate);
