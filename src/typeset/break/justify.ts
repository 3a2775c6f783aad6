/**
 * Justification of one line: where its slack goes and how far a gap may stretch.
 *
 * - Chinese and Japanese (clreq §3.8, jlreq §3.8): every gap next to a Han character, kana or full-width punctuation,
 *   and every space, widens by the same amount; a gap between two Latin letters or digits never does, so a Latin word
 *   or a number inside Chinese text stays whole.
 * - Korean (klreq; Hangul word processors' 양쪽 정렬): the spaces between words widen first, up to a limit; only what
 *   they cannot take goes between Hangul syllables (and Han, CJK punctuation), never inside a Latin word.
 * - Other languages: spaces only.
 * A line whose slack would stretch a gap past its limit is set ragged (start-aligned) rather than torn apart.
 * A compressed punctuation pair (compress.ts) stays tight: the gap inside it never widens.
 */

import { isChineseOrJapanese } from '../../model/index.js';
import type { StyledRun } from '../runs.js';
import { trimEnd } from './lines.js';
import { isHangul, isIdeographic, isSpace } from '../segment/classes.js';

/**
 * How far one gap may widen, in em of the line's text size. Chinese: past ~0.3 em the text reads as letter-spaced
 * rather than set solid (the example letter needs at most 0.18 em at 260 pt and 0.09 em on A4). Korean: a word space
 * grows to at most about a syllable's width (0.25 em + 0.75 em), and syllables take at most 0.15 em, only once the
 * spaces are full (a line of two or three long words).
 */
export const JUSTIFY_LIMITS = {
  /** Chinese/Japanese: the extra space in any gap (between ideographs, or at a space). */
  cjkGap: 0.3,
  /** Korean: the extra space at a space between words, before syllables are spaced. */
  koreanSpace: 0.75,
  /** Korean: the extra space between two syllables, once the spaces are at their limit. */
  koreanSyllable: 0.15,
} as const;

/** The text of one run on a line, and the paragraph index its first character has. */
export interface LinePiece {
  readonly run: StyledRun;
  readonly text: string;
  readonly from: number;
}

/** Width in points of `text` set in `run`, starting at paragraph index `from` (compressed marks counted so). */
export type MeasureText = (run: StyledRun, text: string, from: number) => number;

/**
 * A stretch of a line with the same extra space after each of its characters but the last. place-line.ts joins the
 * chunks of one run into one item (spread.ts), their spacing moved into the glyphs' advances.
 */
export interface Chunk {
  readonly run: StyledRun;
  readonly text: string;
  /** Paragraph index of its first character. */
  readonly from: number;
  /** Left edge, points from the line's start. */
  readonly x: number;
  /** Extra space after every character of the chunk (the last one's is beyond what follows, so invisible). */
  readonly characterSpacing: number;
}

/** The gap after a character: none, a space that widens as a space, or two CJK neighbours' inter-character gap. */
const NONE = 0;
const SPACE = 1;
const INTER = 2;
type Gap = typeof NONE | typeof SPACE | typeof INTER;

/** The extra width of each kind of gap, indexed by `Gap`. */
type GapExtras = readonly [none: number, space: number, inter: number];

/**
 * Lay a line out to fill `available` points exactly: the chunks to draw with their positions and spacing, or
 * undefined when nothing may stretch or the stretch would pass the language's limit (the line is then set ragged).
 */
export function justifyLine(
  pieces: readonly LinePiece[],
  available: number,
  measure: MeasureText,
  squeezed: ReadonlyMap<number, number>,
): Chunk[] | undefined {
  const first = pieces[0];
  if (!first) return undefined;
  const lang = first.run.lang;
  const korean = /^ko\b/.test(lang);
  const chineseOrJapanese = !korean && isChineseOrJapanese(lang);
  const line = classify(pieces, korean, korean || chineseOrJapanese, squeezed);
  const spans = cut(pieces, line);
  const widths = spans.map((s) => measure(s.run, s.text, s.from));
  let total = 0;
  for (let i = 0; i < widths.length; i++) total += widths[i]!;
  const slack = available - total;
  if (slack <= 0) return undefined;

  const em = first.run.size;
  const extra = gapExtras(korean, chineseOrJapanese, slack, line.spaces, line.inters, em);
  if (!extra) return undefined;

  const chunks: Chunk[] = [];
  let x = 0;
  spans.forEach((span, i) => {
    // A lone space carries its own widening as character spacing: the gap after it is where the next chunk starts.
    const spacing =
      span.length === 1 && isSpace(span.text.codePointAt(0)!) ? extra[span.last] : extra[span.inner];
    chunks.push({
      run: span.run,
      text: span.text,
      from: span.from,
      x,
      characterSpacing: spacing,
    });
    x += widths[i]! + spacing * (span.length - 1) + extra[span.last];
  });
  return chunks;
}

