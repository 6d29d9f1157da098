import { SERVICE_CLIENT_CHANNEL } from '../../core/service-client-record';
import { sharedState } from '../../core/shared-state';

/**
 * Tells every gateway that a client changed (revoked, new credentials, safelist), through the
 * shared state's messages (Redis pub/sub with several replicas), so each drops its cached copy
 * at once. A lost message costs at most the gateways' cache time (HUB_CLIENT_CACHE_SECONDS): the
 * write is done and stays done, so a failed announcement is logged, not thrown.
 */
export async function announceClientChange(clientId: string): Promise<void> {
  try {
    await sharedState().publish(SERVICE_CLIENT_CHANNEL, clientId);
  } catch (error) {
    console.error(`service client ${clientId} changed, but the gateways could not be told: ${(error as Error).message}`);
  }
}
