/**
 * The font files and streams a PDF face embeds, made once per batch where letters share them: the TrueType subset of a
 * glyph set (encoded now, deflated in libuv's thread pool while the pages are drawn) and the deflated ToUnicode CMap.
 */

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { createSubset, postscriptName } from '../../fonts/index.js';

/** A face's subset font file, deflated (zlib's default level, as deflateSync), and its tag. */
export interface Subset {
  readonly deflated: Promise<Uint8Array>;
  readonly tag: string;
}

/** Subsets already made in this process, by face and glyph set: the letters of a batch share most of theirs. */
const subsets = new WeakMap<Font, Map<string, Subset>>();
const MAX_SUBSETS = 64;
const deflateAsync = promisify(deflate);
/** Output chunk of the pool's deflate: one hand-back to the main thread per subset (zlib's default, 16 KB, takes ~4). */
const ASYNC_CHUNK = 256 * 1024;

/**
 * The subset of these glyphs, encoded now and deflated in libuv's thread pool: the main thread draws the pages
 * meanwhile (a CJK subset of a few hundred glyphs is ~45 KB to deflate, most of the cost of embedding a face).
 */
export function subsetFile(font: Font, file: Uint8Array, glyphs: readonly number[]): Subset {
  let known = subsets.get(font);
  if (!known) subsets.set(font, (known = new Map()));
  const key = glyphs.join(',');
  let subset = known.get(key);
  if (!subset) {
    const fontSubset = createSubset(font, file);
    for (const gid of glyphs) fontSubset.includeGlyph(gid);
    // The subset tag (ISO 32000-1 §9.6.4) names this glyph set: six capitals from its digest.
    const digest = createHash('sha256')
      .update(`${postscriptName(font, file)}:${key}`)
      .digest();
    const tag = String.fromCharCode(...[...digest.subarray(0, 6)].map((b) => 65 + (b % 26)));
    const deflated = deflateAsync(fontSubset.encode(), { chunkSize: ASYNC_CHUNK });
    // A letter that fails before embedding never awaits its subset: that must not be an unhandled rejection.
    deflated.catch(() => undefined);
    subset = { deflated, tag };
    if (known.size >= MAX_SUBSETS) known.clear();
    known.set(key, subset);
  }
  return subset;
}

/** Streams that repeat from letter to letter (ToUnicode CMaps), deflated once. */
const deflatedStreams = new Map<string, Uint8Array>();

export function deflated(text: string): Uint8Array {
  let bytes = deflatedStreams.get(text);
  if (!bytes) {
    if (deflatedStreams.size >= MAX_SUBSETS * 4) deflatedStreams.clear();
    deflatedStreams.set(text, (bytes = deflateSync(Buffer.from(text, 'latin1'))));
  }
  return bytes;
}

/**
 * Each text's CMap entry, keyed by its code point array: the glyph runs a batch's letters share hold the same arrays
 * (readonly), so each letter's CMap looks its entries up instead of writing them again.
 */
const cmapEntries = new WeakMap<readonly number[], string>();

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** `<…>`: the UTF-16 code units of a glyph's text in hex. */
function cmapEntry(cps: readonly number[]): string {
  let entry = cmapEntries.get(cps);
  if (entry === undefined) {
    const units: string[] = [];
    for (const cp of cps) {
      if (cp > 0xffff) {
        const v = cp - 0x10000;
        units.push(hex(0xd800 | ((v >>> 10) & 0x3ff)), hex(0xdc00 | (v & 0x3ff)));
      } else units.push(hex(cp));
    }
    cmapEntries.set(cps, (entry = `<${units.join(' ')}>`));
  }
  return entry;
}

/** The CMap from codes (CIDs 0…n-1) to the UTF-16 of what each glyph stands for, in ranges of 256. */
export function toUnicodeCmap(codePoints: readonly (readonly number[])[]): string {
  const entries = codePoints.map(cmapEntry);
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex(start)}> <${hex(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
