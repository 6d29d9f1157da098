import * as scope from '../../services/core/access/scope-of';
import { startTestHub, type TestHub } from '../support/hub';
import { walkAsPrincipal } from './graph-walker';
import { WALK_TIMEOUT_MS } from './walk-setup';
import { walkPrincipal, walkTarget } from './walk-setup';

/** Which subgraph owns each record type the walk reports. */
const OWNER: Record<string, string> = {
  Agency: 'institutions',
  Official: 'institutions',
  Dossier: 'procedures',
  Document: 'documents',
  DocumentTransfer: 'documents',
  Certificate: 'documents',
  Inspection: 'inspections',
  Finding: 'inspections',
  InspectionPlan: 'inspections',
};

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
    const leaks = violations.filter((violation) => / is outside VN\/91\/906$/.test(violation.problem));
    const leakingSubgraphs = new Set(leaks.map((violation) => OWNER[violation.problem.split(' ')[0]]));
    expect([...leakingSubgraphs].sort()).toEqual(['documents', 'inspections', 'institutions', 'procedures']);
  }, WALK_TIMEOUT_MS);
});
