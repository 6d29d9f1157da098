/**
 * Looks up a unit's path in the institutions data, so a principal's scope never rests on a
 * client claim. Answers are cached for a few minutes; units change rarely and a changed
 * path only narrows or widens scope after the cache expires.
 */
export interface UnitRecord {
  code: string;
  path: string;
  validTo: string | null;
}

const QUERY = 'query UnitForPrincipal($code: String!) { unit(code: $code) { code path validTo } }';

export class UnitDirectory {
  private readonly cache = new Map<string, { record: UnitRecord | null; expires: number }>();

  constructor(
    private readonly institutionsUrl: () => string,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async find(code: string): Promise<UnitRecord | null> {
    const cached = this.cache.get(code);
    if (cached && cached.expires > Date.now()) return cached.record;
    const response = await fetch(this.institutionsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { code } }),
    });
    if (!response.ok && response.status !== 200) throw new Error(`institutions answered ${response.status}`);
    const body = (await response.json()) as { data?: { unit: UnitRecord | null }; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    if (codes.some((errorCode) => errorCode !== 'NOT_FOUND' && errorCode !== 'BAD_USER_INPUT')) {
      throw new Error(`institutions could not look up unit ${code}`);
    }
    const record = body.data?.unit ?? null;
    this.cache.set(code, { record, expires: Date.now() + (record ? this.ttlMs : 30_000) });
    return record;
  }
}
