/**
 * The default number of threads that render, from measurements (BENCHMARKS.md, 2 cores): this thread alone for a
 * letter or a batch like W2 (60 letters) with TurboFan on, this thread and one worker from SPLIT_FROM_LETTERS letters on
 * (W3), or from UNOPTIMISED_SPLIT_FROM_LETTERS with it off (a build of unsigned PDFs, pipeline/engine.ts); -j N is N
 * threads, this one included. Run against the compiled module (dist/), which has the worker.
 */

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const { openRenderer, SPLIT_FROM_LETTERS, UNOPTIMISED_SPLIT_FROM_LETTERS } = (await import(
  join(ROOT, 'dist', 'pipeline', 'render-pool.js')
)) as typeof import('../../src/pipeline/render-pool.js');
const { toolFontBook } = (await import(
  join(ROOT, 'dist', 'fonts', 'index.js')
)) as typeof import('../../src/fonts/index.js');

/** `recipients` × en, ko, zh, `documents` each. */
function letters(recipients: number, documents = 1) {
  return Array.from({ length: recipients }, (_, r) =>
    ['en', 'ko', 'zh'].map((lang) => ({ key: `r${r}\0${lang}`, lang, documents })),
  ).flat();
}

describe('default thread count', () => {
  const fonts = toolFontBook();

  it('renders one letter, and a batch under SPLIT_FROM_LETTERS letters, in this thread alone', async () => {
    for (const batch of [
      letters(1).slice(0, 1),
      letters(1, 2),
      letters(20),
      letters(SPLIT_FROM_LETTERS / 3 - 1, 2),
    ]) {
      expect(batch.length).toBeLessThan(SPLIT_FROM_LETTERS);
      const renderer = openRenderer({ letters: batch, fonts });
      expect(renderer.threads).toBe(0);
      expect(renderer.lanes).toHaveLength(1);
      await renderer.close();
    }
  });

  it('adds one worker from SPLIT_FROM_LETTERS letters on where there are two cores, 1,170 documents included', async () => {
    for (const batch of [letters(SPLIT_FROM_LETTERS / 3), letters(195, 2)]) {
      expect(batch.length).toBeGreaterThanOrEqual(SPLIT_FROM_LETTERS);
      const renderer = openRenderer({ letters: batch, fonts });
      expect(renderer.threads).toBe(availableParallelism() >= 2 ? 1 : 0);
      await renderer.close();
    }
  });

  it('with TurboFan off (unsigned PDFs), adds the worker from UNOPTIMISED_SPLIT_FROM_LETTERS letters on: W2 included', async () => {
    const small = letters(UNOPTIMISED_SPLIT_FROM_LETTERS / 3 - 1);
    const w2 = letters(20);
    expect(w2.length).toBeGreaterThanOrEqual(UNOPTIMISED_SPLIT_FROM_LETTERS);
    const one = openRenderer({ letters: small, fonts, optimising: false });
    expect(one.threads).toBe(0);
    await one.close();
    for (const batch of [letters(UNOPTIMISED_SPLIT_FROM_LETTERS / 3), w2]) {
      const renderer = openRenderer({ letters: batch, fonts, optimising: false });
      expect(renderer.threads).toBe(availableParallelism() >= 2 ? 1 : 0);
      await renderer.close();
    }
    // With it on, W2 stays in this thread.
    const on = openRenderer({ letters: w2, fonts, optimising: true });
    expect(on.threads).toBe(0);
    await on.close();
  });

  it('runs -j N as this thread and N - 1 workers, each language on one thread', async () => {
    const one = openRenderer({ letters: letters(195, 2), fonts, jobs: 1 });
    expect(one.threads).toBe(0);
    const three = openRenderer({ letters: letters(20), fonts, jobs: 3 });
    expect(three.threads).toBe(2);
    expect(three.plan.map((keys) => new Set(keys.map((k) => k.split('\0')[1])).size)).toEqual([1, 1, 1]);
    // One small language on -j 2: halved, so that the worker asked for draws.
    const small = openRenderer({ letters: letters(4, 2).filter((l) => l.lang === 'zh'), fonts, jobs: 2 });
    expect(small.threads).toBe(1);
    await Promise.all([one.close(), three.close(), small.close()]);
  });
});
