/** The post header read from a face's file (src/fonts/sfnt.ts) is what fontkit's `font.post` decodes, in every face. */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook, postHeader, toolFontBook } from '../../src/fonts/index.js';
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
