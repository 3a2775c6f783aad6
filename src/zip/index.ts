/** Zip packages (DOCX) read and written deterministically: the same parts, date and levels give the same bytes. */

import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The parts of a zip, by name, in the zip's own order. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export interface ZipOptions {
  /** The instant every entry is dated. */
  readonly when: Date;
  /** Deflate level per entry (0 stores it). */
  readonly level: (path: string) => 0 | 6;
}

/**
 * Zips the parts in the given order. fflate writes the DOS date from the Date's local-time fields, so `when`'s UTC
 * fields are handed over through the local-time constructor: the same entry dates come out in every time zone.
 */
export function writeZip(parts: Iterable<readonly [string, Uint8Array]>, opts: ZipOptions): Uint8Array {
  const { when } = opts;
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2099); // the DOS date range
  const mtime = new Date(year, when.getUTCMonth(), when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds());
  const entries: Zippable = {};
  for (const [path, data] of parts) entries[path] = [data, { mtime, level: opts.level(path) }];
  return zipSync(entries);
}
