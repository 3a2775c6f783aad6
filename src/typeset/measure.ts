/**
 * Text measurement through FontBook's faces (shaped by harfbuzz, fontkit for right-to-left runs): advance widths in em,
 * cached per face file and string.
 */

import type { Font } from 'fontkit';
import {
  concatGlyphs,
  harfBuzzFeatures,
  harfBuzzGlyph,
  harfBuzzShape,
  hmtxAdvance,
  shapePiece,
  type FontBook,
} from '../fonts/index.js';
import type { Lang } from '../model/index.js';
import { isHangul } from './segment/classes.js';
import type { HalfWidth } from './break/compress.js';
import type { FontRef, GlyphRun } from './types.js';

interface FaceCache {
  readonly font: Font;
  readonly unitsPerEm: number;
  readonly widths: Map<string, number>;
  /** Glyph runs as items draw them, by language and text (`glyphRun`): a batch draws each shared word once. */
  readonly runs: Map<string, GlyphRun>;
  /** What the face's `halt` feature does to a character (null: nothing). */
  readonly halts: Map<number, HalfWidth | null>;
}

// One cache per FontBook (one per process in practice), so a batch of letters measures each word once.
// Past this many distinct strings a face's cache starts over, so a long batch holds a bounded amount (as the PDF
// renderer's shared shaping cache does).
const MAX_WIDTHS = 20_000;

const caches = new WeakMap<FontBook, Map<string, FaceCache>>();

/**
 * Measures and shapes text: the shaper's default features (harfbuzz, as fontkit's layout gave them), word by word as
 * items are drawn.
 */
export class Measurer {
  private readonly faces: Map<string, FaceCache>;

  constructor(readonly fonts: FontBook) {
    let faces = caches.get(fonts);
    if (!faces) caches.set(fonts, (faces = new Map()));
    this.faces = faces;
  }

  /** Advance width of `text` in this face at size 1 (multiply by the size in points). */
  advance(ref: FontRef, text: string): number {
    return this.advanceIn(ref, text, 0, text.length);
  }

  /**
   * `advance` of `whole.slice(start, end)`, where `whole` is the text of the run it belongs to: the run is shaped once
   * and its pieces cut from it where harfbuzz allows (fonts/shaped.ts `shapePiece`); the width is the same.
   */
  advanceIn(ref: FontRef, whole: string, start: number, end: number): number {
    if (end <= start) return 0;
    const text = start === 0 && end === whole.length ? whole : whole.slice(start, end);
    const face = this.face(ref);
    let width = face.widths.get(text);
    if (width === undefined) {
      width = measure(face, whole, start, end);
      if (face.widths.size >= MAX_WIDTHS) face.widths.clear();
      face.widths.set(text, width);
    }
    return width;
  }

  /**
   * Advance of `text` as one item draws it (size 1): its glyphs are shaped word by word, each word with its trailing
   * space (as pdfkit always drew them), so a space between two Hangul syllables keeps its narrow form there, unlike in
   * `advance`. Where one drawn run ends, the next must start at this width, or the gap shows.
   */
  drawnAdvance(ref: FontRef, text: string): number {
    return this.drawnAdvanceIn(ref, text, 0, text.length);
  }

  /** `drawnAdvance` of `whole.slice(start, end)`, its words cut from the run `whole` as `advanceIn` cuts them. */
  drawnAdvanceIn(ref: FontRef, whole: string, start: number, end: number): number {
    let width = 0;
    for (const [from, to] of words(whole, start, end)) width += this.advanceIn(ref, whole, from, to);
    return width;
  }

  /**
   * The glyphs an item of `text` is drawn with: its words shaped as `drawnAdvance` measures them, from one cache. The
   * run is shared by every item that draws the same text in the same face and language (runs are never changed).
   */
  glyphRun(ref: FontRef, text: string, lang: Lang): GlyphRun {
    return this.glyphRunIn(ref, text, 0, text.length, lang);
  }

  /** `glyphRun` of `whole.slice(start, end)`, its words cut from the run `whole` as `advanceIn` cuts them. */
  glyphRunIn(ref: FontRef, whole: string, start: number, end: number, lang: Lang): GlyphRun {
    const face = this.face(ref);
    const key = `${lang}\u0000${whole.slice(start, end)}`;
    let run = face.runs.get(key);
    if (!run) {
      const parts = words(whole, start, end).map(([from, to]) => shapePiece(face.font, whole, from, to));
      run = { lang, ...concatGlyphs(parts) };
      if (face.runs.size >= MAX_WIDTHS) face.runs.clear();
      face.runs.set(key, run);
    }
    return run;
  }

