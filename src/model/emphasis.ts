/**
 * Emphasis in CJK text. Hangul and Han have no italics (the CJK faces have none, and a synthesised oblique is not CJK
 * typography), so `*emphasis*` drawn from a CJK face is marked as CJK typography marks it: a dot by each character,
 * under it in Chinese (着重号, GB/T 15834-2011 §4.16: under the characters in horizontal text) and over it in Korean
 * (드러냄표, 한글 맞춤법 부록 문장 부호: over the characters in horizontal text) and Japanese (傍点). Both renderers
 * ask this one rule where the dots go: DOCX as w:em, the PDF as dots the typesetter places.
 */

import type { Lang } from './index.js';

export type EmphasisDots = 'over' | 'under';

/** Where emphasis dots go for text in a face whose language is `lang`. */
export function emphasisDotsFor(lang: Lang | undefined): EmphasisDots {
  return lang !== undefined && /^zh\b/i.test(lang) ? 'under' : 'over';
}
