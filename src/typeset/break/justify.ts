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

type Gap = 'none' | 'space' | 'inter';

interface Char {
  readonly run: StyledRun;
  readonly ch: string;
  /** Paragraph index. */
  readonly at: number;
  /** The gap after this character: a space widens as a space, two CJK neighbours as an inter-character gap. */
  gap: Gap;
}

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
  const chars = classify(pieces, lang, squeezed);
  const spans = cut(chars);
  const widths = spans.map((s) => measure(s.run, s.text, s.from));
  const slack = available - widths.reduce((a, b) => a + b, 0);
  if (slack <= 0) return undefined;

  const count = (kind: Gap): number => chars.reduce((n, c) => n + (c.gap === kind ? 1 : 0), 0);
  const em = first.run.size;
  const extra = gapExtras(lang, slack, count('space'), count('inter'), em);
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
  lang: string,
  slack: number,
  spaces: number,
  inters: number,
  em: number,
): Record<Gap, number> | undefined {
  if (/^ko\b/.test(lang)) {
    const perSpace = spaces > 0 ? Math.min(slack / spaces, JUSTIFY_LIMITS.koreanSpace * em) : 0;
    const rest = slack - perSpace * spaces;
    if (rest <= 1e-9) return { none: 0, space: perSpace, inter: 0 };
    if (inters === 0) return undefined;
    const perSyllable = rest / inters;
    return perSyllable <= JUSTIFY_LIMITS.koreanSyllable * em
      ? { none: 0, space: perSpace, inter: perSyllable }
      : undefined;
  }
  if (isChineseOrJapanese(lang)) {
    const gaps = spaces + inters;
    if (gaps === 0 || slack / gaps > JUSTIFY_LIMITS.cjkGap * em) return undefined;
    return { none: 0, space: slack / gaps, inter: slack / gaps };
  }
  return spaces > 0 ? { none: 0, space: slack / spaces, inter: 0 } : undefined;
}

/** Each character of the line with the kind of gap that follows it. */
function classify(pieces: readonly LinePiece[], lang: string, squeezed: ReadonlyMap<number, number>): Char[] {
  const korean = /^ko\b/.test(lang);
  const cjk = korean || isChineseOrJapanese(lang);
  const chars: Char[] = [];
  for (const piece of pieces) {
    let at = piece.from;
    for (const ch of piece.text) {
      chars.push({ run: piece.run, ch, at, gap: 'none' });
      at += ch.length;
    }
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    if (squeezed.has(chars[i]!.at)) continue; // a compressed pair stays tight
    const a = chars[i]!.ch.codePointAt(0)!;
    const b = chars[i + 1]!.ch.codePointAt(0)!;
    if (isSpace(b)) continue; // a run of spaces widens once, at its last space
    if (isSpace(a)) chars[i]!.gap = 'space';
    else if (korean) chars[i]!.gap = koreanLetter(a) && koreanLetter(b) ? 'inter' : 'none';
    else if (cjk) chars[i]!.gap = isIdeographic(a) || isIdeographic(b) ? 'inter' : 'none';
  }
  return chars;
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
function cut(chars: readonly Char[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const close = (to: number): void => {
    const slice = chars.slice(from, to + 1);
    const inner = slice.length > 1 ? slice[0]!.gap : 'none';
    spans.push({
      run: chars[from]!.run,
      text: slice.map((c) => c.ch).join(''),
      from: chars[from]!.at,
      length: slice.length,
      inner,
      last: chars[to]!.gap,
    });
    from = to + 1;
  };
  for (let i = 0; i < chars.length; i++) {
    const next = chars[i + 1];
    if (!next || next.run !== chars[i]!.run) close(i);
    else if (i > from && chars[i]!.gap !== chars[from]!.gap) close(i);
    else if (
      i + 2 === chars.length &&
      chars[from]!.gap !== 'none' &&
      chars.slice(from, i + 1).some((c) => !isSpace(c.ch.codePointAt(0)!))
    )
      close(i);
  }
  return spans;
}
