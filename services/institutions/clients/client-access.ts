import type { SubgraphContext } from '../../core/context';
import { forbidden } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { hasRole, isWithin, requirePrincipal } from '../../core/scope';
import { scopedLoader } from '../../core/scoped-loader';
import { ServiceClient } from './service-client';

/** Registering, rotating, revoking and safelisting: an ADMIN official whose scope covers the client's unit. */
export function assertMayManageClient(principal: Principal | undefined, storedUnitPath: string, what: string): Principal {
  const who = requirePrincipal(principal);
  if (who.kind !== 'USER' || !hasRole(who, 'ADMIN')) throw forbidden(`${what} needs an ADMIN official`);
  if (!isWithin(storedUnitPath, who.unitPath)) throw forbidden(`${what}: the client's unit is outside the scope of unit ${who.unitCode}`);
  return who;
}

/** Reading clients: ADMIN or INSPECTOR officials (an inspection looks at integrations too). */
export function assertMayReadClients(principal: Principal | undefined): Principal {
  const who = requirePrincipal(principal);
  if (who.kind !== 'USER' || !hasRole(who, 'ADMIN', 'INSPECTOR')) throw forbidden('Service clients are for ADMIN and INSPECTOR officials');
  return who;
}

export const serviceClientById = (context: SubgraphContext) => scopedLoader(context, { entity: ServiceClient, label: 'ServiceClient' });
