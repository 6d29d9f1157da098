import * as scope from '../../services/core/access/scope-of';
import { startTestHub, type TestHub } from '../support/hub';
import { walkAsPrincipal } from './graph-walker';
import { leakingSubgraphs } from './leaks';
import { walkPrincipal, walkTarget, WALK_TIMEOUT_MS } from './walk-setup';

/**
 * The suite tested on itself: with the scope taken out in core/access alone (the walking
 * principal's scope widened to the whole nation, in the one function every predicate and
 * check asks), the walk must report leaks, and it must report them in every subgraph: a
 * scope check missing in any one of them is caught.
 */
describe('the graph-wide authorization suite', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'walkcheck', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await hub?.close();
  });

  it('reports leaks in every subgraph when the scope checks are removed', async () => {
    const { who, direct } = await walkPrincipal(hub, '906', 'a sibling district, scope checks removed');
    const original = scope.scopeOf;
    jest.spyOn(scope, 'scopeOf').mockImplementation((principal) => (principal.unitPath === who.unitPath ? ['VN'] : original(principal)));

    const violations = await walkAsPrincipal(await walkTarget(hub, '906'), who, direct);
    expect(leakingSubgraphs(violations, who)).toEqual(['documents', 'inspections', 'institutions', 'procedures']);
  }, WALK_TIMEOUT_MS);
});
