/**
 * What one glyph run adds to the faces a PDF plans, worked out once per run for the whole batch: typeset's paragraph
 * memo hands the letters of a batch the same (immutable) glyph runs for every paragraph they share, and planning a
 * face glyph by glyph for each letter again was most of what planning cost (a CJK letter draws thousands of glyphs).
 */

import type { ShapedGlyphs } from '../../fonts/index.js';
import { narrowKey } from './glyph-keys.js';

/** A run's glyphs as planning needs them: each (glyph, text) once, in the order first drawn, and its narrow glyphs. */
export interface RunDigest {
  /** Glyph id of each entry: a glyph appears once per distinct text it stands for in the run. */
  readonly gids: readonly number[];
  /** The entry's width: the glyph's own advance where it is first drawn in the run. */
  readonly widths: readonly number[];
  /** The code points the entry's glyph stands for there. */
  readonly texts: readonly (readonly number[])[];
  /** Those code points joined by commas: equal keys, equal texts (one string comparison instead of a loop). */
  readonly keys: readonly string[];
  /** Glyphs drawn narrower than themselves, each `narrowKey` once: the glyph and the advance it is drawn with. */
  readonly narrow: readonly { readonly key: string; readonly gid: number; readonly width: number }[];
}

/**
 * Keyed by the run object: a run is immutable (every array readonly), so the object stands for its content. A run not
 * shared by another letter costs one pass more than planning it directly, and is dropped with the run.
 */
const digests = new WeakMap<ShapedGlyphs, RunDigest>();

/** The run's digest, made on first use. */
export function runDigest(run: ShapedGlyphs): RunDigest {
  let digest = digests.get(run);
  if (!digest) digests.set(run, (digest = digestOf(run)));
  return digest;
}

function digestOf(run: ShapedGlyphs): RunDigest {
  const gids: number[] = [];
  const widths: number[] = [];
  const texts: (readonly number[])[] = [];
  const keys: string[] = [];
  const narrow: { key: string; gid: number; width: number }[] = [];
  // Per glyph: the texts already entered (a glyph nearly always stands for one text, so a short list).
  const entered = new Map<number, (readonly number[])[]>();
  const narrowSeen = new Set<string>();
  for (let i = 0; i < run.glyphs.length; i++) {
    const gid = run.glyphs[i]!;
    const text = run.codePoints[i]!;
    const known = entered.get(gid);
    if (!known || !known.some((t) => equal(t, text))) {
      if (known) known.push(text);
      else entered.set(gid, [text]);
      gids.push(gid);
      widths.push(run.widths[i]!);
      texts.push(text);
      keys.push(text.join(','));
    }
    const key = narrowKey(gid, run.widths[i]!, run.advances[i]!);
    if (key !== undefined && !narrowSeen.has(key)) {
      narrowSeen.add(key);
      narrow.push({ key, gid, width: run.advances[i]! });
    }
  }
  return { gids, widths, texts, keys, narrow };
}

function equal(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
