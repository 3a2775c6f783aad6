/** The glyphs of one directional piece of a line, in the order they are drawn (left to right on the page). */

import { shape, type FontBook, type Shaped } from '../../fonts/index.js';
import type { Lang } from '../../model/index.js';
import type { FontRef, GlyphRun } from '../types.js';
import { mirrored } from './levels.js';

/**
 * Shape `text` (logical order) in one direction. fontkit returns a right-to-left run's glyphs in visual order, so the
 * words of a right-to-left piece (each shaped with its trailing space, as the measurer does) are concatenated last
 * word first. Brackets of a right-to-left piece are mirrored before shaping (fontkit does not apply Bidi_Mirrored);
 * each glyph keeps the logical characters it stands for (`textOfGlyphs`), which is what copying the text gives.
 */
export function directedGlyphRun(fonts: FontBook, ref: FontRef, text: string, lang: Lang, rtl: boolean): GlyphRun {
  const font = fonts.open(ref.face, ref.variant);
  const direction = rtl ? 'rtl' : 'ltr';
  const words = splitWords(text).map((word) => {
    const shaped = shape(font, rtl ? [...word].map(mirrored).join('') : word, direction);
    return { ...shaped, codePoints: textOfGlyphs(word, shaped.codePoints, rtl) };
  });
  if (rtl) words.reverse();
  const concat = <K extends keyof Shaped>(key: K) => words.flatMap((w) => w[key] as never);
  return {
    lang,
    glyphs: concat('glyphs'),
    advances: concat('advances'),
    widths: concat('widths'),
    xOffsets: concat('xOffsets'),
    yOffsets: concat('yOffsets'),
    codePoints: concat('codePoints'),
  };
}

/**
 * What each glyph of a shaped word stands for, from the word itself. fontkit keeps one glyph object per glyph id with
 * the code points it was first made for, so a glyph Arabic faces share (the dotless base of ت, ي and ن) reports the
 * letter it first drew. Its count is right (a ligature stands for two, a decomposed mark for none): the word's code
 * points are dealt out in logical order by those counts. Mirrored brackets get back their logical character too.
 * Where the counts do not add up to the word, fontkit's own code points stand.
 */
function textOfGlyphs(word: string, reported: readonly (readonly number[])[], rtl: boolean): (readonly number[])[] {
  const chars = [...word].map((ch) => ch.codePointAt(0)!);
  const logical = rtl ? [...reported].reverse() : reported;
  const total = logical.reduce((n, cps) => n + cps.length, 0);
  if (total !== chars.length) return [...reported];
  let next = 0;
  const dealt = logical.map((cps) => chars.slice(next, (next += cps.length)));
  return rtl ? dealt.reverse() : dealt;
}

/** `text` cut after every space: the units the measurer shapes too (a word keeps its trailing space). */
function splitWords(text: string): string[] {
  return text.split(/(?<= )/);
}
