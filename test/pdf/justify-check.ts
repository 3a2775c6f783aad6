/**
 * Checks of justified CJK text, independent of the code that sets it:
 * - line ends, read from a written PDF (pdftotext -bbox-layout): every line of a paragraph but its last ends at the
 *   paragraph's right edge;
 * - stretch, read from the paged letter: how much wider each gap between two characters is than the text's natural
 *   advance, judged against a limit per kind of gap, and never inside a Latin word or a number; and compression: how
 *   much narrower than its own width the glyph before the gap is drawn (a compressed punctuation mark, 标点挤压).
 */

import type { Measurer } from '../../src/typeset/measure.js';
import type { PagedLetter, TextItem } from '../../src/typeset/index.js';
import { unescapeXml } from '../support/text.js';

/** A line of the PDF that should have reached its paragraph's right edge and did not. */
export interface ShortLine {
  readonly paragraph: number;
  readonly text: string;
  readonly xMax: number;
  readonly edge: number;
}

const LINE = /<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const WORD = /<word [^>]*>([^<]*)<\/word>/g;

/**
 * Walk pdftotext's -bbox-layout lines through the source paragraphs (whitespace ignored) and report every line that
 * does not end a paragraph yet ends more than `tolerance` points from `edge(paragraph)`. Lines matching `skip` (page
 * numbers) are ignored. `checked` counts the non-final lines looked at, so a test can see the check had work to do;
 * `unbreakable` counts lines left out because they are a piece of one word without CJK text (nothing may widen there).
 */
export function shortLines(
  bboxHtml: string,
  paragraphs: readonly string[],
  edge: (paragraph: number) => number,
  skip: RegExp,
  tolerance = 0.5,
): { short: ShortLine[]; checked: number; unbreakable: number } {
  const chars: { ch: string; paragraph: number; last: boolean }[] = [];
  paragraphs.forEach((p, paragraph) => {
    const letters = [...p.replace(/\s+/gu, '')];
    letters.forEach((ch, i) => chars.push({ ch, paragraph, last: i === letters.length - 1 }));
  });
  const short: ShortLine[] = [];
  let checked = 0;
  let unbreakable = 0;
  let at = 0;
  for (const [, , xMax, inner] of bboxHtml.matchAll(LINE)) {
    const text = [...inner!.matchAll(WORD)].map((w) => unescapeXml(w[1]!)).join(' ');
    const letters = [...text.replace(/\s+/gu, '')];
    if (letters.length === 0 || skip.test(letters.join(''))) continue;
    if (!letters.every((ch, i) => chars[at + i]?.ch === ch)) {
      throw new Error(
        `PDF line "${text}" does not follow the source at "${chars
          .slice(at, at + 20)
          .map((c) => c.ch)
          .join('')}"`,
      );
    }
    const end = chars[at + letters.length - 1]!;
    at += letters.length;
    if (end.last) continue;
    // One unbreakable word cut to fit (a long URL): it has no gap that may widen, so it cannot be justified.
    if (!/\s/u.test(text) && !CJK.test(text)) {
      unbreakable++;
      continue;
    }
    checked++;
    const right = edge(end.paragraph);
    if (Math.abs(Number(xMax) - right) > tolerance)
      short.push({ paragraph: end.paragraph, text, xMax: Number(xMax), edge: right });
  }
  if (at !== chars.length)
    throw new Error(
      `the PDF ends before the source, at "${chars
        .slice(at, at + 20)
        .map((c) => c.ch)
        .join('')}"`,
    );
  return { short, checked, unbreakable };
}

/** One gap between two neighbouring characters of a line, in em. */
export interface Gap {
  readonly before: string;
  readonly after: string;
  /** How much wider than the glyphs' drawn advances the gap was set. */
  readonly stretch: number;
  /** How much narrower than its own width (the font's advance) the character before the gap is drawn. */
  readonly compression: number;
}

/**
 * Every gap between two characters on every line of the letter: within an item, how much more its glyph advances
 * than the same text shaped unjustified (the measurer's glyph run of the item's text); between two items, the distance
 * from where the first item's drawn advance ends to where the next one starts. Justification only widens and a
 * compressed mark only narrows, so what a glyph advances less than unjustified is compression, what it advances more
 * is stretch: a mark both compressed and widened would show neither its full half em nor a clean stretch.
 */
export function gaps(letter: PagedLetter, measurer: Measurer): Gap[] {
  const out: Gap[] = [];
  for (const page of letter.pages) {
    const lines = new Map<number, TextItem[]>();
    for (const item of page.items)
      if (item.kind === 'text') lines.set(item.y, [...(lines.get(item.y) ?? []), item]);
    for (const items of lines.values()) {
      items.sort((a, b) => a.x - b.x);
      items.forEach((item, i) => {
        const chars = [...item.text];
        const drawn = charAdvances(item, item.glyphs, measurer);
        const unjustified = charAdvances(
          item,
          measurer.glyphRun(item.font, item.text, item.glyphs.lang),
          measurer,
        );
        const stretch = (c: number): number => Math.max(0, drawn[c]! - unjustified[c]!) / item.size;
        const compression = (c: number): number => {
          const narrowed = unjustified[c]! + Math.min(0, drawn[c]! - unjustified[c]!);
          return (measurer.advance(item.font, chars[c]!) * item.size - narrowed) / item.size;
        };
        for (let c = 0; c + 1 < chars.length; c++) {
          out.push({
            before: chars[c]!,
            after: chars[c + 1]!,
            stretch: stretch(c),
            compression: compression(c),
          });
        }
        const next = items[i + 1];
        if (!next) return;
        const end = drawn.reduce((a, b) => a + b, 0);
        const last = chars.length - 1;
        out.push({
          before: chars[last]!,
          after: [...next.text][0]!,
          stretch: (next.x - item.x - end) / item.size + stretch(last),
          compression: compression(last),
        });
      });
    }
  }
  return out;
}

/**
 * What each character of an item advances in `run` (its own glyphs, or the same text shaped otherwise), in points:
 * its glyph's advance, a ligature's shared among its characters as their advances alone are, a glyph standing for no
 * character (a second glyph of one) added to the character before.
 */
function charAdvances(item: TextItem, run: TextItem['glyphs'], measurer: Measurer): number[] {
  const chars = [...item.text];
  const out = chars.map(() => 0);
  let c = 0;
  run.codePoints.forEach((cps, g) => {
    const advance = (run.advances[g]! * item.size) / 1000;
    if (cps.length === 0) {
      out[Math.max(c - 1, 0)]! += advance;
      return;
    }
    const alone = cps.map((cp) => measurer.advance(item.font, String.fromCodePoint(cp)));
    const total = alone.reduce((a, b) => a + b, 0);
    alone.forEach((w, k) => (out[c + k]! += total > 0 ? (advance * w) / total : advance / cps.length));
    c += cps.length;
  });
  if (c !== chars.length) throw new Error(`the glyphs of "${item.text}" stand for ${c} characters`);
  return out;
}
