/**
 * The text operators of one typeset item, from its glyph run: the codes of its glyphs in the embedded face, with TJ
 * adjustments where the shaper moved a glyph off its own advance, and a text matrix move for offset glyphs (marks).
 */

import type { TextItem } from '../../typeset/index.js';
import { glyphCodes, narrowKey, type PdfFace } from './faces.js';

/**
 * Write `item` onto the current page in pdfkit's coordinates (origin top left, y down), through its public content
 * API: the same operators pdfkit's own `text()` writes for a line, from the glyphs typeset chose.
 */
export function drawGlyphs(pdf: PDFKit.PDFDocument, item: TextItem, face: PdfFace): void {
  const run = item.glyphs;
  if (run.glyphs.length === 0) return;
  const page = pdf.page;
  pdf.save();
  // Flip to PDF's y-up text space about the page; the baseline then sits at height - y.
  pdf.transform(1, 0, 0, -1, 0, page.height);
  (page.fonts as Record<string, PDFKit.PDFKitReference>)[face.name] ??= face.dictionary;
  const scale = item.size / 1000;
  let x = item.x;
  const y = page.height - item.y;
  pdf.addContent('BT');
  pdf.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  pdf.addContent(`/${face.name} ${num(item.size)} Tf`);
  // Extra room after every glyph of a justified CJK line.
  if (item.characterSpacing) pdf.addContent(`${num(item.characterSpacing)} Tc`);

  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  // A glyph drawn much narrower than itself (compressed punctuation) has a code whose width is its advance.
  const narrow = run.glyphs.map((gid, i) => {
    const key = narrowKey(gid, run.widths[i]!, run.advances[i]!);
    return key === undefined ? undefined : face.narrow.get(key);
  });
  // A glyph standing for other text than where it was first drawn (Arabic's shared base glyphs) has its own code too.
  const codes = glyphCodes(face, run);
  const width = (i: number): number => (narrow[i] ? run.advances[i]! : run.widths[i]!);
  // A TJ segment ends where a glyph's advance differs from its width: the difference, in thousandths of an em.
  const segment = (end: number): void => {
    if (last < end)
      commands.push(
        `<${codes.slice(last, end).join('')}> ${num(-(run.advances[end - 1]! - width(end - 1)))}`,
      );
    last = end;
  };
  const flush = (end: number): void => {
    segment(end);
    if (commands.length > 0) {
      pdf.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < run.glyphs.length; i++) {
    const dx = run.xOffsets[i]!;
    const dy = run.yOffsets[i]!;
    if (dx || dy) {
      flush(i);
      pdf.addContent(`1 0 0 1 ${num(x + dx * scale)} ${num(y + dy * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        pdf.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (run.advances[i]! - width(i) !== 0) segment(i + 1);
    }
    x += run.advances[i]! * scale;
  }
  flush(i);
  pdf.addContent('ET');
  pdf.restore();
}

/** pdfkit's number format: at most six decimals, so streams repeat byte for byte. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