  /**
   * Advance of one space between `before` and `after` when both sit in the same shaped run. Noto Serif KR substitutes
   * a wider space between two Hangul syllables (its Korean-script GSUB), so a word measured alone, with its trailing
   * space, is narrower than the same word drawn inside a line; measuring the space in context keeps breaking exact.
   */
  space(ref: FontRef, before: number | undefined, after: number | undefined): number {
    if (before !== undefined && after !== undefined && isHangul(before) && isHangul(after)) {
      return this.advance(ref, '\uac00 \uac00') - 2 * this.advance(ref, '\uac00');
    }
    return this.advance(ref, ' ');
  }

  /**
   * What the face's half-width feature (`halt`, shaped by harfbuzz or fontkit) does to `cp` alone, in em: the
   * advance it takes away and how far it shifts the glyph; undefined when the face has no `halt` or leaves `cp` be.
   */
  halfWidth(ref: FontRef, cp: number): HalfWidth | undefined {
    const face = this.face(ref);
    let h = face.halts.get(cp);
    if (h === undefined) {
      h = null;
      const run = haltRun(face.font, String.fromCodePoint(cp));
      const id = run?.ids[0];
      if (run?.ids.length === 1 && id !== undefined && id !== 0) {
        const cut = (hmtxAdvance(face.font, id) - run.xAdvances[0]!) / face.unitsPerEm;
        if (cut > 0) h = { advanceCut: cut, shift: run.xOffsets[0]! / face.unitsPerEm };
      }
      face.halts.set(cp, h);
    }
    return h ?? undefined;
  }

  private face(ref: FontRef): FaceCache {
    const path = this.fonts.file(ref.face, ref.variant);
    let face = this.faces.get(path);
    if (!face) {
      const font = this.fonts.open(ref.face, ref.variant);
      face = { font, unitsPerEm: font.unitsPerEm, widths: new Map(), runs: new Map(), halts: new Map() };
      this.faces.set(path, face);
    }
    return face;
  }
}

/** `text[start, end)` cut after every space or tab: the units it is shaped in (a word keeps its trailing space). */
function words(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < end) out.push([from, end]);
  return out;
}

function measure(face: FaceCache, whole: string, start: number, end: number): number {
  // One character needs no shaping: the glyph's own advance (hmtx) is what layout would give, and it is far cheaper.
  const cp = end - start === 1 ? whole.charCodeAt(start) : whole.codePointAt(start)!;
  if (end - start === (cp > 0xffff ? 2 : 1)) {
    const id = harfBuzzGlyph(face.font, cp) ?? face.font.glyphForCodePoint(cp).id;
    return hmtxAdvance(face.font, id) / face.unitsPerEm;
  }
  // The run as it will be drawn, shaped once for both (its advance is in thousandths of an em).
  return shapePiece(face.font, whole, start, end).advanceWidth / 1000;
}

/**
 * One character shaped with `halt` on, by harfbuzz (test/fonts/harfbuzz.test.ts: as fontkit), else by fontkit where the
 * face has the feature; undefined when it has not (a face without `halt` sets the character as it would without it).
 */
function haltRun(
  font: Font,
  ch: string,
): { ids: number[]; xAdvances: number[]; xOffsets: number[] } | undefined {
  const features = harfBuzzFeatures(font);
  if (features && !features.has('halt')) return undefined;
  const shaped = harfBuzzShape(font, ch, undefined, ['halt']);
  if (shaped) return shaped;
  if (!font.availableFeatures.includes('halt')) return undefined;
  const run = font.layout(ch, ['halt']);
  return {
    ids: run.glyphs.map((g) => g.id),
    xAdvances: run.positions.map((p) => p.xAdvance),
    xOffsets: run.positions.map((p) => p.xOffset),
  };
}

/** Width in points of a glyph run drawn at `size` points: its advances, thousandths of an em, summed in order. */
export function glyphRunWidth(glyphs: GlyphRun, size: number): number {
  let total = 0;
  for (const advance of glyphs.advances) total += advance;
  return (total * size) / 1000;
}
