/**
 * How a face plan names what it draws: a glyph drawn narrower than itself, a glyph standing for other text than where
 * first drawn, and the four hex digits of a code. Shared by what a document draws in each face (glyph-uses.ts), the
 * plan (faces.ts) and what it digests of each run with its TJ segments (run-digest.ts), which must agree on them.
 */

/** A glyph narrower than its own advance by this much (thousandths of an em) is drawn with a code of that width. */
const NARROW = 250;

/** The key of a glyph drawn with `advance` in PdfFace.narrow, when it is drawn narrow. */
export function narrowKey(gid: number, width: number, advance: number): string | undefined {
  return width - advance >= NARROW ? `${gid}@${advance}` : undefined;
}

/** The key in PdfFace.otherTexts of a glyph standing for the text of these code points. */
export function textKey(gid: number, codePoints: readonly number[]): string {
  return `${gid}:${codePoints.join(',')}`;
}

/** Two hex digits of each byte value. */
const HEX2 = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * `n` (0 to 0xffff) as four hex digits: a code (CID) in a content stream, or a UTF-16 unit in a CMap. From two entries
 * of a byte table, not a table by value: a letter's code points are scattered over 0000-FFFF (CJK from 4E00), and an
 * array written that sparsely is a hash table in V8 (it made a CJK face's CMap ~0.7 ms of W1).
 */
export function hex4(n: number): string {
  return HEX2[n >>> 8]! + HEX2[n & 0xff]!;
}
