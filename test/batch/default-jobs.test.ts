/**
 * Without -j a build renders in its own thread, however many documents: measured on 2 cores (BENCHMARKS.md), a pool
 * of two costs more CPU for 72 documents and takes 1,170 documents past 400 MiB. -j N still starts N workers.
 * Run against the compiled module (dist/), which has the worker file to start.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('default worker count', () => {
  it('renders 1,170 documents in this thread by default, and on a pool when -j asks', async () => {
    const { openRenderer } = (await import(
      join(ROOT, 'dist', 'pipeline', 'render-pool.js')
    )) as typeof import('../../src/pipeline/render-pool.js');
    const { toolFontBook } = (await import(
      join(ROOT, 'dist', 'fonts', 'index.js')
    )) as typeof import('../../src/fonts/index.js');
    const fonts = toolFontBook();
    const byDefault = await openRenderer({ documents: 1170, fonts });
    expect(byDefault.threads).toBe(0);
    await byDefault.close();
    const pool = await openRenderer({ documents: 1170, fonts, jobs: 2 });
    expect(pool.threads).toBe(2);
    await pool.close();
  });
});
