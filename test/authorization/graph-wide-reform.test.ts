// First: the two-tier tree is read on the real day, not on the pre-reform day the other suites replay.
import '../support/reform';
import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, walkAsPrincipal } from './graph-walker';
import { REFORM_TERRITORIES, walkPrincipal, walkTarget, WALK_TIMEOUT_MS } from './walk-setup';

const within = (path: string, outer: string) => path === outer || path.startsWith(`${outer}/`);

/**
 * The graph-wide walk with principals of the two-tier tree (docs/architecture.md, rule 13):
 * a merged province and a new ward read their own records and those of every dissolved unit
 * whose territory went into theirs, and nothing else; the sibling of each sees nothing of the
 * other's territory, its history included. Through the gateway and against each subgraph.
 */
describe.each(DATABASES)('graph-wide authorization across the 2025 reform on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    // The walk sends a few thousand requests: no rate limit gets in its way.
    hub = await startTestHub(kind, 'graphreform', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  });
  afterAll(() => hub?.close());

  it('gives the walking principals the territories of the lineage, the siblings none of each other\'s', async () => {
    for (const [id, territory] of Object.entries(REFORM_TERRITORIES)) {
      const result = await hub.query<{ unit: { territory: string[] } }>(`{ unit(id: "${id}") { territory } }`);
      expect({ id, territory: [...(result.data?.unit.territory ?? [])].sort() }).toEqual({ id, territory: [...territory].sort() });
    }
    for (const [one, other] of [['51@2025', '52@2025'], ['23293@2025', '23302@2025']]) {
      const overlap = REFORM_TERRITORIES[one].filter((path) => REFORM_TERRITORIES[other].some((outer) => within(path, outer) || within(outer, path)));
      expect({ one, other, overlap }).toEqual({ one, other, overlap: [] });
    }
  });

  it.each([
    ['51@2025', 'a post-reform province (Quảng Ngãi: old Quảng Ngãi and Kon Tum)'],
    ['52@2025', 'a sibling post-reform province (Gia Lai: old Gia Lai and Bình Định)'],
    ['23293@2025', 'a post-reform commune (ward Kon Tum: five wards of old Kon Tum town)'],
    ['23302@2025', 'a sibling post-reform commune (ward Đăk Bla)'],
  ])('leaks nothing to %s (%s)', async (id, label) => {
    const { who, direct } = await walkPrincipal(hub, id, label);
    const target = await walkTarget(hub, id);
    expect(await walkAsPrincipal(target, who, direct)).toEqual([]);

    // The walk meant something: it met dossiers of dissolved units of the territory (to be
    // answered) and dossiers outside it (to be refused), not only empty answers.
    const dossiers = await target.oracle.harvest('Dossier', codesOf(target.units));
    const inTerritory = (path: string) => who.territory.some((covered) => within(path, covered));
    const lineage = who.territory.filter((covered) => !within(covered, who.unitPath));
    const met = {
      ofLineage: dossiers.some((record) => record.paths.some((path) => lineage.some((covered) => within(path, covered)))),
      outside: dossiers.some((record) => record.paths.length > 0 && !record.paths.some(inTerritory)),
    };
    expect(met).toEqual({ ofLineage: true, outside: true });
  }, WALK_TIMEOUT_MS);
});
