/** Break opportunities of a paragraph: UAX #14 from `linebreak`, narrowed by letter's rules for Korean and CJK. */

import LineBreaker from 'linebreak';
import { isJoiningDash, type Lang } from '../../model/index.js';
import {
  isAlphanumeric,
  isClosing,
  isHangul,
  isHanOrKana,
  isOpening,
  isSpace,
  isUnifiedIdeograph,
} from './classes.js';

/** A place where a new line may begin: `position` is the index of its first UTF-16 unit. */
export interface BreakOpportunity {
  readonly position: number;
  /** A hard line break (the text has a newline just before `position`). */
  readonly required: boolean;
}

/**
 * Where lines may begin in `text`, in order; the last entry is always the end of the text.
 * `langAt(i)` is the language of the character at UTF-16 index i (a span can differ from its paragraph), or the one
 * language of every character.
 */
export function breakOpportunities(
  text: string,
  langAt: Lang | ((index: number) => Lang),
): BreakOpportunity[] {
  const out: BreakOpportunity[] = [];
  // Only Korean text keeps Han and kana whole: the language is asked for only where it could be Korean.
  const koreanAt =
    typeof langAt === 'string'
      ? langAt === 'ko'
        ? () => true
        : undefined
      : (index: number) => langAt(index) === 'ko';
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position >= text.length) break;
    if (bk.required || allowsBreak(text, bk.position, koreanAt))
      out.push({ position: bk.position, required: bk.required });
  }
  out.push({ position: text.length, required: true });
  return out;
}

/**
 * Whether our rules keep a UAX #14 opportunity at `position` (between the character before it and the one at it);
 * `koreanAt` tells whether a character is Korean text (undefined: none is).
 */
function allowsBreak(
  text: string,
  position: number,
  koreanAt: ((index: number) => boolean) | undefined,
): boolean {
  const beforeIndex = indexBefore(text, position);
  const before = text.codePointAt(beforeIndex)!;
  const after = text.codePointAt(position)!;
  // Most opportunities of Chinese or Japanese text lie between two ideographs of the Unified block, which no rule
  // below but Korean's keeps together (none is a closing, opening or joining mark, a space, Hangul or a Latin letter).
  if (isUnifiedIdeograph(before) && isUnifiedIdeograph(after))
    return !(koreanAt?.(beforeIndex) && koreanAt(position));
  // clreq/jlreq kinsoku: a closing mark never starts a line, an opening mark never ends one.
  if (isClosing(after) || isOpening(before)) return false;
  // An en dash joining two words ("Thailand–Myanmar") holds them on one line (model/joins.ts).
  if (isJoiningDash(text, beforeIndex)) return false;
  if (isSpace(before)) return true;
  // SPEC §7, klreq: Hangul breaks only between words (CSS word-break: keep-all); in Korean text Hanja are word letters too.
  // A word longer than the line is the one exception, handled by the line breaker, not here.
  if (isHangul(before) || isHangul(after)) return false;
  if (koreanAt && (isHanOrKana(before) || isHanOrKana(after)) && koreanAt(beforeIndex) && koreanAt(position))
    return false;
  // Latin words and numbers inside CJK text are never split (UAX #14 already says so for AL/NU pairs; keep it explicit).
  if (isAlphanumeric(before) && isAlphanumeric(after)) return false;
  return true;
}

/** Chinese 的 and 之 and Japanese の: particles that end a phrase (「致教宗的」「公開書簡への」). */
const PHRASE_FINAL = new Set([0x7684, 0x4e4b, 0x306e]);

/**
 * Whether a line that begins at `position` leaves every word whole as far as the text shows: any break but one
 * between two ideographs or kana, which in Chinese and Japanese is as likely inside a word (「公开信」) as between
 * two, unless the first ends a phrase (「的」). Without a dictionary this is all the text tells; a title is balanced
 * over these breaks first (break/balance.ts).
 */
export function betweenPhrases(text: string, position: number): boolean {
  if (position <= 0 || position >= text.length) return true;
  const before = text.codePointAt(indexBefore(text, position))!;
  const after = text.codePointAt(position)!;
  return !(isHanOrKana(before) && isHanOrKana(after)) || PHRASE_FINAL.has(before);
}

/** Where the character that ends just before `position` begins (one UTF-16 unit back, two for a surrogate pair). */
function indexBefore(text: string, position: number): number {
  const unit = text.charCodeAt(position - 1);
  return position - (unit >= 0xdc00 && unit <= 0xdfff ? 2 : 1);
}
