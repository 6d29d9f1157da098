import { addDays } from '../../services/core/time';
import { bucketKeysOf, bucketRanges, periodBuckets, type BucketRange } from '../../services/procedures/rollups/buckets';

/**
 * The buckets of the rollups (services/procedures/rollups/buckets.ts): for random periods, every
 * day of the period has exactly one of its three keys (day, month, year) in the period's ranges
 * and no day outside it has any; every day before the period has exactly one in the "before"
 * ranges; and the number of ranges stays bounded (at most five) whatever the length.
 */
const hits = (day: string, ranges: readonly BucketRange[]) => bucketKeysOf(day).filter((key) => ranges.some((range) => key >= range.low && key <= range.high)).length;

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('rollup buckets', () => {
  it('cover each day of a period exactly once, and nothing else, with at most five ranges', () => {
    const next = sequence(2026);
    const periods: [string, string][] = [
      ['2024-01-01', '2024-12-31'],
      ['2024-02-29', '2024-03-01'],
      ['2023-12-31', '2024-01-01'],
      ['2025-07-01', '2025-07-01'],
      ['2016-11-30', '2026-11-30'],
    ];
    for (let i = 0; i < 300; i++) {
      const from = addDays('2015-01-01', Math.floor(next() * 4000));
      periods.push([from, addDays(from, Math.floor(next() * (i % 3 === 0 ? 40 : 1500)))]);
    }
    for (const [from, to] of periods) {
      const { inPeriod, before } = periodBuckets({ from, to });
      expect(inPeriod.length).toBeLessThanOrEqual(5);
      expect(before.length).toBeLessThanOrEqual(3);
      for (let day = addDays(from, -70); day <= addDays(to, 70); day = addDays(day, 1)) {
        expect([from, to, day, hits(day, inPeriod)]).toEqual([from, to, day, day >= from && day <= to ? 1 : 0]);
        expect([from, to, day, hits(day, before)]).toEqual([from, to, day, day < from ? 1 : 0]);
      }
      expect(hits('2001-02-03', before)).toBe(from > '2001-02-03' ? 1 : 0);
    }
  });

  it('keeps the three kinds of key apart (days < months < years), so a range of one kind meets no other', () => {
    expect(bucketKeysOf('2024-05-06')).toEqual(['2024-05-06', 'M:2024-05', 'Y:2024']);
    expect('9999-12-31' < 'M:0000-01').toBe(true);
    expect('M:9999-12' < 'Y:0000').toBe(true);
    expect(bucketRanges('2024-05-06', '2024-05-05')).toEqual([]);
  });
});
