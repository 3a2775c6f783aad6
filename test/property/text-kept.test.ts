/**
 * Property over generated projects built through build(): hostile paragraph text (very long words, CJK without
 * spaces, control characters, placeholders, Markdown) either comes back whole from the PDF (pdftotext, whitespace
 * removed) or is refused with exit 2 and a positioned message; never a thrown exception, never a timeout. Seeded:
 * fast-check prints the seed and the counterexample on failure.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { plain } from '../support/text.js';
import { pdfText, toolAvailable } from '../support/tools.js';
import { CorpusProject } from '../corpus/project.js';

const SEED = 20261205;
const RUNS = 20;

const word = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789'),
  minLength: 1,
  maxLength: 12,
});
const hangul = fc.string({
  unit: fc.constantFrom(...'가나다라마바사아자차카타파하한국어시진핑'),
  minLength: 1,
  maxLength: 8,
});
const han = fc.string({
  unit: fc.constantFrom(...'习近平中文字国家人民和平自由'),
  minLength: 1,
  maxLength: 8,
});

/** One piece of a paragraph: ordinary words, or something that has broken layout or composing before. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(fc.oneof(word, hangul), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  },
  { weight: 2, arbitrary: fc.integer({ min: 200, max: 1500 }).map((n) => 'W'.repeat(n)) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 50, max: 400 })
      .chain((n) => fc.array(han, { minLength: n, maxLength: n }).map((h) => h.join(''))),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 50, max: 300 })
      .chain((n) => fc.array(hangul, { minLength: n, maxLength: n }).map((h) => h.join(''))),
  },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: fc.constant('{{recipient.name}}') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f') },
);

const paragraph = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));

/** Page labels stand between the parts of a paragraph on two pages: taken out before comparing. */
const LABELS = /^(?:Page \d+ of \d+|- \d+ -|\d+ ?\/ ?\d+|- \d+ ?\/ ?\d+ -|第\d+页\s*[，,]?\s*共\d+页)$/gm;

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('property: a paragraph is printed whole or refused at its position', () => {
  it(`${RUNS} generated letters (seed ${SEED})`, async () => {
    if (!toolAvailable('pdftotext')) return;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('en', 'ko', 'zh'), paragraph, paragraph, async (lang, intro, plea) => {
        const p = new CorpusProject();
        const file = `locales/${lang}/letter.json`;
        const data: Record<string, string> = {
          ...(JSON.parse(p.read(file)) as Record<string, string>),
          intro,
          plea,
        };
        writeFileSync(p.path(file), JSON.stringify(data, null, 2));
        const out = join(p.dir, 'dist');
        const result = await build({ dir: p.dir, out, formats: ['pdf'], langs: [lang], jobs: 1 });
        if (result.exitCode === 2) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const d of result.errors) {
            expect(d.file, JSON.stringify(d)).toBeTypeOf('string');
            expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
            expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
            expect(d.message).not.toMatch(/internal error|This is a bug|\n\s+at /);
          }
          return;
        }
        expect(result.exitCode, JSON.stringify(result.errors)).toBe(0);
        built++;
        const text = squeeze(
          pdfText(join(out, 'cn', `corpus-letter.${lang}.pdf`))
            .replace(/\f/g, '\n')
            .replace(LABELS, ' '),
        );
        for (const value of [data['mother']!, intro, plea]) {
          // The placeholder becomes the recipient's name; each stretch around it is printed as written.
          for (const part of plain(value).split('{{recipient.name}}')) expect(text).toContain(squeeze(part));
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Some generated letters passed every check, so the comparison with the PDF's text ran.
    expect(built).toBeGreaterThan(RUNS / 3);
  }, 900_000);
});
