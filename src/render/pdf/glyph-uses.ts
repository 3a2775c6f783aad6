/**
 * What a document draws in each face, from its glyph runs: each glyph's width and first text, its other texts, its
 * narrow advances, and the glyph ids in id order (the subset's glyphs, and the outlines to read ahead for them).
 */

import type { FontRef } from '../../typeset/index.js';
import { ByFace } from './by-face.js';
import type { FaceRun } from './faces.js';
import { textKey } from './glyph-keys.js';
import { runDigest, sameText } from './run-digest.js';

/** What a document draws in one face. */
export interface FaceUse {
  readonly ref: FontRef;
  /** Each glyph's width where first drawn. */
  readonly widths: Map<number, number>;
  /** Each glyph's first text: what copying it gives (a space glyph may stand for a wider space too). */
  readonly codePoints: Map<number, readonly number[]>;
  readonly narrow: Map<string, { gid: number; width: number }>;
  readonly others: Map<string, { gid: number; codePoints: readonly number[] }>;
  /** The glyph ids drawn, and glyph 0, in id order: a subset then depends on the set of glyphs alone. */
  readonly glyphs: readonly number[];
}

/** The faces `runs` draw in, in first-use order (F1, F2, … on the pages). */
export function faceUses(runs: Iterable<FaceRun>): FaceUse[] {
  const byFace = new ByFace<Drawn>();
  for (const { font: ref, glyphs: run } of runs) addRun(byFace.get(ref) ?? byFace.add(ref, newUse(ref)), run);
  // ByFace keeps the faces in the order they were added.
  return [...byFace.values()].map((use) => ({ ...use, glyphs: glyphsInIdOrder(use.widths) }));
}

/** A face's use while the runs are added. */
type Drawn = Omit<FaceUse, 'glyphs'>;

function newUse(ref: FontRef): Drawn {
  return { ref, widths: new Map(), codePoints: new Map(), narrow: new Map(), others: new Map() };
}

/** Add a run's glyphs to what the document draws in its face: each (glyph, text) of the run once (run-digest.ts). */
function addRun(use: Drawn, run: FaceRun['glyphs']): void {
  const { gids, widths, texts, narrow } = runDigest(run);
  for (let i = 0; i < gids.length; i++) {
    const gid = gids[i]!;
    const text = texts[i]!;
    const first = use.codePoints.get(gid);
    if (first === undefined) {
      use.codePoints.set(gid, text);
      use.widths.set(gid, widths[i]!);
    } else if (!sameText(first, text) && !isSpace(text)) {
      use.others.set(textKey(gid, text), { gid, codePoints: text });
    }
  }
  for (const n of narrow) use.narrow.set(n.key, { gid: n.gid, width: n.width });
}

/** Glyph 0, then the others in id order. (A typed array sorts numbers natively, without a comparator call each.) */
function glyphsInIdOrder(widths: ReadonlyMap<number, number>): number[] {
  const glyphs = [0];
  for (const gid of Uint32Array.from(widths.keys()).sort()) if (gid !== 0) glyphs.push(gid);
  return glyphs;
}

/** A space, a no-break or an ideographic space: copying it gives a space, whatever the glyph first stood for. */
function isSpace(codePoints: readonly number[]): boolean {
  return (
    codePoints.length === 1 && (codePoints[0] === 0x20 || codePoints[0] === 0xa0 || codePoints[0] === 0x3000)
  );
}