/** The extra width of each kind of gap, or undefined when the line cannot be justified within the limits. */
function gapExtras(
  korean: boolean,
  chineseOrJapanese: boolean,
  slack: number,
  spaces: number,
  inters: number,
  em: number,
): GapExtras | undefined {
  if (korean) {
    const perSpace = spaces > 0 ? Math.min(slack / spaces, JUSTIFY_LIMITS.koreanSpace * em) : 0;
    const rest = slack - perSpace * spaces;
    if (rest <= 1e-9) return [0, perSpace, 0];
    if (inters === 0) return undefined;
    const perSyllable = rest / inters;
    return perSyllable <= JUSTIFY_LIMITS.koreanSyllable * em ? [0, perSpace, perSyllable] : undefined;
  }
  if (chineseOrJapanese) {
    const gaps = spaces + inters;
    if (gaps === 0 || slack / gaps > JUSTIFY_LIMITS.cjkGap * em) return undefined;
    return [0, slack / gaps, slack / gaps];
  }
  return spaces > 0 ? [0, slack / spaces, 0] : undefined;
}

/** The gap after each code point of a line (by its index in the line), and how many gaps of each widening kind. */
interface LineGaps {
  readonly gap: Uint8Array;
  /** The line's code points. */
  readonly count: number;
  readonly spaces: number;
  readonly inters: number;
}

/** The kind of gap after each character of the line, in one pass (no object, no array push per character). */
function classify(
  pieces: readonly LinePiece[],
  korean: boolean,
  cjk: boolean,
  squeezed: ReadonlyMap<number, number>,
): LineGaps {
  let length = 0;
  for (let p = 0; p < pieces.length; p++) length += pieces[p]!.text.length;
  const gap = new Uint8Array(length);
  let spaces = 0;
  let inters = 0;
  let count = 0;
  // The character before the one at hand, and whether it opens a compressed pair (which stays tight).
  let a = 0;
  let tight = false;
  for (let p = 0; p < pieces.length; p++) {
    const { text, from } = pieces[p]!;
    for (let at = 0; at < text.length; count++) {
      const b = text.codePointAt(at)!;
      // A run of spaces widens once, at its last space.
      if (count > 0 && !tight && !isSpace(b)) {
        let kind: Gap = NONE;
        if (isSpace(a)) kind = SPACE;
        else if (korean) kind = koreanLetter(a) && koreanLetter(b) ? INTER : NONE;
        else if (cjk) kind = isIdeographic(a) || isIdeographic(b) ? INTER : NONE;
        gap[count - 1] = kind;
        if (kind === SPACE) spaces++;
        else if (kind === INTER) inters++;
      }
      a = b;
      tight = squeezed.size > 0 && squeezed.has(from + at);
      at += b > 0xffff ? 2 : 1;
    }
  }
  return { gap, count, spaces, inters };
}

function koreanLetter(cp: number): boolean {
  return isHangul(cp) || isIdeographic(cp);
}

interface Span {
  readonly run: StyledRun;
  readonly text: string;
  readonly from: number;
  readonly length: number;
  /** The gap between the span's own characters (all alike). */
  readonly inner: Gap;
  /** The gap after its last character. */
  readonly last: Gap;
}

/**
 * Cut the line into spans of one run and one kind of gap inside each. The line's last character stands alone when it
 * would otherwise carry character spacing past the line's end.
 */
function cut(pieces: readonly LinePiece[], { gap, count }: LineGaps): Span[] {
  const spans: Span[] = [];
  // `i` counts the line's code points; a span runs from the line's `from` (its piece's `fromAt`) to `i`.
  let i = 0;
  let from = 0;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    const { text } = piece;
    let fromAt = 0;
    for (let at = 0; at < text.length; i++) {
      const next = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
      if (
        next >= text.length ||
        (i > from && gap[i] !== gap[from]) ||
        (i + 2 === count && gap[from] !== NONE && trimEnd(text, fromAt, next) !== fromAt)
      ) {
        spans.push({
          run: piece.run,
          text: text.slice(fromAt, next),
          from: piece.from + fromAt,
          length: i - from + 1,
          inner: i > from ? (gap[from] as Gap) : NONE,
          last: gap[i] as Gap,
        });
        from = i + 1;
        fromAt = next;
      }
      at = next;
    }
  }
  return spans;
}
