import { callInternal, InternalCallFailed, serviceBase } from '../../services/core/internal-call';
import { SERVICE_CLIENT_CHANNEL, SERVICE_CLIENT_ENDPOINT, type ClientRecord } from '../../services/core/service-client-record';
import { sharedState, type SharedState } from '../../services/core/shared-state';

/**
 * Service clients as institutions keeps them. The token endpoint reads them fresh; requests
 * carrying a client's token read them through a short cache. Institutions announces every change
 * (revocation, credentials, safelist) on the shared state's channel and every gateway drops its
 * copy when the message arrives (Redis pub/sub with several gateways); a lost message (Redis away)
 * costs at most `cacheSeconds`, and a reconnection drops the whole cache.
 */
export class ClientDirectory {
  private readonly cache = new Map<string, { at: number; record: Promise<ClientRecord | null> }>();
  /** Stops listening for changes (the gateway's close). */
  readonly close: () => void;

  constructor(
    private readonly institutionsGraphqlUrl: () => string,
    private readonly cacheSeconds: number,
    state: SharedState = sharedState(),
  ) {
    this.close = state.subscribe(
      SERVICE_CLIENT_CHANNEL,
      (clientId) => this.cache.delete(clientId),
      () => this.cache.clear(),
    );
  }

  async fresh(clientId: string): Promise<ClientRecord | null> {
    const record = this.fetch(clientId);
    this.cache.set(clientId, { at: Date.now(), record });
    return record;
  }

  current(clientId: string): Promise<ClientRecord | null> {
    const cached = this.cache.get(clientId);
    if (cached && Date.now() - cached.at < this.cacheSeconds * 1000) return cached.record;
    return this.fresh(clientId);
  }

  private async fetch(clientId: string): Promise<ClientRecord | null> {
    try {
      return await callInternal<ClientRecord>(serviceBase(this.institutionsGraphqlUrl()), SERVICE_CLIENT_ENDPOINT, 'gateway', { clientId });
    } catch (error) {
      if (error instanceof InternalCallFailed && error.status === 404) return null;
      // A failed lookup is not cached: the next request asks again.
      this.cache.delete(clientId);
      throw error;
    }
  }
}
