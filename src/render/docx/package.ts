/**
 * Deterministic packing. docx stamps zip entries with the clock (in local time) and takes relationship ids and
 * embedded-font keys from Math.random; this module gives it a seeded Math.random while it builds and compiles, then
 * re-zips the parts in a fixed order with a fixed entry date, so the same letter always gives the same bytes, in
 * any time zone.
 */

import { createHash } from 'node:crypto';
import { Packer, type File } from 'docx';
import { readZip, writeZip } from '../../zip/index.js';

/** A part written by this renderer instead of docx's own version of it. */
export interface PartOverride {
  readonly path: string;
  readonly data: string;
}

/** A change to a part docx wrote, made as the package is re-zipped (for what docx's options cannot say). */
export interface PartEdit {
  readonly path: string;
  edit(xml: string): string;
}

/** A 32-bit seed from strings that identify the document, so different letters get different font keys. */
export function seedFrom(...parts: readonly string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

/** mulberry32: a small, well-mixed 32-bit PRNG; enough for ids, which only have to be unique within a package. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds the docx File and packs it with Math.random seeded. Both steps run synchronously inside docx (Packer.pack
 * compiles and zips before its first await), so the seeded generator is in place only for docx's own calls and is
 * restored before anything else can run.
 */
export async function packDeterministic(build: () => File, overrides: readonly PartOverride[], when: Date, seed: number, edits: readonly PartEdit[] = []): Promise<Uint8Array> {
  const random = Math.random;
  let packed: Promise<Buffer>;
  Math.random = mulberry32(seed);
  try {
    packed = Packer.toBuffer(build(), false, overrides);
  } finally {
    Math.random = random;
  }
  return rezip(new Uint8Array(await packed), when, edits);
}

/** The same parts, re-zipped: [Content_Types].xml first (as Office writes it), then the rest by path, every entry
 *  dated `when`; images are stored, since deflating a PNG or JPEG again gains nothing. */
function rezip(bytes: Uint8Array, when: Date, edits: readonly PartEdit[]): Uint8Array {
  const parts = readZip(bytes);
  for (const { path, edit } of edits) {
    const data = parts.get(path);
    if (data) parts.set(path, new TextEncoder().encode(edit(new TextDecoder().decode(data))));
  }
  const paths = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return writeZip(paths.map((path) => [path, parts.get(path)!] as const), { when, level: (path) => (/\.(png|jpe?g)$/.test(path) ? 0 : 6) });
}

const rank = (path: string): number => (path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2);
