import type { Role } from '../../services/core/principal';
import type { TestHub } from '../support/hub';
import { principal } from '../support/subgraph-client';
import { apiSchema, ScopeOracle, type WalkPrincipal, type WalkTarget } from './graph-walker';

/*
 * Who walks the graph and what it asks about, shared by the graph-wide suite and its self-test
 * (kept out of the test file, so that importing it does not register the whole suite twice).
 */

/** Units of the walk: a chain from the nation to a commune, and a sibling at every level. */
export const WALK_UNITS = [
  { code: 'VN', path: 'VN' },
  { code: '91', path: 'VN/91' },
  { code: '62', path: 'VN/62' },
  { code: '64', path: 'VN/64' },
  { code: '905', path: 'VN/91/905' },
  { code: '906', path: 'VN/91/906' },
  { code: '30880', path: 'VN/91/905/30880' },
  { code: '30883', path: 'VN/91/905/30883' },
];

/** Every role at once: whatever such a principal cannot see, nobody at that unit can. */
export const ALL_ROLES: Role[] = ['VIEWER', 'OFFICER', 'INSPECTOR', 'ADMIN'];

/** The units a principal's walk asks about: its own, its parent, a sibling and a child. */
const NEIGHBOURS: Record<string, string[]> = {
  VN: ['VN', '91', '62'],
  '91': ['VN', '91', '62', '905'],
  '62': ['VN', '62', '91'],
  '905': ['91', '905', '906', '30880'],
  '906': ['91', '906', '905'],
  '30880': ['905', '30880', '30883'],
  '30883': ['905', '30883', '30880'],
};

export async function walkTarget(hub: TestHub, code: string): Promise<WalkTarget> {
  const schema = apiSchema();
  const oracle = new ScopeOracle(hub.gatewayUrl, await hub.token('VN', ALL_ROLES, { subject: 'oracle' }), schema);
  return {
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, running.url])),
    schema,
    oracle,
    unitCodes: WALK_UNITS.filter((unit) => NEIGHBOURS[code].includes(unit.code) && unit.code !== 'VN'),
  };
}

export async function walkPrincipal(hub: TestHub, code: string, label: string): Promise<{ who: WalkPrincipal; direct: ReturnType<typeof principal> }> {
  const unit = WALK_UNITS.find((candidate) => candidate.code === code)!;
  return {
    who: { label, unitCode: code, unitPath: unit.path, roles: ALL_ROLES, token: await hub.token(code, ALL_ROLES, { subject: `walk-${code}` }) },
    direct: principal(code, unit.path, ALL_ROLES, `walk-${code}`),
  };
}

/** One principal's walk: a few thousand requests, minutes when other work keeps both cores busy. */
export const WALK_TIMEOUT_MS = 900_000;
