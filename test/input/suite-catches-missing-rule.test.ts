import * as cleanText from '../../services/core/input/clean-text';
import { startTestHub, type TestHub } from '../support/hub';
import { BAD_INPUT_TIMEOUT_MS, walkBadInput } from './bad-input-walk';

/**
 * The bad-input suite tested on itself: with the clean-text rule taken out of
 * services/core/input alone (in the gateway and every subgraph at once), the walk must report
 * unclean text searched (`procedures(search: "\u0000")` answering every procedure, issue 11's
 * example) and unclean text written.
 */
describe('the generated bad-input suite', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'badinputcheck', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  }, BAD_INPUT_TIMEOUT_MS);
  afterAll(async () => {
    jest.restoreAllMocks();
    await hub?.close();
  });

  it('reports answers and writes when the clean-text rule is removed', async () => {
    jest.spyOn(cleanText, 'textProblem').mockReturnValue(null);
    const report = await walkBadInput(hub);
    expect(report.wrongAnswers).toEqual(expect.arrayContaining([expect.stringMatching(/^Query\.procedures search: NUL: answered a value/)]));
    expect(report.changedTables.length).toBeGreaterThan(0);
  }, BAD_INPUT_TIMEOUT_MS);
});
