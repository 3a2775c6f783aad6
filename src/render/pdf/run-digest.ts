/**
 * What one glyph run adds to the faces a PDF plans, and its TJ segments when it is plain, worked out once per run for
 * the whole batch in one pass: typeset's paragraph memo hands the letters of a batch the same (immutable) glyph runs
 * for every paragraph they share, and planning a face glyph by glyph for each letter again was most of what planning
 * cost (a CJK letter draws thousands of glyphs). Only the codes of the glyphs differ from letter to letter (each
 * letter's subset numbers its own glyph set).
 */

import type { ShapedGlyphs } from '../../fonts/index.js';
import { narrowKey } from './glyph-keys.js';
import { num } from './numbers.js';

/** A run's glyphs as planning and drawing need them. */
export interface RunDigest {
  /** Glyph id of each entry: a glyph appears once per distinct text it stands for in the run, in the order first drawn. */
  readonly gids: readonly number[];
  /** The entry's width: the glyph's own advance where it is first drawn in the run. */
  readonly widths: readonly number[];
  /** The code points the entry's glyph stands for there. */
  readonly texts: readonly (readonly number[])[];
  /** Glyphs drawn narrower than themselves, each `narrowKey` once: the glyph and the advance it is drawn with. */
  readonly narrow: readonly { readonly key: string; readonly gid: number; readonly width: number }[];
  /** The run as TJ segments when it is plain, else null (then text.ts writes it glyph by glyph). */
  readonly plain: PlainSegments | null;
}

/**
 * A plain run (no glyph moved off its place, none drawn narrower than itself) as TJ segments: glyphs `ends[s-1]` up to
 * `ends[s]`, then the adjustment `adjustments[s]` (the glyph's own width minus its advance, or 0 after the last).
 */
export interface PlainSegments {
  readonly ends: readonly number[];
  readonly adjustments: readonly string[];
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
  const { glyphs, codePoints, widths: ownWidths, advances, xOffsets, yOffsets } = run;
  const gids: number[] = [];
  const widths: number[] = [];
  const texts: (readonly number[])[] = [];
  const narrow: { key: string; gid: number; width: number }[] = [];
  const ends: number[] = [];
  const adjustments: string[] = [];
  let plain = true;
  // Per glyph: its first text, and the texts it stands for after that, if any (a glyph nearly always has one).
  const firstTexts = new Map<number, readonly number[]>();
  let laterTexts: Map<number, (readonly number[])[]> | undefined;
  let narrowSeen: Set<string> | undefined;
  const count = glyphs.length;
  for (let i = 0; i < count; i++) {
    const gid = glyphs[i]!;
    const text = codePoints[i]!;
    const width = ownWidths[i]!;
    const advance = advances[i]!;
    const first = firstTexts.get(gid);
    let fresh: boolean;
    if (first === undefined) {
      firstTexts.set(gid, text);
      fresh = true;
    } else fresh = !sameText(first, text) && enterLater((laterTexts ??= new Map()), gid, text);
    if (fresh) {
      gids.push(gid);
      widths.push(width);
      texts.push(text);
    }
    const key = narrowKey(gid, width, advance);
    if (key !== undefined) {
      plain = false;
      narrowSeen ??= new Set();
      if (!narrowSeen.has(key)) {
        narrowSeen.add(key);
        narrow.push({ key, gid, width: advance });
      }
    } else if (plain) {
      if (xOffsets[i] || yOffsets[i]) plain = false;
      else if (advance !== width) {
        ends.push(i + 1);
        adjustments.push(String(num(-(advance - width))));
      }
    }
  }
  if (plain && ends[ends.length - 1] !== count) {
    ends.push(count);
    adjustments.push('0');
  }
  return { gids, widths, texts, narrow, plain: plain ? { ends, adjustments } : null };
}

/** Records `text` as one the glyph stands for after its first; false when it was recorded already. */
function enterLater(
  later: Map<number, (readonly number[])[]>,
  gid: number,
  text: readonly number[],
): boolean {
  const known = later.get(gid);
  if (!known) {
    later.set(gid, [text]);
    return true;
  }
  if (known.some((t) => sameText(t, text))) return false;
  known.push(text);
  return true;
}

/** Whether two glyphs' texts are the same code points. */
export function sameText(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
