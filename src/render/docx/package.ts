/**
 * Deterministic packing. docx stamps zip entries with the clock (in local time) and draws embedded-font keys and
 * hyperlink ids at random; this module rewrites those ids from a seed (stable-ids.ts), then re-zips the parts in a
 * fixed order with a fixed entry date, so the same letter always gives the same bytes, in any time zone.
 */

import { createHash } from 'node:crypto';
import { Packer, type File } from 'docx';
import { readZip, writeZip } from '../../zip/index.js';
import { stabilizeIds } from './stable-ids.js';

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

/** Builds the docx File, packs it, and re-packs it with deterministic ids, order and dates. */
export async function packDeterministic(
  build: () => File,
  overrides: readonly PartOverride[],
  when: Date,
  seed: number,
  edits: readonly PartEdit[] = [],
): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(build(), false, overrides);
  return rezip(new Uint8Array(packed), when, seed, edits);
}

/** The same parts, re-zipped: [Content_Types].xml first (as Office writes it), then the rest by path, every entry
 *  dated `when`; images are stored, since deflating a PNG or JPEG again gains nothing. */
function rezip(bytes: Uint8Array, when: Date, seed: number, edits: readonly PartEdit[]): Uint8Array {
  const parts = readZip(bytes);
  stabilizeIds(parts, seed);
  for (const { path, edit } of edits) {
    const data = parts.get(path);
    if (data) parts.set(path, new TextEncoder().encode(edit(new TextDecoder().decode(data))));
  }
  const paths = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return writeZip(
    paths.map((path) => [path, parts.get(path)!] as const),
    { when, level: (path) => (/\.(png|jpe?g)$/.test(path) ? 0 : 6) },
  );
}

const rank = (path: string): number => (path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2);
