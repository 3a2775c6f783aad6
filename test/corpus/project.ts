/** The corpus's working copy: the stable base project copied to a fresh temp folder, with small edits that must apply. */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const BASE = join(import.meta.dirname, 'base');

/** A letter project in a temp folder that a case may break. */
export class CorpusProject {
  readonly dir: string;

  constructor() {
    this.dir = join(mkdtempSync(join(tmpdir(), 'letter-corpus-')), 'project');
    cpSync(BASE, this.dir, { recursive: true });
    rmSync(join(this.dir, 'README.md'));
    this.write('assets/signature.png', png(60, 20));
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  /** Replaces text that must be there: an edit that silently matched nothing would test nothing. */
  edit(rel: string, from: string | RegExp, to: string): void {
    const text = this.read(rel);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`corpus edit did not apply: ${String(from)} in ${rel}`);
    writeFileSync(this.path(rel), next);
  }

  write(rel: string, content: string | Uint8Array): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), content);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { recursive: true });
  }
}

/** A valid RGB PNG of the given size (grey), built by hand so the corpus holds no binary files. */
export function png(width: number, height: number, options: { declaredWidth?: number } = {}): Uint8Array {
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(options.declaredWidth ?? width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
