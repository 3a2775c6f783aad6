/**
 * The speed work changes no byte: the bundled CLI (dist/bundle, with its code cache) writes what the tsc output writes,
 * the bundled worker pool what the main thread writes, and a document drawn after others in one process (pdfkit's
 * shaping and glyph work shared across documents) what it is when drawn first. Not timed: BENCHMARKS.md has the times.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, documentHashes, FIXTURE, ROOT } from '../batch/helpers.js';
import { tempDir } from '../support/tools.js';

const EXAMPLE = join(ROOT, 'examples', 'open-letter-2023');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'letter.cjs');

function built(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Record<string, string> {
  const out = tempDir('letter-perf-');
  const r = buildCli(dir, out, ['--quiet', ...args], env);
  expect(r.status, r.stderr).toBe(0);
  return documentHashes(out);
}

describe('the bundled CLI', () => {
  it('is built by npm run build, with a code cache V8 accepts', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'render-worker.js'))).toBe(true);
    const { loadBundle } = createRequire(import.meta.url)('../../bin/code-cache.cjs') as {
      loadBundle(file: string): { exports: { main?: unknown }; cached: boolean };
    };
    const loaded = loadBundle(BUNDLE);
    expect(typeof loaded.exports.main).toBe('function');
    expect(loaded.cached).toBe(true);
  });

  it('is ASCII only, as the code cache loader reads it (latin1)', () => {
    for (const name of ['letter.cjs', 'worker.cjs']) {
      const bytes = readFileSync(join(ROOT, 'dist', 'bundle', name));
      expect(
        bytes.findIndex((byte) => byte > 0x7f),
        name,
      ).toBe(-1);
    }
  });

  it('writes the same bytes as the unbundled modules, in this thread and on the worker pool', () => {
    const unbundled = built(EXAMPLE, ['-j', '1'], { LETTER_NO_BUNDLE: '1' });
    expect(Object.keys(unbundled)).toHaveLength(6);
    expect(built(EXAMPLE, ['-j', '1'])).toEqual(unbundled);
    // Six documents on two threads: the bundled worker renders them.
    expect(built(EXAMPLE, ['-j', '2'])).toEqual(unbundled);
  });
});

describe('work shared across the documents of one process', () => {
  it('leaves every document as it is when drawn alone', () => {
    const alone = built(FIXTURE, ['-j', '1', '--to', 'fr', '--format', 'pdf']);
    // Germany's and Japan's letters first: their lines and glyphs fill the shared caches before France's are drawn.
    const after = built(FIXTURE, ['-j', '1', '--to', 'de,jp,fr', '--format', 'pdf']);
    expect(Object.keys(alone)).toHaveLength(3);
    for (const [file, hash] of Object.entries(alone)) expect(after[file], file).toBe(hash);
  });
});
