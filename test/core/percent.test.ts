import { cutPercent } from '../../services/core/percent';

describe('cutPercent', () => {
  it.each([
    [23, 23, 100],
    [1063, 2035, 52.23],
    [189309, 193339, 97.91],
    [2, 3, 66.66],
    [1, 3, 33.33],
    [0, 7, 0],
    [1, 100000, 0],
    [99999, 100000, 99.99],
  ])('%i of %i is %d (cut, never rounded up)', (part, total, percent) => {
    expect(cutPercent(part, total)).toBe(percent);
  });

  it('is null without a positive total', () => {
    expect(cutPercent(0, 0)).toBeNull();
    expect(cutPercent(3, -1)).toBeNull();
    expect(cutPercent(3, Number.NaN)).toBeNull();
  });
});
