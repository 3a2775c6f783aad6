/**
 * The font files and streams a PDF face embeds, made once per batch where letters share them: the TrueType subset of a
 * glyph set, deflated, and the deflated ToUnicode CMap.
 */

import { createHash } from 'node:crypto';
import { deflate, deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { createSubset, postscriptName } from '../../fonts/index.js';
import { hex4 } from './glyph-keys.js';

/** A face's subset font file, deflated (zlib's default level, as deflateSync), and its tag. */
export interface Subset {
  readonly deflated: Promise<Uint8Array>;
  readonly tag: string;
}

/** Subsets already made in this process, by face and glyph set: the letters of a batch share most of theirs. */
const subsets = new WeakMap<Font, Map<string, Subset>>();
const MAX_SUBSETS = 64;

/**
 * The subset of these glyphs, encoded now and deflated as `deflateBytes` does with `aside` (the subset of a CJK face
 * is most of what a face's streams cost to deflate: ~4 ms of a one-letter build).
 */
export function subsetFile(font: Font, file: Uint8Array, glyphs: readonly number[], aside: boolean): Subset {
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
    subset = { deflated: deflateBytes(fontSubset.encode(), aside), tag };
    if (known.size >= MAX_SUBSETS) known.clear();
    known.set(key, subset);
  }
  return subset;
}

/** Streams that repeat from letter to letter (ToUnicode CMaps), deflated once. */
const deflatedStreams = new Map<string, Promise<Uint8Array>>();

/** A stream's text (latin1), deflated as `deflateBytes` does with `aside`, once per batch. */
export function deflated(text: string, aside: boolean): Promise<Uint8Array> {
  let bytes = deflatedStreams.get(text);
  if (!bytes) {
    if (deflatedStreams.size >= MAX_SUBSETS * 4) deflatedStreams.clear();
    deflatedStreams.set(text, (bytes = deflateBytes(Buffer.from(text, 'latin1'), aside)));
  }
  return bytes;
}

/** Output chunk of a deflate aside: the whole stream handed back at once (zlib's default, 16 KB, takes ~4 turns). */
const ASIDE_CHUNK = 256 * 1024;

/**
 * The bytes deflated at zlib's defaults; the same bytes either way. With `aside`, on libuv's thread pool, so that the
 * drawing thread draws the pages meanwhile: where it is the process's one render thread, a core is free for it (W1:
 * ~34 M fewer instructions on the drawing thread, callgrind). Without, in this thread: a batch's two render threads
 * keep both cores busy, and then deflating aside cost more than it hid (W2 on 2 cores, 11 + 11 interleaved pairs:
 * 1.35 -> 1.29 s and 1.29 -> 1.25 s wall, CPU -60 to -80 ms, the eighth session).
 */
export function deflateBytes(bytes: Uint8Array, aside: boolean): Promise<Uint8Array> {
  if (!aside) return Promise.resolve(deflateSync(bytes));
  const done = new Promise<Uint8Array>((resolve, reject) =>
    deflate(bytes, { chunkSize: ASIDE_CHUNK }, (error, result) => (error ? reject(error) : resolve(result))),
  );
  // A letter that fails before embedding never awaits its streams: that must not be an unhandled rejection.
  done.catch(() => undefined);
  return done;
}

/**
 * Each text's CMap entry, keyed by its code point array: the glyph runs a batch's letters share hold the same arrays
 * (readonly), so each letter's CMap looks its entries up instead of writing them again.
 */
const cmapEntries = new WeakMap<readonly number[], string>();

/** Two hex digits of each byte value. */
const HEX2 = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A UTF-16 code unit as four hex digits, from two entries of HEX2. Not hex4's table by value: a letter's code points
 * are scattered over 0000-FFFF (CJK from 4E00), and an array written that sparsely is a hash table in V8, which made
 * hex4 the slowest step of a CJK face's CMap (~0.7 ms of W1) and every later lookup of a code slower.
 */
function unitHex(unit: number): string {
  return HEX2[unit >>> 8]! + HEX2[unit & 0xff]!;
}

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
        entry += `${unitHex(0xd800 | ((v >>> 10) & 0x3ff))} ${unitHex(0xdc00 | (v & 0x3ff))}`;
      } else entry += unitHex(cp);
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
