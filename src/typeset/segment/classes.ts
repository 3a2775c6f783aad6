/** Character classes the line-breaking rules need: Hangul, Han and kana, spaces, and the kinsoku punctuation sets. */

import { LETTER_NUMBER_OR_MARK } from '../../unicode/index.js';

// W3C clreq §3.1.7 / jlreq §3.1.10 (line-start prohibition): closing brackets, closing quotes, sentence and clause marks,
// the ellipsis, iteration marks and small kana never begin a line. ASCII closers are added for mixed text.
const CLOSING =
  '，。、；：？！）」』》〉】〕〗〙〛｝］｠〞”’・·…‥～゠々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ％‰℃' +
  ',.;:?!)]}›»';
// jlreq §3.1.10 (line-end prohibition): opening brackets and opening quotes never end a line.
const OPENING = '（「『《〈【〔〖〘〚｛［｟〝“‘([{‹«';

const closingSet = new Set([...CLOSING].map((c) => c.codePointAt(0)!));
const openingSet = new Set([...OPENING].map((c) => c.codePointAt(0)!));

/** A character that must not begin a line (closing punctuation and kin). */
export function isClosing(cp: number): boolean {
  return closingSet.has(cp);
}

/** A character that must not end a line (opening punctuation). */
export function isOpening(cp: number): boolean {
  return openingSet.has(cp);
}

/** The precomposed Hangul syllables (U+AC00–U+D7A3). */
export function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7a3;
}

/** An ASCII letter, either case. */
export function isAsciiLetter(cp: number): boolean {
  return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
}

/** Hangul syllables and jamo. */
export function isHangul(cp: number): boolean {
  return (
    isHangulSyllable(cp) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xd7b0 && cp <= 0xd7ff)
  );
}

/** The CJK Unified Ideographs block (U+4E00–U+9FFF): the commonest Han characters by far. */
export function isUnifiedIdeograph(cp: number): boolean {
  return cp >= 0x4e00 && cp <= 0x9fff;
}

/** Han ideographs (all planes the fonts might cover) and kana. */
export function isHanOrKana(cp: number): boolean {
  return (
    isUnifiedIdeograph(cp) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    cp === 0x3007
  );
}

/**
 * Characters set on the ideographic em grid: Han, kana and full-width CJK punctuation. Justification may widen the gap
 * next to them (clreq §3.8); Hangul is not among them, because Korean justifies at spaces like Latin text.
 */
export function isIdeographic(cp: number): boolean {
  return (
    isHanOrKana(cp) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x2026 ||
    cp === 0x2014
  );
}

/** Whitespace that separates words (a break there drops the space). */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000 || cp === 0x0a || cp === 0x0d;
}

/** Letters and digits of alphabetic scripts: a run of them is a word that never splits inside CJK text. */
export function isAlphanumeric(cp: number): boolean {
  // ASCII's are the digits and the Latin letters: answered without decoding the set (a Chinese letter meets no other).
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || isAsciiLetter(cp);
  if (isHangul(cp) || isIdeographic(cp)) return false;
  return LETTER_NUMBER_OR_MARK.has(cp);
}
