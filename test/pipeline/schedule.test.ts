/** Which thread draws which letters: each language on one thread, the lightest share here, stealing only where it pays. */

import { describe, expect, it } from 'vitest';
import { LaneQueues } from '../../src/pipeline/lane-queues.js';
import { FIRST_COSTS, letterCost, planThreads } from '../../src/pipeline/schedule.js';

/** `recipients` × `langs`, in batch order (recipient by recipient), one document each unless said. */
function letters(recipients: number, langs = ['en', 'ko', 'zh'], documents = 1) {
  return Array.from({ length: recipients }, (_, r) =>
    langs.map((lang) => ({ key: `r${r}\0${lang}`, lang, documents, jobs: Array(documents).fill(0) })),
  ).flat();
}
const langsOf = (keys: readonly string[]) => [...new Set(keys.map((k) => k.split('\0')[1]))];

describe('planThreads', () => {
  it('keeps each language on one thread and gives this thread the lightest share', () => {
    const batch = letters(20);
    const plan = planThreads(batch, 2);
    expect(plan.map(langsOf)).toEqual([['ko'], ['en', 'zh']]);
    const cost = (keys: readonly string[]) =>
      keys.reduce((sum, k) => sum + letterCost(batch.find((l) => l.key === k)!), 0);
    expect(cost(plan[0]!)).toBeLessThan(cost(plan[1]!));
    // Every letter once, each thread's in batch order.
    expect(plan.flat().sort()).toEqual(batch.map((l) => l.key).sort());
    for (const keys of plan) expect(keys).toEqual(batch.map((l) => l.key).filter((k) => keys.includes(k)));
  });

  it('splits a language only when threads are left over and each part repays its first costs', () => {
    const big = planThreads(letters(2 * FIRST_COSTS, ['en']), 2);
    expect(big).toHaveLength(2);
    expect(big.map((keys) => keys.length)).toEqual([FIRST_COSTS, FIRST_COSTS]);
    // Fewer letters: one thread; no worker started for nothing.
    expect(planThreads(letters(2 * FIRST_COSTS - 1, ['en']), 2)).toHaveLength(1);
    expect(planThreads(letters(1, ['zh']), 4)).toHaveLength(1);
    expect(planThreads([], 2)).toEqual([[]]);
    // Threads asked for (-j): halved down to a letter.
    expect(planThreads(letters(4, ['ja']), 2, 1).map((keys) => keys.length)).toEqual([2, 2]);
    // More threads than languages: the heaviest language is halved (Korean, 40 × 1.45), the halves the lighter shares.
    expect(planThreads(letters(40, ['en', 'ko']), 3).map(langsOf)).toEqual([['ko'], ['ko'], ['en']]);
  });

  it('plans one thread as one queue of every letter in batch order', () => {
    const batch = letters(5);
    expect(planThreads(batch, 1)).toEqual([batch.map((l) => l.key)]);
  });
});

describe('LaneQueues', () => {
  it('takes its own letters in order, then steals from the end of the fullest queue in a language it has drawn', () => {
    const batch = letters(3, ['en', 'ko']);
    const plan = [
      batch.filter((l) => l.lang === 'en').map((l) => l.key),
      batch.filter((l) => l.lang === 'ko').map((l) => l.key),
    ];
    const queues = new LaneQueues(plan, batch, new Map());
    expect(queues.take(1)?.key).toBe('r0\0ko');
    expect(queues.take(0)?.key).toBe('r0\0en');
    expect(queues.take(0)?.key).toBe('r1\0en');
    expect(queues.take(0)?.key).toBe('r2\0en');
    // Lane 0 has drawn no Korean and lane 1 holds far less than twice FIRST_COSTS: lane 0 waits.
    expect(queues.take(0)).toBeUndefined();
    expect(queues.take(1)?.key).toBe('r1\0ko');
    expect(queues.take(1)?.key).toBe('r2\0ko');
    expect(queues.take(1)).toBeUndefined();
  });

  it('never takes up a language new to it, however much of it is left elsewhere', () => {
    const batch = letters(3 * FIRST_COSTS, ['en', 'ko']);
    const plan = [
      batch.filter((l) => l.lang === 'en').map((l) => l.key),
      batch.filter((l) => l.lang === 'ko').map((l) => l.key),
    ];
    const queues = new LaneQueues(plan, batch, new Map());
    for (let i = 0; i < 3 * FIRST_COSTS; i++) expect(queues.take(0)?.lang).toBe('en');
    expect(queues.take(0)).toBeUndefined();
    // Lanes that share a language (a halved one) take from each other's end.
    const halved = new LaneQueues(
      planThreads(letters(2 * FIRST_COSTS, ['en']), 2),
      letters(2 * FIRST_COSTS, ['en']),
      new Map(),
    );
    expect(halved.take(1)?.key).toBe(`r${FIRST_COSTS}\0en`);
    for (let i = 0; i < FIRST_COSTS; i++) expect(halved.take(0)?.key).toBe(`r${i}\0en`);
    expect(halved.take(0)?.key).toBe(`r${2 * FIRST_COSTS - 1}\0en`);
  });

  it('leaves out letters a worker began while composing, and counts their language as drawn there', () => {
    const batch = letters(2, ['en', 'ko']);
    const plan = [
      ['r0\0en', 'r1\0en'],
      ['r0\0ko', 'r1\0ko'],
    ];
    const queues = new LaneQueues(plan, batch, new Map([['r0\0ko', Promise.resolve()]]));
    expect(queues.take(1)?.key).toBe('r1\0ko');
    // English is new to lane 1 and lane 0 holds two letters: lane 1 leaves them.
    expect(queues.take(1)).toBeUndefined();
    expect(queues.take(0)?.key).toBe('r0\0en');
    // Korean is new to lane 0 too: no stealing back and forth.
    expect(queues.take(0)?.key).toBe('r1\0en');
    expect(queues.take(0)).toBeUndefined();
    // A letter no plan names is this thread's.
    const unplanned = new LaneQueues([[]], batch, new Map());
    expect(unplanned.take(0)?.key).toBe('r0\0en');
  });
});
