/**
 * A large TrueType file read in part: every table but the glyph outlines (glyf) at once, each glyph's outline when a
 * subset is about to encode it. fontkit parses a font from one buffer holding the whole file, but of a 14.8 MB CJK face
 * glyf is 14 MB and a letter draws a few hundred of its 30,000 glyphs. Reading the file whole costs a page fault for
 * every 4 KB of fresh memory (most of a one-letter build's system time on a virtual machine) and keeps 14 MB resident
 * per face; read in part, the untouched pages of the zero-filled buffer are never mapped.
 *
 * Outlines not read yet are zero bytes, so nothing may read one before `glyphs([id])` has: fontkit's shaping and metrics
 * read none for a face with hmtx, vmtx and GPOS and without variations (`open` reads any other file whole); subsets call
 * `readyGlyphs` first; pdfkit's own text (the signature field) and a face embedded whole take `whole()`.
 */

import { closeSync, fstatSync, openSync, read, readSync, readv } from 'node:fs';
import { compoundComponents } from './sfnt.js';

/** Tables a face must have to be read in part: without them fontkit reads outlines for metrics or mark positions. */
const NEEDED = ['glyf', 'loca', 'head', 'maxp', 'hmtx', 'vmtx', 'GPOS'];
/** Tables under which fontkit reads outlines on its own (variations, CFF outlines, AAT). */
const REFUSED = ['fvar', 'gvar', 'CFF ', 'CFF2', 'morx'];

interface Range {
  readonly start: number;
  readonly end: number;
}

export class PartialFontFile {
  private readonly ready: Uint8Array;
  /** The bytes, for loca and glyph headers (DataView's reads are V8's own; Buffer's are JavaScript, cold at first). */
  private readonly view: DataView;
  private complete = false;

