import DataLoader from 'dataloader';
import { partUnavailable, type Deadline } from '../deadline';
import type { Principal } from '../principal';
import { askInstitutions } from './ask-institutions';
import { ROOT_FIELDS, type EntityKind, type InstitutionsRecords } from './records';

/** Codes institutions gives about one key that answer about that key (any other code is a failed lookup). */
const REFUSALS = ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** What institutions answered about one key: its record, or why there is none. */
export type Answer<K extends EntityKind> = { record: InstitutionsRecords[K]; refusal?: undefined } | { record: null; refusal: Refusal };

interface Lookup {
  kind: EntityKind;
  key: string;
  /** When the request that asks must have its answer (services/core/deadline.ts). */
  deadline?: Deadline;
}

/** An inspection plan names up to 500 agencies: still one request. */
const MAX_BATCH = 500;
const MISSING_TTL_MS = 30_000;

export interface LookupOptions {
  /** Who asks, signed with the internal key; absent: a public request. */
  principal?: Principal;
  /**
   * Keep answers this long (ms) for every later call on this instance, a key that names
   * nothing for 30 s. Only for answers that do not depend on who asks. Without it, answers
   * live as long as the instance (one request).
   */
  ttlMs?: number;
}

const cacheKey = ({ kind, key }: Lookup) => `${kind}|${key}`;

/**
 * Lookups of units, agencies and officials by key, for one asker: those made in the same tick
 * go out as ONE aliased GraphQL request (`k0: agency(id: $k0) { … } k1: official(id: $k1) { … }`).
 * A refusal about one key (NOT_FOUND, BAD_USER_INPUT, FORBIDDEN) is that key's answer; any
 * other error, or no answer at all, fails the whole batch.
 */
export class AliasedLookups {
  private readonly cache = new Map<string, { answer: Answer<EntityKind>; expires: number }>();
  private readonly loader: DataLoader<Lookup, Answer<EntityKind>, string>;

  constructor(
    private readonly url: () => string,
    private readonly options: LookupOptions = {},
  ) {
    this.loader = new DataLoader((lookups) => this.fetch(lookups), {
      cacheKeyFn: cacheKey,
      // A shared instance keeps answers only in its TTL cache; a per-request one memoizes them.
      cache: options.ttlMs === undefined,
      maxBatchSize: MAX_BATCH,
    });
  }

  /** `deadline`: that of the request asking; a batch waits until the latest deadline of its askers. */
  load<K extends EntityKind>(kind: K, key: string, deadline?: Deadline): Promise<Answer<K>> {
    const cached = this.cache.get(cacheKey({ kind, key }));
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached.answer as Answer<K>);
    return this.loader.load({ kind, key, deadline }) as Promise<Answer<K>>;
  }

  private async fetch(lookups: readonly Lookup[]): Promise<Answer<EntityKind>[]> {
    const variables = Object.fromEntries(lookups.map(({ key }, index) => [`k${index}`, key]));
    const declarations = lookups.map(({ kind }, index) => `$k${index}: ${ROOT_FIELDS[kind].argumentType}`).join(', ');
    const selections = lookups.map(({ kind }, index) => {
      const field = ROOT_FIELDS[kind];
      return `k${index}: ${field.name ?? kind}(${field.argument}: $k${index}) { ${field.selection} }`;
    });
    const query = `query InstitutionsLookup(${declarations}) { ${selections.join('\n')} }`;
    const deadlines = lookups.map((lookup) => lookup.deadline);
    const deadline = deadlines.includes(undefined) ? undefined : Math.max(...(deadlines as Deadline[]));
    const body = await askInstitutions<Record<string, unknown>>(this.url(), query, variables, this.options.principal, deadline);
    const refusals = new Map<string, Refusal>();
    for (const error of body.errors ?? []) {
      const alias = error.path?.[0];
      const code = error.extensions?.code as Refusal;
      // Institutions could not answer (its database went away): a fault of the hub to retry.
      if ((code as string) === 'SERVICE_UNAVAILABLE') throw partUnavailable('institutions', error);
      if (typeof alias !== 'string' || !(alias in variables) || !REFUSALS.includes(code)) {
        const asked = lookups.map(({ kind, key }) => `${kind} ${key}`).join(', ');
        throw new Error(`institutions could not look up ${asked}: ${error.message ?? code}`);
      }
      if (!refusals.has(alias)) refusals.set(alias, code);
    }
    return lookups.map((lookup, index) => {
      const refusal = refusals.get(`k${index}`);
      const record = refusal ? null : ROOT_FIELDS[lookup.kind].parse(body.data?.[`k${index}`]);
      const answer: Answer<EntityKind> = record ? { record } : { record: null, refusal: refusal ?? 'NOT_FOUND' };
      this.remember(lookup, answer);
      return answer;
    });
  }

  private remember(lookup: Lookup, answer: Answer<EntityKind>) {
    const { ttlMs } = this.options;
    // FORBIDDEN depends on who asks: never kept.
    if (ttlMs === undefined || answer.refusal === 'FORBIDDEN') return;
    this.cache.set(cacheKey(lookup), { answer, expires: Date.now() + (answer.record ? ttlMs : MISSING_TTL_MS) });
  }
}
