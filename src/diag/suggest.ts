/** "Did you mean …?" suggestions for ids and keys. */

/** The closest candidate within a small edit distance (the first of equals), or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return nearest(input, candidates)[0];
}

/**
 * Every candidate at the smallest edit distance, in the candidates' order; empty when none is within `limit` (by
 * default a third of the input's length, at least 2).
 */
export function nearest(input: string, candidates: Iterable<string>, limit = Math.max(2, Math.floor(input.length / 3))): string[] {
  let best: string[] = [];
  let bestDistance = limit;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d > bestDistance) continue;
    if (d < bestDistance) [best, bestDistance] = [[], d];
    best.push(candidate);
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