  private constructor(
    readonly path: string,
    /** The file's size and modification time when first read: a later read of another size or time is refused. */
    private readonly stamp: string,
    /** The whole file's length; glyph outlines not read yet are zeros. */
    readonly bytes: Buffer,
    private readonly glyf: Range,
    private readonly numGlyphs: number,
    private readonly longOffsets: boolean,
    private readonly locaAt: number,
  ) {
    this.ready = new Uint8Array(numGlyphs);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * The file read but for its outlines, or undefined when it is smaller than `minSize` or not a face that can be read
   * in part (then read it whole).
   */
  static open(path: string, minSize: number): PartialFontFile | undefined {
    const fd = openSync(path, 'r');
    try {
      const stat = fstatSync(fd);
      if (stat.size < minSize) return undefined;
      const head = Buffer.alloc(12);
      readFully(fd, head, 0, 12);
      const version = head.readUInt32BE(0);
      if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return undefined;
      const count = head.readUInt16BE(4);
      const directory = Buffer.alloc(12 + 16 * count);
      readFully(fd, directory, 0, directory.length);
      const tables = new Map<string, Range>();
      for (let i = 0; i < count; i++) {
        const at = 12 + 16 * i;
        const start = directory.readUInt32BE(at + 8);
        tables.set(directory.toString('latin1', at, at + 4), {
          start,
          end: start + directory.readUInt32BE(at + 12),
        });
      }
      if (!NEEDED.every((tag) => tables.has(tag)) || REFUSED.some((tag) => tables.has(tag))) return undefined;
      const glyf = tables.get('glyf')!;
      const outside = [...tables.entries()].filter(([tag]) => tag !== 'glyf').map(([, range]) => range);
      if (
        glyf.end > stat.size ||
        outside.some((r) => r.end > stat.size || (r.start < glyf.end && r.end > glyf.start))
      )
        return undefined;
      // Zero-filled and so never touched where nothing is read: the kernel maps those pages only when written. Shared
      // memory because V8 counts the whole length of an ArrayBuffer, touched or not, as external memory against the
      // old generation's limit, and a SharedArrayBuffer's not (backing-store.h, PerIsolateAccountingLength): two CJK
      // faces' 29 MB in ArrayBuffers brought W1's one mark-compact forward to mid-typesetting (GC pauses ~10.6 -> ~7.3 ms).
      // Shared also means that a copy posted to a worker thread is the same memory, which readyGlyphs fills in later:
      // hand a worker the file's path, never these bytes.
      const bytes = Buffer.from(new SharedArrayBuffer(stat.size));
      readFully(fd, bytes, 0, glyf.start);
      readFully(fd, bytes, glyf.end, stat.size - glyf.end);
      const headTable = tables.get('head')!;
      const maxp = tables.get('maxp')!;
      return new PartialFontFile(
        path,
        stampOf(stat),
        bytes,
        glyf,
        bytes.readUInt16BE(maxp.start + 4),
        bytes.readInt16BE(headTable.start + 50) === 1,
        tables.get('loca')!.start,
      );
    } finally {
      closeSync(fd);
    }
  }

  /** Reads the outlines of these glyphs, and of the components of those that are composites, if not read yet. */
  glyphs(ids: Iterable<number>): void {
    for (let wanted = this.unread(ids); wanted.length; wanted = this.componentsToRead(wanted))
      this.read(wanted.map((id) => this.outline(id)));
  }

  /**
   * Reads the outlines of these glyphs and of their components, as `glyphs` does, but through libuv's thread pool and
   * all ranges at once: a one-letter build's ~270 reads (page faults into the zero-filled buffer mostly) then run on
   * the other core while this thread loads pdfkit and starts the document. A glyph counts as read once its read has
   * ended; `glyphs` still reads synchronously whatever is not.
   */
  async prefetch(ids: Iterable<number>): Promise<void> {
    let wanted = this.unread(ids);
    if (!wanted.length) return;
    // Opened and checked in this thread (microseconds); only the reads go to the pool.
    const fd = openSync(this.path, 'r');
    try {
      if (stampOf(fstatSync(fd)) !== this.stamp)
        throw new Error(`${this.path} changed while the build was reading it; build again`);
      for (; wanted.length; wanted = this.componentsToRead(wanted)) {
        // Every read ends before the file is closed, a failed one too: its number could be another file's by then.
        await allEnded(
          readGroups(mergedRanges(wanted.map((id) => this.outline(id)))).map((group) =>
            readGroupAsync(fd, this.bytes, group),
          ),
        );
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Marks these glyphs' outlines read (their reads have ended) and gives the components of the composites among them
   * not read yet: what `glyphs` and `prefetch` read next.
   */
  private componentsToRead(read: readonly number[]): number[] {
    for (const id of read) this.ready[id] = 1;
    return this.unread(read.flatMap((id) => this.components(id)));
  }

  /** These glyph ids, once each, in order, that are in the face and not read yet. */
  private unread(ids: Iterable<number>): number[] {
    if (this.complete) return [];
    const unique = new Set<number>();
    for (const id of ids) if (id >= 0 && id < this.numGlyphs && !this.ready[id]) unique.add(id);
    return [...unique].sort((a, b) => a - b);
  }

  /** Reads every outline: the buffer is then the whole file. */
  whole(): Buffer {
    if (!this.complete) {
      this.read([this.glyf]);
      this.complete = true;
    }
    return this.bytes;
  }

  /** Where glyph `id`'s outline lies in the file (loca), kept inside glyf. */
  private outline(id: number): Range {
    const start = Math.min(this.glyf.start + this.locaOffset(id), this.glyf.end);
    return {
      start,
      end: Math.max(start, Math.min(this.glyf.start + this.locaOffset(id + 1), this.glyf.end)),
    };
  }

  /** loca's entry `i`: where glyph `i`'s outline starts in glyf. */
  private locaOffset(i: number): number {
    return this.longOffsets
      ? this.view.getUint32(this.locaAt + 4 * i)
      : this.view.getUint16(this.locaAt + 2 * i) * 2;
  }

  /** The glyphs a composite glyph is made of (OpenType glyf, composite glyph description); none for a simple one. */
  private components(id: number): number[] {
    const { start, end } = this.outline(id);
    if (end - start < 10 || this.view.getInt16(start) >= 0) return [];
    return compoundComponents(this.view, start, end).ids;
  }

  /** Reads these ranges of the file into the buffer, neighbours (a page apart at most) in one read. */
  private read(ranges: readonly Range[]): void {
    if (!ranges.length) return;
    const merged = mergedRanges(ranges);
    const fd = openSync(this.path, 'r');
    try {
      if (stampOf(fstatSync(fd)) !== this.stamp)
        throw new Error(`${this.path} changed while the build was reading it; build again`);
      for (const r of merged) readFully(fd, this.bytes, r.start, r.end - r.start);
    } finally {
      closeSync(fd);
    }
  }
}

/** The non-empty ranges in file order, neighbours (a page apart at most) merged into one. */
function mergedRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 4096) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}

function stampOf(stat: { size: number; mtimeMs: number }): string {
  return `${stat.size}:${stat.mtimeMs}`;
}

/** Reads `length` bytes at file position `at` into `into` at the same offset. */
function readFully(fd: number, into: Uint8Array, at: number, length: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, into, at + done, length - done, at + done);
    if (n === 0) throw new Error('font file shorter than its table directory says');
    done += n;
  }
}

