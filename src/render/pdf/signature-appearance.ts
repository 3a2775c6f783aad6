/**
 * The visible signature field's appearance: the signer's lines in the faces of the language's chain, shaped with the
 * project's shaper (fontkit's public `layout`) and set in the box before anything is drawn, so that their glyphs are
 * embedded in the letter's own font subsets (PdfFaces) and drawn with the same codes.
 */

import { isInvisible, shape, type FontBook, type Shaped } from '../../fonts/index.js';
import type { FontRef } from '../../typeset/index.js';
import { glyphCodes, type FaceRun, type PdfFaces } from './faces.js';

const PADDING = 4;
const MAX_FONT_SIZE = 9;
const MIN_FONT_SIZE = 7;
const LEADING = 1.3;
const BORDER_RGB = '0.18 0.24 0.38';
const TEXT_RGB = '0.1 0.1 0.1';

/** Text of one face, shaped, at `x` (points from the box's left edge) on its line. */
export interface AppearanceRun extends FaceRun {
  readonly text: string;
  readonly glyphs: Shaped;
  readonly x: number;
}

/** The lines set in the box: the font size, and each line's baseline (points up from the box's bottom) and runs. */
export interface SignatureAppearance {
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly lines: readonly { readonly baseline: number; readonly runs: readonly AppearanceRun[] }[];
}

/** Text of one face before it is placed. */
interface Piece {
  readonly font: FontRef;
  readonly text: string;
}

/**
 * Sets `lines` (top to bottom) in a `width` × `height` box: left-aligned, at the largest size up to MAX_FONT_SIZE that
 * fits; never below MIN_FONT_SIZE (legible on paper): a line still too wide at that size wraps instead. `lang` picks
 * the font chain (by default Korean when a line has Hangul). Throws when the lines do not fit at MIN_FONT_SIZE.
 */
export function layoutAppearance(
  lines: readonly string[],
  box: { readonly width: number; readonly height: number },
  fonts: FontBook,
  lang?: string,
): SignatureAppearance {
  const { width, height } = box;
  const chain = lang ?? guessLang(lines);
  const pieced = lines.map((line) => pieces(line, chain, fonts));
  const inner = width - 2 * PADDING;
  let size = Math.min(MAX_FONT_SIZE, (height - 2 * PADDING) / (Math.max(lines.length, 1) * LEADING));
  const widest = Math.max(0, ...pieced.map((line) => lineWidth(line, size, fonts)));
  if (widest > inner) size = Math.max(MIN_FONT_SIZE, (size * inner) / widest);
  const set = pieced.flatMap((line) => wrap(line, size, inner, fonts));
  if (set.length * size * LEADING > height - 2 * PADDING + 0.01) {
    throw new Error(
      `the signature field's text needs ${set.length} lines at ${MIN_FONT_SIZE} pt; its box holds fewer`,
    );
  }
  // Centre the block vertically: the box is sized by the page layout, not by the number of lines.
  const top = (height - set.length * size * LEADING) / 2;
  return {
    width,
    height,
    size,
    lines: set.map((line, i) => {
      const first = line[0] && fonts.open(line[0].font.face, 'regular');
      const ascent = first ? first.ascent / first.unitsPerEm : 0.88;
      let x = PADDING;
      const runs = line.map((piece) => {
        const glyphs = shaped(piece, fonts);
        const run = { ...piece, glyphs, x };
        x += (glyphs.advanceWidth * size) / 1000;
        return run;
      });
      return { baseline: height - top - ascent * size - i * size * LEADING, runs };
    }),
  };
}

/** Every run of the appearance, for PdfFaces to plan its glyphs. */
export function appearanceRuns(appearance: SignatureAppearance): AppearanceRun[] {
  return appearance.lines.flatMap((line) => line.runs);
}

/**
 * The appearance stream, a thin-ruled box with the lines, and the fonts its resources name; the faces must have been
 * planned with `appearanceRuns(appearance)`.
 */
export function appearanceStream(
  appearance: SignatureAppearance,
  faces: PdfFaces,
): { content: string; fonts: Record<string, PDFKit.PDFKitReference> } {
  const { width, height, size } = appearance;
  const fonts: Record<string, PDFKit.PDFKitReference> = {};
  const ops = [
    'q',
    `${BORDER_RGB} RG`,
    '0.75 w',
    `0.375 0.375 ${num(width - 0.75)} ${num(height - 0.75)} re S`,
    'BT',
    `${TEXT_RGB} rg`,
  ];
  for (const line of appearance.lines) {
    for (const run of line.runs) {
      const face = faces.face(run.font);
      fonts[face.name] = face.dictionary;
      ops.push(
        `/${face.name} ${num(size)} Tf`,
        `1 0 0 1 ${num(run.x)} ${num(line.baseline)} Tm`,
        `<${glyphCodes(face, run.glyphs).join('')}> Tj`,
      );
    }
  }
  ops.push('ET', 'Q');
  return { content: ops.join('\n'), fonts };
}

/** Splits a line into pieces of one face each: the first face of the language's chain that has the character. */
function pieces(line: string, lang: string, fonts: FontBook): Piece[] {
  const out: { font: FontRef; text: string }[] = [];
  for (const ch of line) {
    const last = out[out.length - 1];
    // Spaces stay in the face around them, so a space does not split a Korean run into a Latin one.
    const face =
      isInvisible(ch.codePointAt(0)!) && last ? last.font.face : fonts.faceOrThrow(ch.codePointAt(0)!, lang);
    if (last && last.font.face === face) last.text += ch;
    else out.push({ font: { face, variant: 'regular' }, text: ch });
  }
  return out;
}

function guessLang(lines: readonly string[]): string {
  return lines.some((line) => /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(line)) ? 'ko' : 'en';
}

function shaped(piece: Piece, fonts: FontBook): Shaped {
  return shape(fonts.open(piece.font.face, piece.font.variant), piece.text);
}

function widthOf(piece: Piece, size: number, fonts: FontBook): number {
  return (shaped(piece, fonts).advanceWidth * size) / 1000;
}

function lineWidth(line: readonly Piece[], size: number, fonts: FontBook): number {
  return line.reduce((sum, piece) => sum + widthOf(piece, size, fonts), 0);
}

/** A line too wide for the box as several: broken after the last space that fits, or between characters (CJK). */
function wrap(line: readonly Piece[], size: number, inner: number, fonts: FontBook): Piece[][] {
  if (lineWidth(line, size, fonts) <= inner) return [[...line]];
  const chars = line.flatMap((piece) => [...piece.text].map((ch) => ({ font: piece.font, text: ch })));
  const width = (i: number) => widthOf(chars[i]!, size, fonts);
  const out: Piece[][] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let used = width(start);
    while (end < chars.length && used + width(end) <= inner) {
      used += width(end);
      end++;
    }
    if (end < chars.length) {
      const space = chars
        .slice(start, end)
        .map((c) => c.text)
        .lastIndexOf(' ');
      if (space > 0) end = start + space + 1;
    }
    out.push(joined(chars.slice(start, end)));
    start = end;
    while (start < chars.length && chars[start]!.text === ' ') start++;
  }
  return out;
}

/** Characters of a wrapped line as pieces again, one per face, without the line's breaking space. */
function joined(chars: readonly Piece[]): Piece[] {
  const out: { font: FontRef; text: string }[] = [];
  for (const { font, text } of chars) {
    const last = out[out.length - 1];
    if (last && last.font.face === font.face) last.text += text;
    else out.push({ font, text });
  }
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((piece) => piece.text.length > 0);
}

/** Fixed-precision numbers keep the stream identical across runs and platforms. */
function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}
