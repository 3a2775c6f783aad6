/** "Did you mean …?" suggestions for ids and keys: offered only when the edit distance makes the typo likely. */

/** The closest candidate within a likely edit distance (the first of equals), or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return nearest(input, candidates)[0];
}

/**
 * Every candidate at the smallest edit distance, in the candidates' order; empty when none is within `limit`.
 * The default limit is one edit per three characters (at least one): `situaton` → `situation`, `Leter` → `Letter`,
 * `pfd` → `pdf` (a swap of neighbours is one edit), but not `odt` → `pdf` or `A5x` → `A4`, two edits in three
 * characters, which are other words rather than typos. A candidate is never offered when every character differs.
 */
export function nearest(input: string, candidates: Iterable<string>, limit = likelyEdits(input)): string[] {
  let best: string[] = [];
  let bestDistance = limit;
  const wanted = input.toLowerCase();
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d > bestDistance || d >= Math.min(input.length, candidate.length)) continue;
    if (d < bestDistance) [best, bestDistance] = [[], d];
    best.push(candidate);
  }
  return best;
}

/** How many edits a typo of `input` plausibly has: one per three characters, at least one. */
export function likelyEdits(input: string): number {
  return Math.max(1, Math.floor([...input].length / 3));
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/**
 * The hint for a value outside a closed set of choices: the likely one ("did you mean 'pdf'?") when the edit distance
 * makes a typo likely, else every choice ("use one of 'pdf', 'docx'"), so `odt` is never taken for `pdf`.
 */
export function choiceHint(value: string, choices: Iterable<string>): string {
  const all = [...choices];
  const guess = didYouMean(value, all);
  if (guess) return `did you mean '${guess}'?`;
  return all.length ? `use one of ${all.map((c) => `'${c}'`).join(', ')}` : 'there is none to choose from';
}

/**
 * What to say about a language code that is not one of `known`: a country's code written for its language (`kr` for
 * `ko`, `cn` for `zh`), else the one known code a likely typo away. Two-letter codes are all a letter or two apart,
 * so when two are equally near (`kr`: `ko` and `ar`) none is offered.
 */
export function languageHint(code: string, known: readonly string[]): string | undefined {
  // fallback 'none': an unassigned code such as `xx` has no name; `zz` is assigned, to "Unknown Region".
  const region =
    /^[a-z]{2}$/i.test(code) && code.toLowerCase() !== 'zz'
      ? new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of(code.toUpperCase())
      : undefined;
  const language = region ? new Intl.Locale(`und-${code.toUpperCase()}`).maximize().language : undefined;
  if (language && language !== code && known.includes(language))
    return `did you mean '${language}'? ('${code}' is the country code of ${region}, not a language)`;
  const near = nearest(code, known);
  return near.length === 1 ? `did you mean '${near[0]}'?` : undefined;
}
