/**
 * The text operators of one typeset item, from its glyph run: the codes of its glyphs in the embedded face, with TJ
 * adjustments where the shaper moved a glyph off its own advance, and a text matrix move for offset glyphs (marks).
 */

import type { TextItem } from '../../typeset/index.js';
import { drawnWidth, glyphCode, type PdfFace } from './faces.js';
import { num, numberText } from './numbers.js';
import { runDigest, type PlainSegments } from './run-digest.js';

/**
 * Write `item` onto the current page in pdfkit's coordinates (origin top left, y down), through its public content
 * API: the same operators pdfkit's own `text()` writes for a line, from the glyphs typeset chose.
 *
 * The item goes in as one piece of content: `q`, the flip to PDF's y-up text space about the page, the text object
 * and `Q`, the lines pdf.save(), pdf.transform(1, 0, 0, -1, 0, height), the text operators and pdf.restore() would
 * each write (pdfkit's content stream ends every write with a newline). The matrix pdfkit tracks is the same after `Q`
 * either way. A batch draws tens of thousands of items: one write each, and no closures per item.
 */
export function drawGlyphs(pdf: PDFKit.PDFDocument, item: TextItem, face: PdfFace): void {
  const run = item.glyphs;
  const count = run.glyphs.length;
  if (count === 0) return;
  const page = pdf.page;
  (page.fonts as Record<string, PDFKit.PDFKitReference>)[face.name] ??= face.dictionary;
  const scale = item.size / 1000;
  let x = item.x;
  // The baseline sits at height - y in the flipped space.
  const y = page.height - item.y;
  // (Each number as text from a table: a batch draws its items at a few hundred distinct places and sizes.)
  let out = `${pagePrefix(page.height)}1 0 0 1 ${numberText(x)} ${numberText(y)} Tm\n/${face.name} ${numberText(item.size)} Tf`;
  const plain = face.otherTexts.size === 0 ? runDigest(run).plain : null;
  if (plain) {
    pdf.addContent(Buffer.from(`${out}\n[${plainTj(plain, run.glyphs, face.codes)}] TJ\nET\nQ\n`, 'latin1'));
    return;
  }
  // A glyph drawn much narrower than itself (compressed punctuation) has a code whose width is its advance; a glyph
  // standing for other text than where it was first drawn (Arabic's shared base glyphs) has its own code too.
  // The TJ array being written (`tj`): segments of codes, each ending where a glyph's advance differs from its width
  // (with that difference as its adjustment), or before a glyph moved off its place (with 0); `hex`: the codes of the
  // segment not ended yet. One pass, each glyph's code and width looked up once.
  let tj = '';
  let hex = '';
  let hadOffset = false;
  for (let i = 0; i < count; i++) {
    const dx = run.xOffsets[i]!;
    const dy = run.yOffsets[i]!;
    const advance = run.advances[i]!;
    const code = glyphCode(face, run, i);
    if (dx || dy) {
      // A glyph moved off its place (a mark): its own TJ after a text matrix move.
      if (hex) tj = `${tj}${tj ? ' ' : ''}<${hex}> 0`;
      if (tj) out += `\n[${tj}] TJ`;
      out += `\n1 0 0 1 ${num(x + dx * scale)} ${num(y + dy * scale)} Tm`;
      out += `\n[<${code}> ${num(-(advance - drawnWidth(face, run, i)))}] TJ`;
      tj = '';
      hex = '';
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(x)} ${num(y)} Tm`;
        hadOffset = false;
      }
      hex += code;
      const drawn = drawnWidth(face, run, i);
      if (advance !== drawn) {
        tj = `${tj}${tj ? ' ' : ''}<${hex}> ${num(-(advance - drawn))}`;
        hex = '';
      }
    }
    x += advance * scale;
  }
  if (hex) tj = `${tj}${tj ? ' ' : ''}<${hex}> 0`;
  if (tj) out += `\n[${tj}] TJ`;
  // As bytes with the newline pdfkit would add: pdfkit converts a string to bytes a character at a time in JavaScript.
  pdf.addContent(Buffer.from(`${out}\nET\nQ\n`, 'latin1'));
}

/** The lines every item starts with on a page of this height (one page height in a letter, so the last is kept). */
let prefix = { height: NaN, text: '' };

function pagePrefix(height: number): string {
  if (prefix.height !== height) prefix = { height, text: `q\n1 0 0 -1 0 ${num(height)} cm\nBT\n` };
  return prefix.text;
}

/**
 * The TJ array of a plain run, its codes looked up in `codes`: one `<codes> adjustment` per segment, each glyph's own
 * code (no glyph is narrow, and the face has no other-text codes), as drawGlyphs' glyph-by-glyph loop writes it.
 */
function plainTj(
  plain: PlainSegments,
  glyphs: readonly number[],
  codes: ReadonlyMap<number, string>,
): string {
  const { ends, adjustments } = plain;
  let tj = '';
  let start = 0;
  for (let s = 0; s < ends.length; s++) {
    const end = ends[s]!;
    let hex = '';
    for (let i = start; i < end; i++) hex += codes.get(glyphs[i]!)!;
    tj += `${s ? ' ' : ''}<${hex}> ${adjustments[s]!}`;
    start = end;
  }
  return tj;
}
