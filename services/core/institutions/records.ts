/**
 * Units, agencies and officials as the institutions subgraph answers them to the other hub
 * processes: one record type per entity, whichever subgraph asks and however it asks.
 */
export interface UnitRecord {
  /** The same as `code`. */
  id: string;
  code: string;
  name: string;
  level: 'NATION' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  /** Public path, for example `VN/91/905`. */
  path: string;
  /** Last day the unit exists (ISO date); null while it does. */
  validTo: string | null;
}

export interface AgencyRecord {
  id: string;
  name: string;
  /** `AgencyKind` of the institutions schema, for example `ONE_STOP_DESK`. */
  kind: string;
  /** The unit the agency belongs to. */
  unit: UnitRecord;
}

export interface OfficialRecord {
  id: string;
  name: string;
  position: string;
  isLeader: boolean;
  agencyId: string;
  /** The unit of the official's agency. */
  unit: UnitRecord;
}

export interface InstitutionsRecords {
  unit: UnitRecord;
  agency: AgencyRecord;
  official: OfficialRecord;
}

export type EntityKind = keyof InstitutionsRecords;

const UNIT_FIELDS = 'id code name level path validTo';

interface RootField<K extends EntityKind> {
  /** `unit(code: String!)`, `agency(id: ID!)`, `official(id: ID!)`. */
  argument: string;
  argumentType: string;
  selection: string;
  /** The record from the raw answer; null when the answer names none. */
  parse(raw: any): InstitutionsRecords[K] | null;
}

/** How each entity is asked for: the root field of the institutions schema and its selection. */
export const ROOT_FIELDS: { [K in EntityKind]: RootField<K> } = {
  unit: { argument: 'code', argumentType: 'String!', selection: UNIT_FIELDS, parse: (raw) => raw ?? null },
  agency: { argument: 'id', argumentType: 'ID!', selection: `id name kind unit { ${UNIT_FIELDS} }`, parse: (raw) => raw ?? null },
  official: {
    argument: 'id',
    argumentType: 'ID!',
    selection: `id name position isLeader agency { id unit { ${UNIT_FIELDS} } }`,
    parse: (raw) =>
      raw?.agency
        ? { id: raw.id, name: raw.name, position: raw.position, isLeader: raw.isLeader, agencyId: raw.agency.id, unit: raw.agency.unit }
        : null,
  },
};
