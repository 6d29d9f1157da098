import { callInternal, InternalCallFailed, serviceBase } from '../../services/core/internal-call';
import { SERVICE_CLIENT_ENDPOINT, type ClientRecord } from '../../services/core/service-client-record';

/**
 * Service clients as institutions keeps them. The token endpoint reads them fresh; requests
 * carrying a client's token read them through a short cache, so a revoked client, a rotated
 * scope or a removed safelisted operation takes effect within `cacheSeconds`.
 */
export class ClientDirectory {
  private readonly cache = new Map<string, { at: number; record: Promise<ClientRecord | null> }>();

  constructor(
    private readonly institutionsGraphqlUrl: () => string,
    private readonly cacheSeconds: number,
  ) {}

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
