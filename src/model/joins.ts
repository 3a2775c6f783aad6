/**
 * Dashes that join words. An en dash between two words or numbers ("Thailand–Myanmar", "2023–2024") makes one
 * compound: a line must not end after it ("Thailand– / Myanmar" in a subject line). UAX #14 allows a break after any
 * en dash (class BA); both renderers take this one rule instead: the PDF's line breaker drops those opportunities,
 * the DOCX puts a WORD JOINER (U+2060, UAX #14 class WJ) after the dash, which LibreOffice's breaker (ICU) honours.
 * A dash with spaces around it ("10 – 12") still breaks at the spaces.
 */

import { LETTER_OR_NUMBER } from '../unicode/index.js';

/** Whether the character at `index` of `text` is an en dash joining the word before it to the word after it. */
export function isJoiningDash(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== 0x2013) return false;
  if (index === 0 || index + 1 >= text.length) return false;
  const before = text.codePointAt(index - (isLowSurrogate(text.charCodeAt(index - 1)) ? 2 : 1))!;
  return LETTER_OR_NUMBER.has(before) && LETTER_OR_NUMBER.has(text.codePointAt(index + 1)!);
}

/** The text with a WORD JOINER after every joining en dash (for formats whose own breaker must be told). */
export function withDashJoiners(text: string): string {
  if (!text.includes('\u2013')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += isJoiningDash(text, i) ? '\u2013\u2060' : text[i];
  return out;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
