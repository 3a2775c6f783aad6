/** Reading and writing OOXML packages as zips, deterministically. */

import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The parts of a zip, by name, in the zip's own order. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

// fflate writes DOS times from the Date's *local* fields. A Date built from local fields at the moment of writing has
// the same DOS time in every time zone (built once at load, it would shift when TZ changes), so the zip ignores TZ.
const fixedMtime = (): Date => new Date(1980, 0, 1, 0, 0, 0);

/** Zips the parts in the given order, with a fixed time and compression level: the same parts give the same bytes. */
export function writeZip(parts: Iterable<readonly [string, Uint8Array]>): Uint8Array {
  const files: Zippable = {};
  const mtime = fixedMtime();
  for (const [name, data] of parts) files[name] = [data, { level: 6, mtime }];
  return zipSync(files);
}
