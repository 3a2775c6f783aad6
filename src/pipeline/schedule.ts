/**
 * Which thread of a batch renders which letters. A thread pays once for each language it renders: opening that
 * language's faces, their first shaping, the shaped runs and paragraph layouts of the body every letter of that
 * language shares, and cold JIT (W2: 0.25–0.5 s of CPU per language, against 40–70 ms a letter after it). So the
 * letters of a language stay on one thread, and a language is split only when there are more threads than languages.
 */

import type { Lang } from '../model/index.js';

/** One letter of the batch (all its documents render together). */
export interface LetterWork {
  /** `letterKey(job)`: the same (recipient, language) in the plan and in the batch. */
  readonly key: string;
  readonly lang: Lang;
  readonly documents: number;
}

/**
 * CPU of a letter by language, relative to English: 20 letters of the example each, one thread, the first letter's
 * costs included (W2's languages measured apart: en 1.25 s, ko 1.8 s, zh 1.4 s). Another language costs as Chinese.
 */
const LANGUAGE_COST: Readonly<Record<string, number>> = { en: 1, ko: 1.45, zh: 1.1 };
const OTHER_LANGUAGE_COST = 1.1;

/**
 * What a thread pays for its first letter of a language beyond the letter itself, in English letters: W2 measured
 * 0.25–0.5 s for the first against 40–70 ms for each letter after it. By default a language is split between threads
 * only into parts of at least this many letters.
 */
export const FIRST_COSTS = 12;

export function letterCost(letter: Pick<LetterWork, 'lang' | 'documents'>): number {
  return (LANGUAGE_COST[letter.lang] ?? OTHER_LANGUAGE_COST) * letter.documents;
}

/**
 * The letters each thread starts with, by key, in batch order: thread 0 is this thread, which also composed the batch
 * and writes every document, so it gets the lightest share; as many threads as have work (at most `threads`). Languages are kept whole and dealt out heaviest first to
 * the least loaded thread; while threads are left without work, the heaviest language is halved (batch order kept).
 */
export function planThreads(
  letters: readonly LetterWork[],
  threads: number,
  /** The fewest letters in each half of a halved language: FIRST_COSTS, or 1 when `-j` asked for the threads. */
  minPart = FIRST_COSTS,
): string[][] {
  const byLang = new Map<Lang, LetterWork[]>();
  for (const letter of letters) {
    const group = byLang.get(letter.lang);
    if (group) group.push(letter);
    else byLang.set(letter.lang, [letter]);
  }
  const parts = [...byLang.values()];
  const cost = (part: readonly LetterWork[]) => part.reduce((sum, l) => sum + letterCost(l), 0);
  while (parts.length < threads) {
    const heaviest = parts.reduce((a, b) => (cost(b) > cost(a) ? b : a), parts[0] ?? []);
    if (heaviest.length < 2 * minPart) break;
    const half = Math.ceil(heaviest.length / 2);
    parts.splice(parts.indexOf(heaviest), 1, heaviest.slice(0, half), heaviest.slice(half));
  }
  // Heaviest first, each to the least loaded thread (ties: the earlier part, the lower thread, for a stable plan).
  const order = parts.map((part, i) => ({ part, i, cost: cost(part) }));
  order.sort((a, b) => b.cost - a.cost || a.i - b.i);
  const bins = Array.from({ length: Math.max(1, threads) }, () => ({ load: 0, letters: [] as LetterWork[] }));
  for (const { part, cost: c } of order) {
    const bin = bins.reduce((a, b) => (b.load < a.load ? b : a));
    bin.letters.push(...part);
    bin.load += c;
  }
  // The lightest share to this thread, workers in the order of their load; a thread with nothing to start with is not
  // started (fewer letters or languages than threads).
  const used = bins.filter((bin) => bin.letters.length > 0).sort((a, b) => a.load - b.load);
  const position = new Map(letters.map((l, i) => [l.key, i]));
  if (used.length === 0) return [[]];
  return used.map((bin) =>
    bin.letters.sort((a, b) => position.get(a.key)! - position.get(b.key)!).map((l) => l.key),
  );
}
