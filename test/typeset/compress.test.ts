/**
 * Punctuation compression (标点挤压): adjacent full-width marks give up half an em, read from the faces' `halt`
 * feature; the pairs and the amounts agree with the fonts' own contextual `chws` feature (fontkit's shaping, an
 * independent oracle); and on the written PDF a line of them is that much shorter, its text intact for pdftotext.
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block } from '../../src/model/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { blankOf, mayCompress, pairSqueezes, PUNCTUATION } from '../../src/typeset/break/compress.js';
import { setParagraph } from '../../src/typeset/break/paragraph.js';
import type { StyledRun } from '../../src/typeset/runs.js';
import type { TextItem } from '../../src/typeset/types.js';
import { Measurer } from '../../src/typeset/measure.js';
import { exampleLetter, scratch, text, writePdf } from '../pdf/helpers.js';
import { hasPoppler } from '../pdf/tools.js';

const fonts = toolFontBook();
const measurer = new Measurer(fonts);
const SC = { face: 'sc', variant: 'regular' } as const;
const KR = { face: 'kr', variant: 'regular' } as const;

const blank = (c: string, face: typeof SC | typeof KR) =>
  blankOf(c.codePointAt(0)!, (cp) => measurer.halfWidth(face, cp));

/** Ems our rules save in `s` set in one face. */
function saved(s: string, face: typeof SC | typeof KR): number {
  return [...pairSqueezes(s, (i) => blank(s[i]!, face)).values()].reduce((a, b) => a + b, 0);
}

describe('punctuation compression', () => {
  it("reads the blank half from the face's halt feature: GB forms in Noto Serif SC, centred colons in Noto Serif KR", () => {
    expect([...'。，、）」》”：'].map((c) => blank(c, SC)?.side)).toEqual(Array(8).fill('end'));
    expect([...'（「《“'].map((c) => blank(c, SC)?.side)).toEqual(Array(4).fill('start'));
    expect(blank('。', SC)?.em).toBe(0.5);
    expect(blank('：', KR)).toBeUndefined();
    // Korean sets Western-style quotes (proportional in Noto Serif KR): nothing to compress.
    expect(blank('“', KR)).toBeUndefined();
    expect(blank('我', SC)).toBeUndefined();
    expect(blank('.', SC)).toBeUndefined();
  });

  it('asks the face about the full-width marks alone', () => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x110000; cp++) if (mayCompress(cp) !== PUNCTUATION.has(cp)) wrong.push(cp);
    expect(wrong).toEqual([]);
  });

  it("compresses the pairs Noto Serif SC's chws feature compresses, by as much", () => {
    const font = fonts.open('sc');
    const pairs = [
      '。」',
      '），',
      '“《',
      '，“',
      '」。',
      '》（',
      '（《',
      '」）',
      '、“',
      '：“',
      '。”',
      '”，',
      '我。」他',
      '（《公约》）。',
      '。“',
      '》，“',
    ];
    for (const s of pairs) {
      const natural = [...s].length;
      const chws =
        font.layout(s, ['chws']).positions.reduce((sum, p) => sum + p.xAdvance, 0) / font.unitsPerEm;
      expect(natural - saved(s, SC), s).toBeCloseTo(chws, 3);
    }
    expect(saved('我，你', SC)).toBe(0);
    expect(saved('（）', SC)).toBe(0);
  });

  /** The lines of `s` set in Noto Serif SC at 10 pt in a column `ems` wide, as text and as the x where each ends. */
  function setLines(s: string, ems: number, align: 'start' | 'justify'): { text: string; end: number }[] {
    const run: StyledRun = { text: s, font: SC, size: 10, lang: 'zh', spokenLang: 'zh' };
    const lines = setParagraph(
      [run],
      10,
      { x: 0, width: ems * 10, firstLineIndent: 0, align, leading: 1.5 },
      measurer,
    );
    return lines.map((line) => {
      const items = line.items as TextItem[];
      const last = items[items.length - 1]!;
      // Justification is in the advances (10 pt: a thousandth of an em is a hundredth of a point).
      const drawn = last.glyphs.advances.reduce((a, b) => a + b, 0) / 100;
      return { text: items.map((i) => i.text).join(''), end: last.x + drawn };
    });
  }

  it("sets a line's mark half-width at its end only when the line would not fit otherwise", () => {
    // Nine ideographs and a comma are ten ems; the comma may not start a line. In 9.6 ems the comma goes half-width
    // and the line keeps 壬 (without it, 壬， would move down and eight ideographs be spread over 9.6 ems).
    const s = '甲乙丙丁戊己庚辛壬，癸子丑寅卯辰巳午未申酉戌亥';
    const narrow = setLines(s, 9.6, 'justify');
    expect(narrow[0]!.text).toBe('甲乙丙丁戊己庚辛壬，');
    expect(narrow[0]!.end).toBeCloseTo(96, 6);
    // With room for the whole comma, it keeps its full width (the line is justified over 10.4 ems).
    const wide = setLines(s, 10.4, 'justify');
    expect(wide[0]!.text).toBe('甲乙丙丁戊己庚辛壬，');
    expect(wide[0]!.end).toBeCloseTo(104, 6);
    expect(setLines(s, 10.4, 'start')[0]!.end).toBeCloseTo(100, 6);
  });

  it('counts a compressed pair that a break opportunity separates when both stay on the line', () => {
    // 。“ may break between the marks; on one line they take an em and a half: 3 + 1.5 + 3 = 7.5 ems fit in 7.5.
    const lines = setLines('甲乙丙。“丁戊”', 7.5, 'start');
    expect(lines.map((l) => l.text)).toEqual(['甲乙丙。“丁戊”']);
    expect(lines[0]!.end).toBeCloseTo(75, 6);
  });

  it.skipIf(!hasPoppler())(
    'shortens the drawn line by half an em per compressed pair, its text intact in pdftotext',
    async () => {
      const line = '甲。」乙（《丙》），丁';
      const body: Block[] = [{ type: 'paragraph', inlines: [text(line, 'p', 'zh')] }];
      const doc = { ...exampleLetter('zh', { bodyOnly: true, body, bodyAlign: 'start' }) };
      const sections = doc.sections.map((s) => ({ ...s, firstLineIndent: 0 }));
      const { bytes } = await renderPdf({ ...doc, sections }, { fonts });
      const path = writePdf(bytes, scratch(), 'compress.pdf');
      const bbox = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], {
        encoding: 'utf8',
      });
      const lines = [
        ...bbox.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g),
      ];
      expect(lines).toHaveLength(1);
      const [, xMin, xMax, words] = lines[0]!;
      // One word: no glyph box overlaps the next one.
      expect([...words!.matchAll(/>([^<]+)<\/word>/g)].map((m) => m[1])).toEqual([line]);
      // 11 ems less the four compressed marks (。 before 」, 《 after （, 》 before ）, ） before ，).
      expect(Number(xMax) - Number(xMin)).toBeCloseTo((11 - 4 / 2) * 10.5, 1);
      for (const mode of [[], ['-raw']]) {
        expect(
          execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).trim(),
        ).toBe(line);
      }
    },
  );
});
