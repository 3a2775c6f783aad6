/**
 * `npm run bench` keeps working: its quick pass (one run of each workload, W2 to two recipients) builds the letters,
 * writes the Typst sources from our composed letters and compiles them. Nothing here is timed: BENCHMARKS.md has times.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

interface Series {
  readonly seconds: { readonly median: number };
}

describe('npm run bench', () => {
  it('runs its quick pass against Typst and reports every workload', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--quick', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      typst: boolean;
      w1: Record<string, Series>;
      w2: Record<string, Series> & { letters: number };
      sizes: { ours: number; typst?: number };
    };
    // Typst is a devDependency: a fresh `npm ci` has it, and without it the bench would compare nothing.
    expect(result.typst).toBe(true);
    expect(result.w2.letters).toBe(6);
    for (const series of [
      result.w1['ours'],
      result.w1['typst'],
      result.w2['ours'],
      result.w2['oursPool'],
      result.w2['oursWithDocx'],
      result.w2['typst'],
    ]) {
      expect(series?.seconds.median).toBeGreaterThan(0);
    }
    expect(result.sizes.ours).toBeGreaterThan(10_000);
    expect(result.sizes.typst).toBeGreaterThan(10_000);
  }, 320_000);
});
