import type { Deadline } from '../deadline';
import { AliasedLookups } from './aliased-lookups';
import type { UnitRecord } from './records';

/**
 * Looks units up in the institutions data over HTTP (public fields only), so a scope never
 * rests on a client claim or on a path written into an entity representation. The gateway
 * uses it to turn a token's unit code into a path; subgraphs use it (as `context.institutions.units`)
 * to check aggregates and writes about a unit. Units are public: asked without a principal,
 * cached for a few minutes; lookups made in the same tick go out as one aliased query.
 */
export class UnitDirectory {
  private readonly lookups: AliasedLookups;

  constructor(institutionsUrl: () => string, ttlMs = 5 * 60_000) {
    this.lookups = new AliasedLookups(institutionsUrl, { ttlMs });
  }

  /** The unit with this official code; null when there is none or the code is malformed. */
  async find(code: string, deadline?: Deadline): Promise<UnitRecord | null> {
    const answer = await this.lookups.load('unit', code, deadline);
    // Units are public: a FORBIDDEN answer means the lookup itself went wrong.
    if (answer.refusal === 'FORBIDDEN') throw new Error(`institutions refused to look up unit ${code}`);
    return answer.record;
  }

  findMany(codes: readonly string[], deadline?: Deadline): Promise<(UnitRecord | null)[]> {
    return Promise.all(codes.map((code) => this.find(code, deadline)));
  }

  /** The same directory, asking within one request's deadline. */
  within(deadline: Deadline | undefined): UnitLookups {
    return { find: (code) => this.find(code, deadline), findMany: (codes) => this.findMany(codes, deadline) };
  }
}

/** Unit lookups of one request (`context.institutions.units`). */
export interface UnitLookups {
  find(code: string): Promise<UnitRecord | null>;
  findMany(codes: readonly string[]): Promise<(UnitRecord | null)[]>;
}
