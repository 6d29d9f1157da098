import DataLoader from 'dataloader';
import { askInstitutions } from './institutions-client';

/**
 * Looks units up in the institutions data over HTTP (public fields only), so a scope never
 * rests on a client claim or on a path written into an entity representation. The gateway
 * uses it to turn a token's unit code into a path; subgraphs use it to check aggregates and
 * writes about a unit. Answers are cached for a few minutes; lookups made in the same tick
 * go out as one aliased query.
 */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: 'NATION' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  /** Public path, for example `VN/91/905`. */
  path: string;
  validTo: string | null;
}

const FIELDS = 'id code name level path validTo';

export class UnitDirectory {
  private readonly cache = new Map<string, { record: UnitRecord | null; expires: number }>();
  private readonly loader = new DataLoader<string, UnitRecord | null>((codes) => this.fetchMany(codes), { cache: false, maxBatchSize: 200 });

  constructor(
    /** Where institutions answers; subgraphs that look up agencies or officials ask it too. */
    readonly institutionsUrl: () => string,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async find(code: string): Promise<UnitRecord | null> {
    const cached = this.cache.get(code);
    if (cached && cached.expires > Date.now()) return cached.record;
    return this.loader.load(code);
  }

  findMany(codes: readonly string[]): Promise<(UnitRecord | null)[]> {
    return Promise.all(codes.map((code) => this.find(code)));
  }

  private async fetchMany(codes: readonly string[]): Promise<(UnitRecord | null)[]> {
    const variables = Object.fromEntries(codes.map((code, index) => [`c${index}`, code]));
    const declarations = codes.map((_code, index) => `$c${index}: String!`).join(', ');
    const selections = codes.map((_code, index) => `u${index}: unit(code: $c${index}) { ${FIELDS} }`).join('\n');
    const body = await askInstitutions<Record<string, UnitRecord | null>>(
      this.institutionsUrl(),
      `query UnitDirectory(${declarations}) { ${selections} }`,
      variables,
    );
    // NOT_FOUND and BAD_USER_INPUT mean "no such unit"; anything else means the lookup failed.
    if ((body.errors ?? []).some((error) => !['NOT_FOUND', 'BAD_USER_INPUT'].includes(error.extensions?.code ?? ''))) {
      throw new Error(`institutions could not look up units ${codes.join(', ')}`);
    }
    return codes.map((code, index) => {
      const record = body.data?.[`u${index}`] ?? null;
      this.cache.set(code, { record, expires: Date.now() + (record ? this.ttlMs : 30_000) });
      return record;
    });
  }
}
