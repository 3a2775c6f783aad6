/**
 * The PDF renderer's per-run memo (src/render/pdf/run-digest.ts: a run's entries for the face plan and its TJ segments)
 * is keyed by the glyph run object: a run's every field is an input, and the face it is drawn in is not part of the
 * key, so what a letter gets must come from the run's own content and its own face's codes. Each test here fails if
 * the memo kept something by less than the whole run (the glyph ids alone, say) or kept a face's codes.
 */

import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { toolFontBook, type ShapedGlyphs } from '../../src/fonts/index.js';
import { PdfFaces, type PdfFace } from '../../src/render/pdf/faces.js';
import { faceUses } from '../../src/render/pdf/glyph-uses.js';
import { drawGlyphs } from '../../src/render/pdf/text.js';
import type { FontRef, TextItem } from '../../src/typeset/index.js';

const LATIN: FontRef = { face: 'latin', variant: 'regular' };

function run(fields: Partial<ShapedGlyphs> & { glyphs: number[] }): ShapedGlyphs {
  const n = fields.glyphs.length;
  return {
    advances: Array(n).fill(600),
    widths: Array(n).fill(600),
    xOffsets: Array(n).fill(0),
    yOffsets: Array(n).fill(0),
    codePoints: fields.glyphs.map((g) => [0x40 + g]),
    ...fields,
  };
}

/** The face of a fresh document drawing these runs. */
function faceOf(runs: readonly ShapedGlyphs[]): PdfFace {
  const pdf = new PDFDocument({ autoFirstPage: false });
  const uses = faceUses(runs.map((glyphs) => ({ font: LATIN, glyphs })));
  return new PdfFaces(pdf, uses, toolFontBook()).face(LATIN);
}

/** What drawGlyphs writes for `glyphs` in `face`, from a stand-in for pdfkit's document (a page and addContent). */
function drawn(glyphs: ShapedGlyphs, face: PdfFace, at: Partial<TextItem> = {}): string {
  const written: string[] = [];
  const pdf = {
    page: { height: 800, fonts: {} },
    addContent: (bytes: Uint8Array) => written.push(Buffer.from(bytes).toString('latin1')),
  } as unknown as PDFKit.PDFDocument;
  const item = { glyphs, x: 10, y: 20, size: 10, ...at } as unknown as TextItem;
  drawGlyphs(pdf, item, face);
  return written.join('');
}

describe("a face's plan from runs already digested", () => {
  it('gives each run its own texts: two runs of the same glyphs standing for other text', () => {
    const a = run({ glyphs: [36, 37, 36], codePoints: [[0x41], [0x42], [0x41]] });
    const b = run({ glyphs: [36, 37, 36], codePoints: [[0x41], [0x42], [0x43]] });
    expect(faceOf([a]).otherTexts.size).toBe(0);
    // b after a was digested: its third glyph stands for C, where the glyph first stood for A.
    expect([...faceOf([b]).otherTexts.keys()]).toEqual(['36:67']);
    expect([...faceOf([a, b]).otherTexts.keys()]).toEqual(['36:67']);
    // Which text comes first decides: b's glyph 36 first stands for A, then C (and then A again in a).
    expect([...faceOf([b, a]).otherTexts.keys()]).toEqual(['36:67']);
  });

  it('keeps the first text of a glyph across runs, and a glyph standing for a space later is the same text', () => {
    const space = run({ glyphs: [3], codePoints: [[0x20]] });
    const letter = run({ glyphs: [3, 3], codePoints: [[0x41], [0x41]] });
    expect([...faceOf([space, letter]).otherTexts.keys()]).toEqual(['3:65']);
    // The other way round the space is the same text as A (copying a space glyph gives a space either way).
    expect(faceOf([letter, space]).otherTexts.size).toBe(0);
  });

  it('gives a glyph drawn narrow its code from its advance, by run', () => {
    const full = run({ glyphs: [36, 37] });
    const narrow = run({ glyphs: [36, 37], advances: [600, 300] });
    expect(faceOf([full]).narrow.size).toBe(0);
    expect([...faceOf([narrow]).narrow.keys()]).toEqual(['37@300']);
  });
});

describe('the TJ segments of a run', () => {
  it("write each letter's own codes for the same run object", () => {
    const shared = run({ glyphs: [36, 37] });
    const one = faceOf([shared]);
    // Another letter's face numbers glyph 37 otherwise: glyph 30 comes before it in its subset.
    const other = faceOf([run({ glyphs: [30] }), shared]);
    expect(drawn(shared, one)).toContain('[<00010002> 0] TJ');
    expect(drawn(shared, other)).toContain('[<00020003> 0] TJ');
  });

  it('follow the advances of the run drawn, not of a run with the same glyphs drawn before', () => {
    const plain = run({ glyphs: [36, 37] });
    const kerned = run({ glyphs: [36, 37], advances: [550, 600] });
    const face = faceOf([plain, kerned]);
    expect(drawn(plain, face)).toContain('[<00010002> 0] TJ');
    expect(drawn(kerned, face)).toContain('[<0001> 50 <0002> 0] TJ');
  });

  it('are what the glyph-by-glyph writer gives, where a face has other-text codes', () => {
    const kerned = run({ glyphs: [36, 37, 38], advances: [550, 600, 610] });
    const plainFace = faceOf([kerned]);
    // Another text for glyph 38 elsewhere: this face is written glyph by glyph; glyphs 36 and 37 keep their codes.
    const otherFace = faceOf([kerned, run({ glyphs: [38], codePoints: [[0x5a]] })]);
    expect(otherFace.otherTexts.size).toBe(1);
    expect(drawn(kerned, plainFace)).toBe(drawn(kerned, otherFace));
  });
});

describe('the numbers of an item', () => {
  it('are written from each value, to six decimals as pdfkit writes them', () => {
    const glyphs = run({ glyphs: [36] });
    const face = faceOf([glyphs]);
    expect(drawn(glyphs, face, { x: 1.5, y: 20 })).toContain('\n1 0 0 1 1.5 780 Tm\n/F1 10 Tf\n');
    expect(drawn(glyphs, face, { x: 2.5, y: 20.25, size: 10.5 })).toContain(
      '\n1 0 0 1 2.5 779.75 Tm\n/F1 10.5 Tf\n',
    );
    // Values that round alike are written alike; values a millionth apart are not.
    expect(drawn(glyphs, face, { x: 0.1234564 })).toContain('\n1 0 0 1 0.123456 780 Tm');
    expect(drawn(glyphs, face, { x: 0.1234566 })).toContain('\n1 0 0 1 0.123457 780 Tm');
    // A justified glyph's extra advance (typeset/break/spread.ts) is its TJ adjustment, to six decimals.
    const widened = run({ glyphs: [36, 37], advances: [675.1234567, 600] });
    expect(drawn(widened, faceOf([widened]), { x: 3 })).toMatch(
      /\n1 0 0 1 3 780 Tm\n\/F1 10 Tf\n\[<[0-9a-f]{4}> -75\.123457 <[0-9a-f]{4}> 0\] TJ\n/,
    );
  });
});
