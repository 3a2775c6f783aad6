/**
 * The post header and PostScript name read from a face's file (src/fonts/sfnt.ts) are what fontkit's `font.post` and
 * `font.postscriptName` decode, in every face.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Font } from 'fontkit';
import { FontBook, postHeader, postscriptName, toolFontBook } from '../../src/fonts/index.js';
import { tableDirectory } from '../../src/fonts/sfnt.js';

const ROOT = join(import.meta.dirname, '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.[ot]tf$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const FACES = [...walk(join(ROOT, 'fonts')), ...walk(join(ROOT, 'test', 'fixtures'))];

describe('post header from the file', () => {
  it.each(FACES.map((path) => [path.slice(ROOT.length + 1), path]))('%s', (_, path) => {
    const book = new FontBook(toolFontBook().dir);
    const font = book.openFile(path);
    const read = postHeader(font, book.tableBytes(path));
    const post = (font as unknown as { post: { italicAngle: number; isFixedPitch: number } }).post;
    expect(read).toEqual({ italicAngle: post.italicAngle, isFixedPitch: post.isFixedPitch !== 0 });
    expect(read.italicAngle).toBe(font.italicAngle);
  });

  it('the italic faces lean (the comparison above is not of zeros alone)', () => {
    const book = toolFontBook();
    const path = book.file('latin', 'italic');
    expect(postHeader(book.openFile(path), book.tableBytes(path)).italicAngle).toBeLessThan(0);
  });

  it('reads no directory from a file that is not a TrueType or OpenType font', () => {
    expect(tableDirectory(new TextEncoder().encode('wOFF and then some bytes'))).toBeUndefined();
    expect(tableDirectory(new Uint8Array(4))).toBeUndefined();
  });
});

describe('PostScript name from the file', () => {
  it.each(FACES.map((path) => [path.slice(ROOT.length + 1), path]))('%s', (_, path) => {
    const book = new FontBook(toolFontBook().dir);
    const font = book.openFile(path);
    const read = postscriptName(font, book.tableBytes(path));
    expect(read).toBe(font.postscriptName);
    expect(read.length).toBeGreaterThan(0);
  });

  it('reads the last English record, Windows UTF-16 or Macintosh ASCII, and leaves any other to fontkit', () => {
    const fallback = { postscriptName: 'from-fontkit' } as unknown as Font;
    const record = (platform: number, encoding: number, language: number, text: Uint8Array) => ({
      platform,
      encoding,
      language,
      text,
    });
    const utf16 = (text: string) =>
      new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(
      postscriptName(
        fallback,
        nameFile([record(1, 0, 0, ascii('Mac-Name')), record(3, 1, 0x409, utf16('Win-Name'))]),
      ),
    ).toBe('Win-Name');
    expect(
      postscriptName(
        fallback,
        nameFile([record(3, 1, 0x409, utf16('Win-Name')), record(1, 0, 0, ascii('Mac-Name'))]),
      ),
    ).toBe('Mac-Name');
    // Not English, another encoding, non-ASCII Mac Roman, a surrogate, an empty record: fontkit's answer.
    expect(postscriptName(fallback, nameFile([record(3, 1, 0x412, utf16('Korean'))]))).toBe('from-fontkit');
    expect(postscriptName(fallback, nameFile([record(3, 0, 0x409, utf16('Symbol'))]))).toBe('from-fontkit');
    expect(postscriptName(fallback, nameFile([record(1, 0, 0, new Uint8Array([0x41, 0xa5]))]))).toBe(
      'from-fontkit',
    );
    expect(
      postscriptName(fallback, nameFile([record(3, 1, 0x409, new Uint8Array([0xd8, 0x00, 0xdc, 0x00]))])),
    ).toBe('from-fontkit');
    expect(postscriptName(fallback, nameFile([record(3, 1, 0x409, new Uint8Array())]))).toBe('from-fontkit');
  });
});

/** An sfnt file holding only a name table with these name ID 6 records. */
function nameFile(
  records: { platform: number; encoding: number; language: number; text: Uint8Array }[],
): Uint8Array {
  const strings = 6 + 12 * records.length;
  const tableLength = strings + records.reduce((sum, r) => sum + r.text.length, 0);
  const file = new Uint8Array(12 + 16 + tableLength);
  const view = new DataView(file.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, 1);
  file.set(new TextEncoder().encode('name'), 12);
  view.setUint32(12 + 8, 28);
  view.setUint32(12 + 12, tableLength);
  view.setUint16(28 + 2, records.length);
  view.setUint16(28 + 4, strings);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 28 + 6 + 12 * i;
    view.setUint16(at, r.platform);
    view.setUint16(at + 2, r.encoding);
    view.setUint16(at + 4, r.language);
    view.setUint16(at + 6, 6);
    view.setUint16(at + 8, r.text.length);
    view.setUint16(at + 10, offset);
    file.set(r.text, 28 + strings + offset);
    offset += r.text.length;
  });
  return file;
}
