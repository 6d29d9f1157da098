// First: the two-tier tree is read on the real day, not on the pre-reform day the other suites replay.
import '../support/reform';
import * as scope from '../../services/core/access/scope-of';
import { startTestHub, type TestHub } from '../support/hub';
import { walkAsPrincipal } from './graph-walker';
import { leakingSubgraphs } from './leaks';
import { REFORM_TERRITORIES, walkPrincipal, walkTarget, WALK_TIMEOUT_MS } from './walk-setup';

/**
 * The reform walk tested on itself (as test/authorization/suite-catches-leaks.test.ts does for
 * the pre-reform one): with the scope of a post-reform principal widened in core/access alone,
 * in the one function every predicate and check asks, the walk must report leaks in every
 * subgraph, so a lineage resolved too wide anywhere is caught.
 */
describe('the graph-wide authorization suite across the 2025 reform', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'reformcheck', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => hub?.close());

  /** Walks as the unit `id`, its scope replaced by `widened(its real scope)`. */
  async function walkWidened(id: string, label: string, widened: (real: readonly string[]) => string[]) {
    const { who, direct } = await walkPrincipal(hub, id, label);
    const original = scope.scopeOf;
    jest.spyOn(scope, 'scopeOf').mockImplementation((principal) => (principal.unitPath === who.unitPath ? widened(original(principal)) : original(principal)));
    return leakingSubgraphs(await walkAsPrincipal(await walkTarget(hub, id), who, direct), who);
  }

  it('reports leaks in every subgraph when a merged province\'s scope takes in its neighbour\'s lineage', async () => {
    const leaking = await walkWidened('51@2025', 'Quảng Ngãi, reading Gia Lai\'s lineage too', (real) => [...real, ...REFORM_TERRITORIES['52@2025']]);
    expect(leaking).toEqual(['documents', 'inspections', 'institutions', 'procedures']);
  }, WALK_TIMEOUT_MS);

  it('reports leaks in every subgraph when a new commune\'s scope is the whole nation', async () => {
    const leaking = await walkWidened('23293@2025', 'ward Kon Tum, scope checks removed', () => ['VN']);
    expect(leaking).toEqual(['documents', 'inspections', 'institutions', 'procedures']);
  }, WALK_TIMEOUT_MS);
});
