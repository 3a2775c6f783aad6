/**
 * The letter's faces as PDF fonts, written through pdfkit's public object API (`doc.ref`): a TrueType subset of the
 * glyphs the paged letter uses (fontkit's public `createSubset`), a Type0/CIDFontType2 font with Identity-H encoding,
 * its widths, and a ToUnicode CMap so that copying the text gives back what the glyphs stand for.
 *
 * A glyph drawn narrower than its own advance by a quarter em or more (a compressed CJK punctuation mark) gets a code
 * of its own whose width is what it advances: text extraction boxes a glyph by its width, and a full-em box under a
 * half-em advance overlaps the next mark, which splits the word (poppler starts a new word past a 0.2 em overlap).
 *
 * A glyph that stands for other text elsewhere gets a code of its own too: Arabic faces draw ت, ي and ن with one dotless
 * base glyph (the dots are marks), so each (glyph, text) pair needs its own ToUnicode entry to copy out as written.
 */

import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { hmtxAdvance, type FontBook, type ShapedGlyphs } from '../../fonts/index.js';
import type { FontRef, PagedLetter } from '../../typeset/index.js';
import { ByFace, keyOf } from './by-face.js';
import { faceFacts } from './face-descriptor.js';
import { hex4, narrowKey, textKey } from './glyph-keys.js';
import type { FaceUse } from './glyph-uses.js';
import { deflated, type Subset, subsetFile, toUnicodeCmap } from './font-streams.js';

/** Glyphs drawn in one face: a text item of a page, or a run of the signature field's appearance. */
export interface FaceRun {
  readonly font: FontRef;
  readonly glyphs: ShapedGlyphs;
}

/** The text runs of a paged letter, page by page, in drawing order. */
export function pageRuns(paged: PagedLetter): FaceRun[] {
  return paged.pages.flatMap((page) => page.items.filter((item) => item.kind === 'text'));
}

/** One face of one document: its resource name and the code (CID, 4 hex digits) of every glyph drawn in it. */
export interface PdfFace {
  /** Resource name on the pages (`F1`, `F2`, … in first-use order). */
  readonly name: string;
  /** The Type0 font dictionary the pages' resources point to; written by `embedFaces`. */
  readonly dictionary: PDFKit.PDFKitReference;
  /** Glyph id in the face → its code in the content stream. */
  readonly codes: ReadonlyMap<number, string>;
  /** `narrowKey(gid, advance)` → the code of that glyph drawn narrower than itself (its /W is the advance). */
  readonly narrow: ReadonlyMap<string, string>;
  /** `textKey(gid, code points)` → the code of a glyph where it stands for other text than where first drawn. */
  readonly otherTexts: ReadonlyMap<string, string>;
}

/**
 * The code of each glyph of a run drawn in `face`, as planned from the runs: a glyph drawn narrow has its narrow code,
 * a glyph standing for other text than where first drawn its other-text code, any other glyph its own.
 */
export function glyphCodes(face: PdfFace, run: ShapedGlyphs): string[] {
  return run.glyphs.map((_, i) => glyphCode(face, run, i));
}

/** The code of glyph `i` of a run drawn in `face` (see glyphCodes). */
export function glyphCode(face: PdfFace, run: ShapedGlyphs, i: number): string {
  const gid = run.glyphs[i]!;
  const narrow = narrowKey(gid, run.widths[i]!, run.advances[i]!);
  return (
    (narrow === undefined ? undefined : face.narrow.get(narrow)) ??
    (face.otherTexts.size > 0 ? face.otherTexts.get(textKey(gid, run.codePoints[i]!)) : undefined) ??
    face.codes.get(gid)!
  );
}

/** The width glyph `i` of a run has in `face`'s /W: its advance where it has a narrow code, else its own width. */
export function drawnWidth(face: PdfFace, run: ShapedGlyphs, i: number): number {
  const key = narrowKey(run.glyphs[i]!, run.widths[i]!, run.advances[i]!);
  return key !== undefined && face.narrow.has(key) ? run.advances[i]! : run.widths[i]!;
}

interface FacePlan {
  readonly face: PdfFace;
  readonly font: Font;
  /** The bytes `font` was parsed from. */
  readonly file: Uint8Array;
  /** The face's subset font file, deflated. */
  readonly subset: Subset;
  /** Glyph ids in subset order (glyph 0 first), with each glyph's width and what it stands for. */
  readonly glyphs: readonly number[];
  readonly widths: ReadonlyMap<number, number>;
  readonly codePoints: ReadonlyMap<number, readonly number[]>;
  /** The narrow codes after the glyphs' own: each one's glyph and width. */
  readonly narrow: readonly { readonly gid: number; readonly width: number }[];
  /** The other-text codes after the narrow ones: each one's glyph and what it stands for there. */
  readonly others: readonly { readonly gid: number; readonly codePoints: readonly number[] }[];
}

/** The faces of a paged letter, planned before drawing; `embed` writes them once the pages are drawn. */
export class PdfFaces {
  private readonly plans = new ByFace<FacePlan>();

