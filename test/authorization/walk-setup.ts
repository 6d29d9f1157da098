import type { Role } from '../../services/core/principal';
import type { TestHub } from '../support/hub';
import { principal } from '../support/subgraph-client';
import { apiSchema, ScopeOracle, type WalkPrincipal, type WalkTarget, type WalkUnit } from './graph-walker';

/*
 * Who walks the graph and what it asks about, shared by the graph-wide suite and its self-test
 * (kept out of the test file, so that importing it does not register the whole suite twice).
 */

/** Units of the walk on the pre-reform tree: a chain from the nation to a commune, and a sibling at every level. */
export const WALK_UNITS: WalkUnit[] = [
  { code: 'VN', id: 'VN', path: 'VN' },
  { code: '91', id: '91', path: 'VN/91' },
  { code: '62', id: '62', path: 'VN/62' },
  { code: '64', id: '64', path: 'VN/64' },
  { code: '905', id: '905', path: 'VN/91/905' },
  { code: '906', id: '906', path: 'VN/91/906' },
  { code: '30880', id: '30880', path: 'VN/91/905/30880' },
  { code: '30883', id: '30883', path: 'VN/91/905/30883' },
];

/**
 * Units of the walk on the two-tier tree (from 1 July 2025, rule 13), read on the real day:
 * the merged Quảng Ngãi (51: old Quảng Ngãi 51 and old Kon Tum 62, which holds most of the
 * demo data), the merged Gia Lai beside it (52: old Gia Lai 64, with the demo documents and
 * inspections, and old Bình Định 52), the new ward Kon Tum (23293@2025, made of five wards of
 * old Kon Tum town 608) and the new ward Đăk Bla beside it (23302@2025, made of three others),
 * with the dissolved units their territories hold. Codes 51, 52, 23293 and 23302 name the new
 * units today; the old ones are reached by id.
 */
export const REFORM_WALK_UNITS: WalkUnit[] = [
  { code: '51', id: '51@2025', path: 'VN/51@2025' },
  { code: '52', id: '52@2025', path: 'VN/52@2025' },
  { code: '51', id: '51', path: 'VN/51' },
  { code: '62', id: '62', path: 'VN/62' },
  { code: '52', id: '52', path: 'VN/52' },
  { code: '64', id: '64', path: 'VN/64' },
  { code: '608', id: '608', path: 'VN/62/608' },
  { code: '23293', id: '23293@2025', path: 'VN/51@2025/23293@2025' },
  { code: '23302', id: '23302@2025', path: 'VN/51@2025/23302@2025' },
  { code: '23293', id: '23293', path: 'VN/62/608/23293' },
  { code: '23281', id: '23281', path: 'VN/62/608/23281' },
  { code: '23302', id: '23302', path: 'VN/62/608/23302' },
  { code: '23305', id: '23305', path: 'VN/62/608/23305' },
];

/**
 * What the territory of each reform principal must be (its unit's `territory` is the walk's
 * oracle; this pins the oracle to the lineage of Resolution 202/2025/QH15 and the commune
 * mappings, so that a wrong lineage cannot make a leak look allowed).
 */
export const REFORM_TERRITORIES: Record<string, string[]> = {
  '51@2025': ['VN/51', 'VN/51@2025', 'VN/62'],
  '52@2025': ['VN/52', 'VN/52@2025', 'VN/64'],
  '23293@2025': ['VN/51@2025/23293@2025', 'VN/62/608/23281', 'VN/62/608/23287', 'VN/62/608/23290', 'VN/62/608/23293', 'VN/62/608/23299'],
  '23302@2025': ['VN/51@2025/23302@2025', 'VN/62/608/23302', 'VN/62/608/23305', 'VN/62/608/23308'],
};

/** Every role at once: whatever such a principal cannot see, nobody at that unit can. */
export const ALL_ROLES: Role[] = ['VIEWER', 'OFFICER', 'INSPECTOR', 'ADMIN'];

/**
 * The units a principal's walk asks about, by id: its own, its parent, a sibling and a child;
 * for a unit of the reform also its predecessors and its sibling's, and dissolved units beside
 * its territory (old Kon Tum and its town 608 for a new ward: its province's history, not its own).
 */
const NEIGHBOURS: Record<string, string[]> = {
  VN: ['VN', '91', '62'],
  '91': ['VN', '91', '62', '905'],
  '62': ['VN', '62', '91'],
  '905': ['91', '905', '906', '30880'],
  '906': ['91', '906', '905'],
  '30880': ['905', '30880', '30883'],
  '30883': ['905', '30883', '30880'],
  '51@2025': ['51@2025', '51', '62', '608', '23293', '23293@2025', '52@2025', '64', '52'],
  '52@2025': ['52@2025', '64', '52', '51@2025', '62', '51'],
  '23293@2025': ['51@2025', '23293@2025', '23293', '23281', '608', '62', '23302@2025', '23302'],
  '23302@2025': ['51@2025', '23302@2025', '23302', '23305', '608', '23293@2025', '23293', '23281'],
};

const ALL_WALK_UNITS = [...WALK_UNITS, ...REFORM_WALK_UNITS];
const walkUnit = (id: string) => ALL_WALK_UNITS.find((unit) => unit.id === id)!;

export async function walkTarget(hub: TestHub, id: string): Promise<WalkTarget> {
  const schema = apiSchema();
  const oracle = new ScopeOracle(hub.gatewayUrl, await hub.token('VN', ALL_ROLES, { subject: 'oracle' }), schema);
  return {
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, running.url])),
    schema,
    oracle,
    units: NEIGHBOURS[id].filter((neighbour) => neighbour !== 'VN').map(walkUnit),
  };
}

/**
 * A walking principal of the unit with this id, holding every role: its token names the unit's
 * code (the gateway resolves it on the tree day), its territory comes from the unit's public
 * `territory` field, and the code must name that very unit on the tree day (else the walk
 * would test another principal than it says).
 */
export async function walkPrincipal(hub: TestHub, id: string, label: string): Promise<{ who: WalkPrincipal; direct: ReturnType<typeof principal> }> {
  const unit = walkUnit(id);
  const answer = await hub.query<{ unit: { id: string; path: string; territory: string[] } }>(
    `{ unit(code: ${JSON.stringify(unit.code)}) { id path territory } }`,
  );
  const found = answer.data?.unit;
  if (!found || found.id !== unit.id || found.path !== unit.path) {
    throw new Error(`code ${unit.code} names ${JSON.stringify(found ?? answer.errors)} on the tree day, not unit ${unit.id} (${unit.path})`);
  }
  const subject = `walk-${unit.code}`;
  return {
    who: {
      label,
      unitCode: unit.code,
      unitPath: unit.path,
      territory: found.territory,
      roles: ALL_ROLES,
      token: await hub.token(unit.code, ALL_ROLES, { subject }),
    },
    direct: { ...principal(unit.code, unit.path, ALL_ROLES, subject), territory: found.territory },
  };
}

/** One principal's walk: a few thousand requests, minutes when other work keeps both cores busy. */
export const WALK_TIMEOUT_MS = 900_000;
