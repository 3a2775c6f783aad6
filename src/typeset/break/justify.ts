/** Justification opportunities of a line: spaces everywhere, and every gap next to an ideograph in Chinese/Japanese text. */

import type { StyledRun } from '../runs.js';
import { isIdeographic, isSpace } from '../segment/classes.js';

/** A stretch of a line drawn as one text call: a word with its trailing space, or ideographs spaced evenly. */
export interface Chunk {
  readonly run: StyledRun;
  readonly text: string;
  /** Natural width in points. */
  readonly width: number;
  /** Ideographs widen every gap, through character spacing on the whole chunk. */
  readonly ideographic: boolean;
  /** Characters (code points) in the chunk. */
  readonly length: number;
  /** How many justification gaps follow characters of this chunk (the line's last character has none). */
  readonly gaps: number;
}

/**
 * Cut a line's pieces into chunks and count the gaps justification may widen. clreq §3.8 widens the space between
 * ideographs; Korean, like Latin text, widens only its spaces, so a Hanja word in Korean text stays tight.
 */
export function justifiedChunks(
  pieces: readonly { readonly run: StyledRun; readonly text: string }[],
  measure: (run: StyledRun, text: string) => number,
): Chunk[] {
  const chars: { run: StyledRun; ch: string; ideographic: boolean; space: boolean }[] = [];
  for (const piece of pieces) {
    const cjk = /^(zh|ja)\b/.test(piece.run.lang);
    for (const ch of piece.text) {
      const cp = ch.codePointAt(0)!;
      chars.push({ run: piece.run, ch, ideographic: cjk && isIdeographic(cp), space: isSpace(cp) });
    }
  }

  const chunks: Chunk[] = [];
  let from = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const ends =
      !next ||
      next.run !== c.run ||
      next.ideographic !== c.ideographic ||
      (c.space && !next.space);
    if (!ends) continue;
    const slice = chars.slice(from, i + 1);
    const text = slice.map((s) => s.ch).join('');
    let gaps: number;
    if (c.ideographic) gaps = next ? slice.length : slice.length - 1;
    else gaps = next && ((c.space && !next.space) || next.ideographic) && !next.space ? 1 : 0;
    chunks.push({ run: c.run, text, width: measure(c.run, text), ideographic: c.ideographic, length: slice.length, gaps });
    from = i + 1;
  }
  return chunks;
}