  /** `uses`: what the document draws in each face (glyph-uses.ts), from every glyph run it draws. */
  constructor(pdf: PDFKit.PDFDocument, uses: readonly FaceUse[], fonts: FontBook) {
    uses.forEach((use, i) => this.plans.add(use.ref, planFace(pdf, `F${i + 1}`, use, fonts)));
  }

  /** The face an item of `ref` draws with. */
  face(ref: FontRef): PdfFace {
    const plan = this.plans.get(ref);
    if (!plan)
      throw new Error(
        `face ${keyOf(ref)} was not planned: the paged letter's items name it, its pages do not`,
      );
    return plan.face;
  }

  /** Write every face's font objects, in plan order. Call after drawing, before `pdf.end()`. */
  embed(pdf: PDFKit.PDFDocument): void {
    for (const plan of this.plans.values()) embedFace(pdf, plan, plan.subset.deflated);
  }
}

/** The codes, subset and widths of one face, from what the document draws in it. */
function planFace(pdf: PDFKit.PDFDocument, name: string, use: FaceUse, fonts: FontBook): FacePlan {
  const path = fonts.file(use.ref.face, use.ref.variant);
  const font = fonts.openFile(path);
  const { glyphs } = use;
  const codes = new Map<number, string>();
  for (let cid = 0; cid < glyphs.length; cid++) codes.set(glyphs[cid]!, hex4(cid));
  // hmtx's advance, as typeset measures every glyph (fontkit's glyph.advanceWidth decodes the outline's box first).
  use.widths.set(0, use.widths.get(0) ?? (hmtxAdvance(font, 0) * 1000) / font.unitsPerEm);
  // Narrow codes follow, in glyph and width order, so that the same glyphs give the same codes in every letter.
  const narrow = [...use.narrow.entries()].sort(([, a], [, b]) => a.gid - b.gid || a.width - b.width);
  const narrowCodes = new Map(narrow.map(([k], j) => [k, hex4(glyphs.length + j)]));
  // Other-text codes follow those, in glyph and text order for the same reason.
  const others = [...use.others.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const otherCodes = new Map(others.map(([k], j) => [k, hex4(glyphs.length + narrow.length + j)]));
  const face = { name, dictionary: pdf.ref({}), codes, narrow: narrowCodes, otherTexts: otherCodes };
  return {
    face,
    font,
    file: fonts.tableBytes(path),
    subset: subsetFile(font, fonts.tableBytes(path), glyphs),
    glyphs,
    widths: use.widths,
    codePoints: use.codePoints,
    narrow: narrow.map(([, v]) => v),
    others: others.map(([, v]) => v),
  };
}

function embedFace(pdf: PDFKit.PDFDocument, plan: FacePlan, deflatedSubset: Uint8Array): void {
  const { font, glyphs, subset } = plan;
  const fontFile = pdf.ref({ Filter: 'FlateDecode' });
  fontFile.end(deflatedSubset);

  const facts = faceFacts(font, plan.file);
  const name = `${subset.tag}+${facts.name}`;
  const descriptor = pdf.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: facts.flags,
    FontBBox: [...facts.bbox],
    ItalicAngle: facts.italicAngle,
    Ascent: facts.ascent,
    Descent: facts.descent,
    CapHeight: facts.capHeight,
    XHeight: facts.xHeight,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end(undefined);

  const cidFont = pdf.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [
      0,
      [
        ...glyphs.map((gid) => plan.widths.get(gid)!),
        ...plan.narrow.map((n) => n.width),
        ...plan.others.map((o) => plan.widths.get(o.gid)!),
      ],
    ],
    CIDToGIDMap:
      plan.narrow.length + plan.others.length > 0
        ? cidToGidMap(pdf, glyphs, [...plan.narrow, ...plan.others])
        : 'Identity',
  });
  cidFont.end(undefined);

  const toUnicode = pdf.ref({ Filter: 'FlateDecode' });
  const stands = (gid: number): readonly number[] => (gid === 0 ? [0] : plan.codePoints.get(gid)!);
  toUnicode.end(
    deflated(
      toUnicodeCmap([
        ...glyphs.map(stands),
        ...plan.narrow.map((n) => stands(n.gid)),
        ...plan.others.map((o) => o.codePoints),
      ]),
    ),
  );

  const dictionary = plan.face.dictionary;
  Object.assign(dictionary.data, {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [cidFont],
    ToUnicode: toUnicode,
  });
  dictionary.end(undefined);
}

/**
 * The CIDToGIDMap of a face with narrow or other-text codes: the glyphs' own codes are their places in the subset (as
 * Identity would map them), and each further code maps to the subset place of its glyph.
 */
function cidToGidMap(
  pdf: PDFKit.PDFDocument,
  glyphs: readonly number[],
  narrow: readonly { readonly gid: number }[],
): PDFKit.PDFKitReference {
  const place = new Map(glyphs.map((gid, i) => [gid, i]));
  const map = Buffer.alloc(2 * (glyphs.length + narrow.length));
  glyphs.forEach((_, i) => map.writeUInt16BE(i, 2 * i));
  narrow.forEach((n, j) => map.writeUInt16BE(place.get(n.gid)!, 2 * (glyphs.length + j)));
  const stream = pdf.ref({ Filter: 'FlateDecode' });
  stream.end(deflateSync(map));
  return stream;
}
