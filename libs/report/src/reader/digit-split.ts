/**
 * Text copied from a PDF sometimes runs the figures of neighbouring cells together ("9500000095").
 * The cells are recovered only where the table's own arithmetic leaves one reading: every way of
 * cutting the digit runs into `count` figures (no leading zeros) is tried, and the cuts that
 * satisfy `accept` (the row or group sums) are kept.
 *
 * Returns the unique split, `'ambiguous'` when several satisfy the sums, `null` when none does.
 */
export function splitDigitRuns(
  runs: readonly string[],
  count: number,
  accept: (values: readonly number[]) => boolean,
): number[] | 'ambiguous' | null {
  const found = allDigitSplits(runs, count, accept, 2);
  if (found.length === 0) return null;
  return found.length === 1 ? (found[0] ?? null) : 'ambiguous';
}

/** Every split of the digit runs into `count` figures that `accept` takes, up to `limit`. */
export function allDigitSplits(
  runs: readonly string[],
  count: number,
  accept: (values: readonly number[]) => boolean,
  limit = 64,
): number[][] {
  if (!runs.every((r) => /^\d+$/.test(r))) return [];
  const digits = runs.reduce((n, r) => n + r.length, 0);
  if (runs.length > count || digits < count) return [];
  const found: number[][] = [];
  const current: number[] = [];
  const piecesOf = (run: string): string[][] => {
    const out: string[][] = [];
    const walk = (rest: string, acc: string[]): void => {
      if (acc.length > count) return;
      if (rest === '') {
        out.push([...acc]);
        return;
      }
      for (let len = 1; len <= Math.min(rest.length, 7); len++) {
        const piece = rest.slice(0, len);
        if (piece.length > 1 && piece.startsWith('0')) break;
        walk(rest.slice(len), [...acc, piece]);
      }
    };
    walk(run, []);
    return out;
  };
  const options = runs.map(piecesOf);
  const search = (i: number): void => {
    if (found.length >= limit) return;
    if (i === runs.length) {
      if (current.length === count && accept(current)) found.push([...current]);
      return;
    }
    for (const pieces of options[i] ?? []) {
      if (current.length + pieces.length > count) continue;
      current.push(...pieces.map(Number));
      search(i + 1);
      current.length -= pieces.length;
    }
  };
  search(0);
  return found;
}
