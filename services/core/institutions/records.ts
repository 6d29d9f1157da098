/**
 * Units, agencies and officials as the institutions subgraph answers them to the other hub
 * processes: one record type per entity, whichever subgraph asks and however it asks.
 */
export interface UnitRecord {
  /** The version id: the code for pre-reform units (`62`), `<code>@2025` for units of the reform. */
  id: string;
  code: string;
  name: string;
  level: 'NATION' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  /** Public path, for example `VN/91/905`. */
  path: string;
  /** First day the unit exists (ISO date); null when it predates the hub's records. */
  validFrom: string | null;
  /** Last day the unit exists (ISO date); null while it does. */
  validTo: string | null;
  /**
   * Its path and those of every dissolved unit whose territory went into it (rule 13): the
   * scope of its principals and what its reports count.
   */
  territory: string[];
  /** Where a dissolved unit's territory went (empty while it is in force). */
  successors: { id: string; code: string; name: string }[];
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
  /** A unit by code, as of today (the tree day): the holder of the code, or its last holder. */
  unit: UnitRecord;
  /** A unit by version id. */
  unitVersion: UnitRecord;
  agency: AgencyRecord;
  official: OfficialRecord;
}

export type EntityKind = keyof InstitutionsRecords;

export const UNIT_FIELDS = 'id code name level path validFrom validTo territory successors(first: 100) { edges { node { id code name } } }';

/** A unit as institutions answers it, its successors' connection flattened. */
export const unitOf = (raw: any): UnitRecord | null =>
  raw ? { ...raw, successors: raw.successors.edges.map((edge: { node: UnitRecord['successors'][number] }) => edge.node) } : null;

interface RootField<K extends EntityKind> {
  /** The root field, when it is not the kind's name. */
  name?: string;
  /** `unit(code: String!)`, `agency(id: ID!)`, `official(id: ID!)`. */
  argument: string;
  argumentType: string;
  selection: string;
  /** The record from the raw answer; null when the answer names none. */
  parse(raw: any): InstitutionsRecords[K] | null;
}

/** How each entity is asked for: the root field of the institutions schema and its selection. */
export const ROOT_FIELDS: { [K in EntityKind]: RootField<K> } = {
  unit: { argument: 'code', argumentType: 'String!', selection: UNIT_FIELDS, parse: unitOf },
  unitVersion: { name: 'unit', argument: 'id', argumentType: 'ID!', selection: UNIT_FIELDS, parse: unitOf },
  agency: { argument: 'id', argumentType: 'ID!', selection: `id name kind unit { ${UNIT_FIELDS} }`, parse: (raw) => (raw ? { ...raw, unit: unitOf(raw.unit) } : null) },
  official: {
    argument: 'id',
    argumentType: 'ID!',
    selection: `id name position isLeader agency { id unit { ${UNIT_FIELDS} } }`,
    parse: (raw) =>
      raw?.agency
        ? { id: raw.id, name: raw.name, position: raw.position, isLeader: raw.isLeader, agencyId: raw.agency.id, unit: unitOf(raw.agency.unit)! }
        : null,
  },
};
