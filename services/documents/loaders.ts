import type { SubgraphContext } from '../core/context';
import { scopedLoader } from '../core/access';
import { Certificate } from './certificate/certificate';

/** Certificates by id with the scope in SQL; FORBIDDEN for one outside the scope. */
export const certificateById = (context: SubgraphContext) => scopedLoader(context, { entity: Certificate, label: 'Certificate' });
