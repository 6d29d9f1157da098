/**
 * Deterministic spreading helpers for the demo data: exact counts, evenly spread, no
 * randomness, so every figure the seed promises holds by construction.
 */

/** Whether item `index` of `total` is one of `count` chosen, evenly spread (exactly `count` are). */
export const chosen = (index: number, total: number, count: number) =>
  Math.floor(((index + 1) * count) / total) > Math.floor((index * count) / total);

/** Indices of the `count` chosen among `total`, evenly spread (a bitmap: the seed asks this of 200,000 items). */
export function chosenIndices(total: number, count: number): { has(index: number): boolean } {
  if (count > total) throw new Error(`cannot choose ${count} of ${total}`);
  const flags = new Uint8Array(total);
  for (let index = 0; index < total; index += 1) if (chosen(index, total, count)) flags[index] = 1;
  return { has: (index: number) => flags[index] === 1 };
}

/** Splits `total` items into consecutive blocks of the given sizes: block index of item `index`. */
export function blockOf(index: number, sizes: number[]): number {
  let end = 0;
  for (let block = 0; block < sizes.length; block += 1) {
    end += sizes[block];
    if (index < end) return block;
  }
  throw new Error(`index ${index} beyond the blocks (${end})`);
}

export const pad = (value: number, width: number) => String(value).padStart(width, '0');
