import { badInput, forbidden, notFound, unauthenticated } from '../errors';
import type { Principal } from '../principal';
import { AliasedLookups } from './aliased-lookups';
import { hubPrincipal } from './hub-principal';
import type { AgencyRecord, OfficialRecord } from './records';
import type { Deadline } from '../deadline';
import { UnitDirectory, type UnitLookups } from './unit-directory';

/**
 * Who asks institutions, chosen at every call:
 * - `caller`: the request's principal, forwarded signed with the internal key as the gateway
 *   does; institutions filters the answer by the caller's scope (an id outside it is answered
 *   like one that names nothing: `docs/architecture.md` rule 2). Kept
 *   for the request only, never shared with another principal.
 * - `hub`: the hub's national service principal (hub-principal.ts), for facts that are public
 *   or that a write needs whatever the caller's scope. Cached for a few minutes per process.
 */
export type Asker = 'caller' | 'hub';

export interface AskOptions {
  as: Asker;
}

export interface RequireOptions extends AskOptions {
  /**
   * The input argument that named the ids: an unknown id is then BAD_USER_INPUT naming it.
   * Without it an unknown id is NOT_FOUND.
   */
  argument?: string;
}

interface Records {
  agency: AgencyRecord;
  official: OfficialRecord;
}

/** Agencies or officials by id, as the caller or as the hub. */
export class EntityLookups<K extends keyof Records> {
  constructor(
    private readonly kind: K,
    private readonly lookups: (as: Asker) => AliasedLookups,
    private readonly principal: Principal | undefined,
    private readonly deadline?: Deadline,
  ) {}

  /**
   * Records in the order of `ids`, null for an id that names nothing, or, asked as the caller,
   * nothing within the caller's scope (institutions does not tell the two apart). A FORBIDDEN
   * refusal of another kind is passed on.
   */
  async findMany(ids: readonly string[], { as }: AskOptions): Promise<(Records[K] | null)[]> {
    const answers = await this.answers(ids, as);
    return answers.map((answer, index) => (answer.refusal === 'FORBIDDEN' ? this.refuse(ids[index], as) : (answer.record as Records[K] | null)));
  }

  async find(id: string, options: AskOptions): Promise<Records[K] | null> {
    return (await this.findMany([id], options))[0];
  }

  /**
   * Like `findMany`, but an unknown id is refused too: "No agency has id "…"" (see
   * `RequireOptions.argument`). The first refused id in the order of `ids` names the error.
   */
  async requireMany(ids: readonly string[], options: RequireOptions): Promise<Records[K][]> {
    const answers = await this.answers(ids, options.as);
    return answers.map((answer, index) => {
      if (answer.refusal === 'FORBIDDEN') this.refuse(ids[index], options.as);
      if (answer.record) return answer.record as Records[K];
      const message = `No ${this.kind} has id "${ids[index]}"`;
      throw options.argument ? badInput(message, options.argument) : notFound(message);
    });
  }

  private answers(ids: readonly string[], as: AskOptions['as']) {
    const lookups = this.lookups(as);
    return Promise.all(ids.map((id) => lookups.load(this.kind, id, this.deadline)));
  }

  private refuse(id: string, as: AskOptions['as']): never {
    if (as === 'hub') throw new Error(`institutions refused the hub's lookup of ${this.kind} ${id}`);
    throw forbidden(`The ${this.kind} "${id}" is outside the scope of unit ${this.principal!.unitCode}`);
  }

  async require(id: string, options: RequireOptions): Promise<Records[K]> {
    return (await this.requireMany([id], options))[0];
  }
}

/** The institutions lookups of one request (`context.institutions`). */
export class Institutions {
  /** Public: no asker to choose. */
  readonly units: UnitLookups;
  readonly agencies: EntityLookups<'agency'>;
  readonly officials: EntityLookups<'official'>;
  private caller?: AliasedLookups;

  constructor(client: InstitutionsClient, hub: AliasedLookups, url: () => string, principal: Principal | undefined, deadline?: Deadline) {
    this.units = client.units.within(deadline);
    const lookups = (as: Asker): AliasedLookups => {
      if (as === 'hub') return hub;
      if (!principal) throw unauthenticated();
      this.caller ??= new AliasedLookups(url, { principal });
      return this.caller;
    };
    this.agencies = new EntityLookups('agency', lookups, principal, deadline);
    this.officials = new EntityLookups('official', lookups, principal, deadline);
  }
}

/**
 * The one client of the institutions subgraph, one per process: units (public), agencies and
 * officials (as the caller or as the hub), batched into one aliased HTTP request per tick and
 * cached where the answer does not depend on who asks.
 */
export class InstitutionsClient {
  readonly units: UnitDirectory;
  private readonly hub: AliasedLookups;

  constructor(
    /** Name of the asking process (`documents`): the hub principal's subject. */
    asker: string,
    private readonly url: () => string,
    ttlMs = 5 * 60_000,
  ) {
    this.units = new UnitDirectory(url, ttlMs);
    this.hub = new AliasedLookups(url, { principal: hubPrincipal(asker), ttlMs });
  }

  /**
   * The lookups of one request, asking as its principal when a call asks as the caller, each
   * waiting until the request's deadline at most (services/core/deadline.ts).
   */
  forRequest(principal?: Principal, deadline?: Deadline): Institutions {
    return new Institutions(this, this.hub, this.url, principal, deadline);
  }
}
