/**
 * The text operators of one typeset item, from its glyph run: the codes of its glyphs in the embedded face, with TJ
 * adjustments where the shaper moved a glyph off its own advance, and a text matrix move for offset glyphs (marks).
 */

import type { TextItem } from '../../typeset/index.js';
import { glyphCodes, narrowKey, type PdfFace } from './faces.js';

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
  let out = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${face.name} ${num(item.size)} Tf`;
  // Extra room after every glyph of a justified CJK line.
  if (item.characterSpacing) out += `\n${num(item.characterSpacing)} Tc`;
  // A glyph drawn much narrower than itself (compressed punctuation) has a code whose width is its advance; a glyph
  // standing for other text than where it was first drawn (Arabic's shared base glyphs) has its own code too.
  const codes = glyphCodes(face, run);
  // The TJ array being written: segments of codes, each ending where a glyph's advance differs from its width.
  let tj = '';
  let last = 0;
  let hadOffset = false;
  for (let i = 0; i < count; i++) {
    const dx = run.xOffsets[i]!;
    const dy = run.yOffsets[i]!;
    if (dx || dy) {
      // A glyph moved off its place (a mark): its own TJ after a text matrix move.
      tj = withSegment(tj, codes, last, i, run, face);
      last = i;
      out = withArray(out, tj);
      out += `\n1 0 0 1 ${num(x + dx * scale)} ${num(y + dy * scale)} Tm`;
      out = withArray(out, withSegment('', codes, i, i + 1, run, face));
      tj = '';
      last = i + 1;
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(x)} ${num(y)} Tm`;
        hadOffset = false;
      }
      if (run.advances[i]! !== drawnWidth(run, i, face)) {
        tj = withSegment(tj, codes, last, i + 1, run, face);
        last = i + 1;
      }
    }
    x += run.advances[i]! * scale;
  }
  out = withArray(out, withSegment(tj, codes, last, count, run, face));
  // As bytes with the newline pdfkit would add: pdfkit converts a string to bytes a character at a time in JavaScript.
  pdf.addContent(Buffer.from(`${out}\nET\nQ\n`, 'latin1'));
}

/** The width a glyph's code has in the face: its advance where drawn narrow, else its own width. */
function drawnWidth(run: TextItem['glyphs'], i: number, face: PdfFace): number {
  const key = narrowKey(run.glyphs[i]!, run.widths[i]!, run.advances[i]!);
  return key !== undefined && face.narrow.has(key) ? run.advances[i]! : run.widths[i]!;
}

/** `tj` with the codes of glyphs start…end-1 as one more segment, then the last glyph's TJ adjustment (none if empty). */
function withSegment(
  tj: string,
  codes: readonly string[],
  start: number,
  end: number,
  run: TextItem['glyphs'],
  face: PdfFace,
): string {
  if (start >= end) return tj;
  let hex = '';
  for (let k = start; k < end; k++) hex += codes[k];
  const adjustment = num(-(run.advances[end - 1]! - drawnWidth(run, end - 1, face)));
  return `${tj}${tj ? ' ' : ''}<${hex}> ${adjustment}`;
}

/** `out` with a TJ operator of these segments, when there are any. */
function withArray(out: string, tj: string): string {
  return tj ? `${out}\n[${tj}] TJ` : out;
}

/** pdfkit's number format: at most six decimals, so streams repeat byte for byte. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
