import type { Deadline } from '../deadline';
import { AliasedLookups } from './aliased-lookups';
import { askInstitutions } from './ask-institutions';
import { UNIT_FIELDS, unitOf, type UnitRecord } from './records';

/** 63 provinces before 1/7/2025, 34 after: one page. */
const PROVINCES_QUERY = `query ProvincesInForce($asOf: LocalDate!) { units(level: PROVINCE, asOf: $asOf, first: 100) { edges { node { ${UNIT_FIELDS} } } } }`;

/**
 * Looks units up in the institutions data over HTTP (public fields only), so a scope never
 * rests on a client claim or on a path written into an entity representation. The gateway
 * uses it to turn a token's unit code into a path; subgraphs use it (as `context.institutions.units`)
 * to check aggregates and writes about a unit. Units are public: asked without a principal,
 * cached for a few minutes; lookups made in the same tick go out as one aliased query.
 */
export class UnitDirectory {
  private readonly lookups: AliasedLookups;
  private readonly provinces = new Map<string, { answer: Promise<UnitRecord[]>; expires: number }>();

  constructor(
    private readonly institutionsUrl: () => string,
    private readonly ttlMs = 5 * 60_000,
  ) {
    this.lookups = new AliasedLookups(institutionsUrl, { ttlMs });
  }

  /**
   * The provinces in force on `day` (YYYY-MM-DD), each with its territory: what a ranking among
   * provinces ranks (63 before 1/7/2025, 34 after; docs/architecture.md rule 13). Cached per day.
   */
  provincesOn(day: string, deadline?: Deadline): Promise<UnitRecord[]> {
    const cached = this.provinces.get(day);
    if (cached && cached.expires > Date.now()) return cached.answer;
    const answer = askInstitutions<{ units: { edges: { node: unknown }[] } }>(this.institutionsUrl(), PROVINCES_QUERY, { asOf: day }, undefined, deadline).then(
      (body) => {
        if (!body.data?.units) throw new Error(`institutions did not list the provinces of ${day}: ${body.errors?.[0]?.message ?? 'no data'}`);
        return body.data.units.edges.map((edge) => unitOf(edge.node)!);
      },
    );
    this.provinces.set(day, { answer, expires: Date.now() + this.ttlMs });
    answer.catch(() => this.provinces.delete(day));
    return answer;
  }

  /**
   * The unit an official code names today (the tree day, docs/architecture.md rule 13): the
   * one holding it, or, when none does, its last holder (with its `validTo`). Null when there
   * is none or the code is malformed. For codes a client typed or a token names.
   */
  find(code: string, deadline?: Deadline): Promise<UnitRecord | null> {
    return this.load('unit', code, deadline);
  }

  findMany(codes: readonly string[], deadline?: Deadline): Promise<(UnitRecord | null)[]> {
    return Promise.all(codes.map((code) => this.find(code, deadline)));
  }

  /** The unit with this version id (`62`, `91@2025`), whatever the day: for ids stored in records. */
  findById(id: string, deadline?: Deadline): Promise<UnitRecord | null> {
    return this.load('unitVersion', id, deadline);
  }

  findManyById(ids: readonly string[], deadline?: Deadline): Promise<(UnitRecord | null)[]> {
    return Promise.all(ids.map((id) => this.findById(id, deadline)));
  }

  private async load(kind: 'unit' | 'unitVersion', key: string, deadline?: Deadline): Promise<UnitRecord | null> {
    const answer = await this.lookups.load(kind, key, deadline);
    // Units are public: a FORBIDDEN answer means the lookup itself went wrong.
    if (answer.refusal === 'FORBIDDEN') throw new Error(`institutions refused to look up unit ${key}`);
    return answer.record;
  }

  /** The same directory, asking within one request's deadline. */
  within(deadline: Deadline | undefined): UnitLookups {
    return {
      find: (code) => this.find(code, deadline),
      findMany: (codes) => this.findMany(codes, deadline),
      findById: (id) => this.findById(id, deadline),
      findManyById: (ids) => this.findManyById(ids, deadline),
      provincesOn: (day) => this.provincesOn(day, deadline),
    };
  }
}

/** Unit lookups of one request (`context.institutions.units`). */
export interface UnitLookups {
  /** By official code, as of today: see `UnitDirectory.find`. */
  find(code: string): Promise<UnitRecord | null>;
  findMany(codes: readonly string[]): Promise<(UnitRecord | null)[]>;
  /** By version id. */
  findById(id: string): Promise<UnitRecord | null>;
  findManyById(ids: readonly string[]): Promise<(UnitRecord | null)[]>;
  /** The provinces in force on a day, with their territories: see `UnitDirectory.provincesOn`. */
  provincesOn(day: string): Promise<UnitRecord[]>;
}