/**
 * Outlines up to this far apart are read ahead in one call, the bytes between them into a scratch buffer: a one-letter
 * build's ~260 reads of a few hundred outlines become ~110, each read a call of this thread and a wake of the pool.
 */
const READ_GAP_MAX = 32 * 1024;
/** Takes the bytes between the outlines a read ahead wants: nothing reads them back, and reads may overlap in it. */
let gapScratch: Buffer | undefined;
/** Ranges read in one call at most (readv's vectors: a range and the gap before it each). */
const READ_GROUP_MAX = 256;

/** The ranges (in file order) in groups of neighbours, each group read in one call by readGroupAsync. */
function readGroups(ranges: readonly Range[]): Range[][] {
  const groups: Range[][] = [];
  let group: Range[] = [];
  for (const r of ranges) {
    const last = group[group.length - 1];
    if (last && (r.start - last.end > READ_GAP_MAX || group.length >= READ_GROUP_MAX)) {
      groups.push(group);
      group = [];
    }
    group.push(r);
  }
  if (group.length) groups.push(group);
  return groups;
}

/**
 * Reads a group of ranges through the thread pool in one `readv` from the first range's start to the last one's end,
 * each range into `into` at its own offset and the gaps between them into the scratch buffer. A short read (the file
 * cut meanwhile) reads each range again on its own, which then fails as `readFullyAsync` does.
 */
async function readGroupAsync(fd: number, into: Uint8Array, group: readonly Range[]): Promise<void> {
  const first = group[0]!;
  if (group.length === 1) return readFullyAsync(fd, into, first.start, first.end - first.start);
  const scratch = (gapScratch ??= Buffer.alloc(READ_GAP_MAX));
  const vectors: Uint8Array[] = [];
  let previous: Range | undefined;
  for (const r of group) {
    if (previous) vectors.push(scratch.subarray(0, r.start - previous.end));
    vectors.push(new Uint8Array(into.buffer, into.byteOffset + r.start, r.end - r.start));
    previous = r;
  }
  const length = group[group.length - 1]!.end - first.start;
  const bytesRead = await new Promise<number>((resolve, reject) =>
    readv(fd, vectors, first.start, (error, n) => (error ? reject(error) : resolve(n))),
  );
  if (bytesRead === length) return;
  // Each read ends before this does, a failed one too (the caller then closes the file).
  await allEnded(group.map((r) => readFullyAsync(fd, into, r.start, r.end - r.start)));
}

/** Waits for every read to end, a failed one too, then throws the first failure's reason. */
async function allEnded(reads: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(reads)).find((read) => read.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * `readFully` through the thread pool, by fs's callback API: node:fs/promises loads seven more of Node's modules (its
 * FileHandle, readline, directory watchers), and their functions compile at first call.
 */
async function readFullyAsync(fd: number, into: Uint8Array, at: number, length: number): Promise<void> {
  for (let done = 0; done < length; ) {
    const bytesRead = await new Promise<number>((resolve, reject) =>
      read(fd, into, at + done, length - done, at + done, (error, n) => (error ? reject(error) : resolve(n))),
    );
    if (bytesRead === 0) throw new Error('font file shorter than its table directory says');
    done += bytesRead;
  }
}

/** The file each parsed font was read from in part, so that subsets can ask for their glyphs' outlines. */
const partOf = new WeakMap<object, PartialFontFile>();

/** Records that `font` was parsed from `file`'s bytes. */
export function parsedFrom(font: object, file: PartialFontFile): void {
  partOf.set(font, file);
}

/** Starts reading the outlines of these glyphs of `font` (prefetch above); resolves when they are in its bytes. */
export function prefetchGlyphs(font: object, ids: Iterable<number>): Promise<void> {
  return partOf.get(font)?.prefetch(ids) ?? Promise.resolve();
}

/** Makes sure the outlines of these glyphs of `font` are in its bytes (nothing to do for a font read whole). */
export function readyGlyphs(font: object, ids: Iterable<number>): void {
  partOf.get(font)?.glyphs(ids);
}
