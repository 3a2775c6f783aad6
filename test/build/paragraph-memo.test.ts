/**
 * A batch lays each shared paragraph out once per language: the example letter to 20 recipients asks for the lines of
 * its body in every letter and gets them from the paragraph table after the first (counted in this thread, where
 * `jobs: 1` renders). A letter drawn inside the batch is byte for byte the letter drawn alone in a fresh process.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { paragraphCounts, type ParagraphCounts } from '../../src/typeset/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { letterCli, tempDir } from '../support/tools.js';
// The benchmark's own projects: the batch counted here is the one `npm run bench` times.
import { exampleTo, TWENTY } from '../../bench/lib/projects.mjs';

const LANGS = ['en', 'ko', 'zh'] as const;
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };

function since(
  before: ParagraphCounts,
  after: ParagraphCounts,
  which: 'asked' | 'laidOut',
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [text, n] of after[which]) {
    const d = n - (before[which].get(text) ?? 0);
    if (d > 0) out.set(text, d);
  }
  return out;
}

describe('paragraph layouts across a batch', () => {
  it('lays every paragraph all 20 letters of a language share out once, and draws each letter as it is drawn alone', async () => {
    const dir = exampleTo(TWENTY);
    const out = tempDir();
    const before = paragraphCounts();
    const result = await build({
      dir,
      out,
      langs: [...LANGS],
      formats: ['pdf'],
      jobs: 1,
      env: ENV,
      now: new Date('2024-01-01'),
    });
    expect(result.exitCode, JSON.stringify(result.errors)).toBe(0);
    expect(result.outputs).toHaveLength(60);
    const after = paragraphCounts();
    const asked = since(before, after, 'asked');
    const laidOut = since(before, after, 'laidOut');

    // The shared body: paragraphs every letter of a language asks for (20 times, once per recipient).
    const shared = [...asked].filter(([, n]) => n === TWENTY.length).map(([text]) => text);
    for (const lang of LANGS) {
      const intro = JSON.parse(
        readFileSync(join(EXAMPLE_DIR, 'locales', lang, 'letter.json'), 'utf8'),
      ) as Record<string, string>;
      // The body's third paragraph names no recipient: it is among the shared ones, in each language.
      expect(
        shared.some((text) => text.includes(intro.firsthand!.slice(0, 12))),
        `${lang} body`,
      ).toBe(true);
    }
    expect(shared.length).toBeGreaterThan(15);
    for (const text of shared) expect(laidOut.get(text), text).toBe(1);
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(laidOut)).toBeLessThan(total(asked) / 3);

    // Memoized lines draw the same bytes as a letter laid out from scratch in its own process.
    const alone = tempDir();
    const cli = letterCli(
      ['build', dir, '--to', 'th', '--lang', 'ko,zh', '--format', 'pdf', '--out', alone, '--quiet'],
      { env: ENV },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(alone, 'manifest.json'), 'utf8')) as {
      files: { file: string }[];
    };
    expect(manifest.files).toHaveLength(2);
    for (const { file } of manifest.files)
      expect(readFileSync(join(out, file)).equals(readFileSync(join(alone, file))), file).toBe(true);
  }, 120_000);
});
