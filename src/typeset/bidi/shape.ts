/** The glyphs of one directional piece of a line, in the order they are drawn (left to right on the page). */

import { concatGlyphs, shape, type FontBook, type Shaped } from '../../fonts/index.js';
import type { Lang } from '../../model/index.js';
import type { FontRef, GlyphRun } from '../types.js';
import { mirrored } from './levels.js';

/**
 * Shape `text` (logical order) in one direction. fontkit returns a right-to-left run's glyphs in visual order, so the
 * words of a right-to-left piece (each shaped with its trailing space, as the measurer does) are concatenated last
 * word first. Brackets of a right-to-left piece are mirrored before shaping (fontkit does not apply Bidi_Mirrored);
 * each glyph keeps the logical characters it stands for (`textOfGlyphs`), which is what copying the text gives.
 */
export function directedGlyphRun(
  fonts: FontBook,
  ref: FontRef,
  text: string,
  lang: Lang,
  rtl: boolean,
): GlyphRun {
  const font = fonts.open(ref.face, ref.variant);
  const direction = rtl ? 'rtl' : 'ltr';
  const words = splitWords(text).map((word) => {
    const shaped = shape(font, rtl ? [...word].map(mirrored).join('') : word, direction);
    return { ...shaped, codePoints: textOfGlyphs(word, shaped, rtl) };
  });
  if (rtl) words.reverse();
  return { lang, ...concatGlyphs(words) };
}

/**
 * What each glyph of a shaped word stands for, from the word itself. fontkit keeps one glyph object per glyph id with
 * the code points it was first made for, so a glyph Arabic faces share (the dotless base of ت, ي and ن) reports the
 * letter it first drew. Its count is right (a ligature stands for two, a decomposed mark for none): the word's code
 * points are dealt out in logical order by those counts. Mirrored brackets get back their logical character too.
 * Where the counts do not add up to the word, fontkit's own code points stand.
 *
 * A mark's text (a shadda, a damma) goes with its base glyph: the mark is drawn raised, and a text extractor that
 * groups glyphs by baseline (poppler) would otherwise read it as a word of its own on another line.
 */
function textOfGlyphs(word: string, shaped: Shaped, rtl: boolean): (readonly number[])[] {
  const reported = shaped.codePoints;
  const chars = [...word].map((ch) => ch.codePointAt(0)!);
  const order = reported.map((_, i) => i);
  if (rtl) order.reverse();
  const total = reported.reduce((n, cps) => n + cps.length, 0);
  if (total !== chars.length) return [...reported];
  const dealt: number[][] = reported.map(() => []);
  let next = 0;
  let base: number | undefined;
  for (const i of order) {
    const cps = chars.slice(next, (next += reported[i]!.length));
    const isMark = shaped.advances[i] === 0 && (shaped.xOffsets[i] !== 0 || shaped.yOffsets[i] !== 0);
    if (isMark && base !== undefined) dealt[base]!.push(...cps);
    else dealt[i] = cps;
    if (!isMark) base = i;
  }
  // The glyphs of a right-to-left run are written in visual order, and extractors (poppler, pdf.js) read a glyph's
  // several characters as part of that visual sequence, reversing them with it: they are stored right to left too.
  return rtl ? dealt.map((cps) => (cps.length > 1 ? cps.reverse() : cps)) : dealt;
}

/** `text` cut after every space: the units the measurer shapes too (a word keeps its trailing space). */
function splitWords(text: string): string[] {
  return text.split(/(?<= )/);
}
