/**
 * A line is shaped whole only where its natural width places something (an end or centred line, a line to justify,
 * compressed marks): a start-aligned line and a paragraph's last line are drawn from their words' shapes alone, and
 * come out the same as when the whole line was measured too.
 */

import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import { setParagraph } from '../../src/typeset/break/paragraph.js';
import { Measurer } from '../../src/typeset/measure.js';
import type { StyledRun } from '../../src/typeset/runs.js';
import type { FontRef } from '../../src/typeset/types.js';

const fonts = toolFontBook();
const LATIN = { face: 'latin', variant: 'regular' } as const;
const TEXT =
  'We, the undersigned organisations, respectfully urge Your Excellency to stop the forced return of refugees.';

/** The strings the measurer was asked to measure whole while `align` set TEXT, and the lines it set. */
function measuredWhile(align: 'start' | 'justify' | 'end' | 'center') {
  const measurer = new Measurer(fonts);
  const asked: string[] = [];
  // Every width the measurer gives goes through advanceIn (a piece of its run; `advance` is the whole run).
  const advanceIn = measurer.advanceIn.bind(measurer);
  measurer.advanceIn = (ref: FontRef, whole: string, start: number, end: number) => {
    asked.push(whole.slice(start, end));
    return advanceIn(ref, whole, start, end);
  };
  const run: StyledRun = { text: TEXT, font: LATIN, size: 11, lang: 'en', spokenLang: 'en' };
  const lines = setParagraph(
    [run],
    11,
    { x: 0, width: 200, firstLineIndent: 0, align, leading: 1.5 },
    measurer,
  );
  const texts = lines.map((line) => line.items.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
  return { asked, lines, texts };
}

describe("a line's whole-line measure", () => {
  it('is never taken for a start-aligned paragraph, whose lines are the same as before', () => {
    const { asked, texts } = measuredWhile('start');
    expect(texts.length).toBeGreaterThan(2);
    const lineTexts = texts.map((t) => t.trim()).filter((t) => t.includes(' '));
    expect(lineTexts.length).toBeGreaterThan(1);
    for (const line of lineTexts) expect(asked).not.toContain(line);
  });

  it('is taken for every justified line but the last, never for the last', () => {
    const { asked, lines } = measuredWhile('justify');
    const { texts: startTexts } = measuredWhile('start');
    // The same breaks either way (breaking never reads the whole line).
    expect(lines.length).toBe(startTexts.length);
    const last = startTexts[startTexts.length - 1]!.trim();
    expect(asked).not.toContain(last);
    for (const line of startTexts.slice(0, -1)) expect(asked).toContain(line.trim());
  });

  it('is taken for end-aligned and centred lines, which it places', () => {
    for (const align of ['end', 'center'] as const) {
      const { asked, texts, lines } = measuredWhile(align);
      for (const line of texts) expect(asked).toContain(line.trim());
      const first = lines[0]!.items.find((i) => i.kind === 'text')!;
      expect(first.x).toBeGreaterThan(0);
    }
  });
});
