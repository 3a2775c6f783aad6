/**
 * The font files and streams a PDF face embeds, made once per batch where letters share them: the TrueType subset of a
 * glyph set, deflated, and the deflated ToUnicode CMap.
 */

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { createSubset, postscriptName } from '../../fonts/index.js';
import { hex4 } from './glyph-keys.js';

/** A face's subset font file, deflated (zlib's default level, as deflateSync), and its tag. */
export interface Subset {
  readonly deflated: Uint8Array;
  readonly tag: string;
}

/** Subsets already made in this process, by face and glyph set: the letters of a batch share most of theirs. */
const subsets = new WeakMap<Font, Map<string, Subset>>();
const MAX_SUBSETS = 64;

/**
 * The subset of these glyphs, encoded and deflated. In this thread: deflating in libuv's thread pool while the pages
 * were drawn cost more than it hid once a batch's two render threads keep both cores busy (W2 on 2 cores, 11 + 11
 * interleaved pairs: 1.35 -> 1.29 s and 1.29 -> 1.25 s wall, CPU -60 to -80 ms; one letter 0.43 -> 0.42 s).
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
    subset = { deflated: deflateSync(fontSubset.encode()), tag };
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

/** `<…>`: the UTF-16 code units of a glyph's text in hex. */
function cmapEntry(cps: readonly number[]): string {
  let entry = cmapEntries.get(cps);
  if (entry === undefined) {
    entry = '<';
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      if (i > 0) entry += ' ';
      if (cp > 0xffff) {
        const v = cp - 0x10000;
        entry += `${hex4(0xd800 | ((v >>> 10) & 0x3ff))} ${hex4(0xdc00 | (v & 0x3ff))}`;
      } else entry += hex4(cp);
    }
    cmapEntries.set(cps, (entry += '>'));
  }
  return entry;
}

/** The CMap from codes (CIDs 0…n-1) to the UTF-16 of what each glyph stands for, in ranges of 256. */
export function toUnicodeCmap(codePoints: readonly (readonly number[])[]): string {
  const entries = codePoints.map(cmapEntry);
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
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
