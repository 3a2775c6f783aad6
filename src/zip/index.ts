/** Zip packages (DOCX) read and written deterministically: the same parts, date and levels give the same bytes. */

import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * What a zip may unpack to. A DOCX of letter's is a few megabytes; a 4 MB "zip bomb" declares gigabytes. fflate
 * inflates each entry into a buffer of its declared size and never grows it, so bounding the declared sizes bounds
 * the memory whatever the compressed data holds.
 */
export const ZIP_LIMITS = { entries: 10_000, totalBytes: 256 * 1024 * 1024, ratio: 1000 } as const;

/**
 * The parts of a zip, by name, in the zip's own order; a zip beyond ZIP_LIMITS throws before anything is inflated. A
 * folder's own entry (`word/`, which `zip -r` and many archivers add) is not a part of an OPC package and is left out:
 * read as one, a signed DOCX repacked unchanged was 'INVALID: the part word/ is not covered by the signature'.
 */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  const parts = unzipSync(bytes, {
    filter: (entry) => {
      total += entry.originalSize;
      if (++entries > ZIP_LIMITS.entries)
        throw new Error(`the zip has more than ${ZIP_LIMITS.entries} entries`);
      if (total > ZIP_LIMITS.totalBytes)
        throw new Error(`the zip unpacks to more than ${ZIP_LIMITS.totalBytes} bytes`);
      if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * ZIP_LIMITS.ratio)
        throw new Error(
          `the zip's ${entry.name} is compressed more than ${ZIP_LIMITS.ratio} to 1 (a zip bomb)`,
        );
      return !(entry.name.endsWith('/') && entry.originalSize === 0);
    },
  });
  return new Map(Object.entries(parts));
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
  const mtime = new Date(
    year,
    when.getUTCMonth(),
    when.getUTCDate(),
    when.getUTCHours(),
    when.getUTCMinutes(),
    when.getUTCSeconds(),
  );
  const entries: Zippable = {};
  for (const [path, data] of parts) entries[path] = [data, { mtime, level: opts.level(path) }];
  return zipSync(entries);
}
