/**
 * A justified line's chunks (justify.ts) joined into one glyph run per stretch of the line in one styled run: the
 * extra space of each gap goes into the advance of the glyph before it. The renderer writes a glyph whose advance
 * differs from its width with a TJ adjustment, so one text object draws what took one per chunk (a Korean letter:
 * ~700 items, each a marked-content sequence with its own text object), and every glyph stays where the chunk's
 * position and character spacing put it.
 */

import { concatGlyphs } from '../../fonts/index.js';
import type { GlyphRun } from '../types.js';

/** One chunk of a line as drawn: its glyphs, its left edge (points from the line's start) and its extra spacing. */
export interface PlacedChunk {
  readonly glyphs: GlyphRun;
  readonly x: number;
  /** Extra points after each of its glyphs but the last (what the next chunk's x says of the last). */
  readonly characterSpacing: number;
}

/**
 * The glyphs of `chunks` (consecutive, in one run set at `size` points) as one run starting at the first chunk's x:
 * each glyph advances by its own advance plus the chunk's spacing, and a chunk's last glyph by whatever reaches the
 * next chunk's x. The last chunk's last glyph keeps its own advance, so the run's width ends where its ink ends.
 */
export function spreadChunks(chunks: readonly PlacedChunk[], size: number): GlyphRun {
  const first = chunks[0]!;
  if (chunks.length === 1 && first.characterSpacing === 0) return first.glyphs;
  // Points to thousandths of an em, the unit of a run's lengths.
  const perPoint = 1000 / size;
  const advances: number[] = [];
  chunks.forEach((chunk, c) => {
    const own = chunk.glyphs.advances;
    const spacing = chunk.characterSpacing * perPoint;
    let width = 0;
    for (let g = 0; g + 1 < own.length; g++) {
      advances.push(own[g]! + spacing);
      width += own[g]! + spacing;
    }
    const last = own[own.length - 1]!;
    const next = chunks[c + 1];
    const gap = next ? (next.x - chunk.x) * perPoint - width - last : 0;
    // No gap but rounding noise keeps the glyph's own advance exactly: a compressed mark's advance names its PDF code
    // (glyph-keys.ts narrowKey), and 500.0000000001 would be a second code for the same mark.
    advances.push(Math.abs(gap) < 1e-6 ? last : last + gap);
  });
  return { lang: first.glyphs.lang, ...concatGlyphs(chunks.map((chunk) => chunk.glyphs)), advances };
}
