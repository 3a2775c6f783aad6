/**
 * The Unicode sets letter tests characters against (general categories and scripts), as range tables generated from
 * Node's own regular expressions (scripts/unicode-sets.mjs) instead of property escapes compiled at every start.
 */

import { CodePointSet } from './code-point-set.js';
import * as sets from './sets.js';

export { CodePointSet };

/** \p{L} or \p{N}. */
export const LETTER_OR_NUMBER = new CodePointSet(sets.LETTER_OR_NUMBER);
/** \p{L}, \p{N} or \p{M}. */
export const LETTER_NUMBER_OR_MARK = new CodePointSet(sets.LETTER_NUMBER_OR_MARK);
/** \p{P} or \p{S}. */
export const PUNCTUATION_OR_SYMBOL = new CodePointSet(sets.PUNCTUATION_OR_SYMBOL);
/** \p{P}, \p{S} or \s. */
export const PUNCTUATION_SYMBOL_OR_SPACE = new CodePointSet(sets.PUNCTUATION_SYMBOL_OR_SPACE);
/** \p{M}. */
export const MARK = new CodePointSet(sets.MARK);
/**
 * Whether `cp` is a combining mark (\p{M}). None comes before U+0300 (Combining Diacritical Marks), so most text is
 * answered without the set.
 */
export const isCombiningMark = (cp: number): boolean => cp >= 0x300 && MARK.has(cp);
/** A script of its own: not Common, Inherited or Unknown. */
export const SCRIPTED = new CodePointSet(sets.SCRIPTED);
export const LATIN = new CodePointSet(sets.LATIN);
export const GREEK = new CodePointSet(sets.GREEK);
export const CYRILLIC = new CodePointSet(sets.CYRILLIC);
export const HAN = new CodePointSet(sets.HAN);
export const HANGUL = new CodePointSet(sets.HANGUL);
export const HIRAGANA = new CodePointSet(sets.HIRAGANA);
export const KATAKANA = new CodePointSet(sets.KATAKANA);
/** Hiragana or Katakana. */
export const KANA = new CodePointSet(sets.KANA);
export const HAN_OR_HANGUL = new CodePointSet(sets.HAN_OR_HANGUL);
/** The scripts fontkit lays out right to left when no direction is given (its Script.direction). */
export const RIGHT_TO_LEFT_SCRIPT = new CodePointSet(sets.RIGHT_TO_LEFT_SCRIPT);
/** Arabic, Syriac, N'Ko and Mongolian: scripts whose letters join, which a word processor must shape. */
export const JOINING_SCRIPT = new CodePointSet(sets.JOINING_SCRIPT);
/** Characters no lookup of a face's default features is expected to touch (scripts/unicode-sets.mjs says which). */
export const PLAIN = new CodePointSet(sets.PLAIN);
