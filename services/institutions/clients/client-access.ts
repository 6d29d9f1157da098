import type { SubgraphContext } from '../../core/context';
import { forbidden } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { hasRole, requirePrincipal, scopedLoader } from '../../core/access';
import { ServiceClient } from './service-client';

/** Reading clients: ADMIN or INSPECTOR officials (an inspection looks at integrations too). */
export function assertMayReadClients(principal: Principal | undefined): Principal {
  const who = requirePrincipal(principal);
  if (who.kind !== 'USER' || !hasRole(who, 'ADMIN', 'INSPECTOR')) throw forbidden('Service clients are for ADMIN and INSPECTOR officials');
  return who;
}

export const serviceClientById = (context: SubgraphContext) => scopedLoader(context, { entity: ServiceClient, label: 'ServiceClient' });
