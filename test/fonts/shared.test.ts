import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FontBook, toolFontBook } from '../../src/fonts/index.js';

describe('font files shared between threads', () => {
  it('reads every file of every face once into shared memory, byte for byte', () => {
    const book = new FontBook(toolFontBook().dir);
    const files = book.sharedFiles();
    const paths = [...book.faces.values()].flatMap((face) => Object.values(face.files));
    expect(Object.keys(files).sort()).toEqual([...new Set(paths)].sort());
    for (const [path, shared] of Object.entries(files)) {
      expect(shared).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(shared).equals(readFileSync(path)), path).toBe(true);
    }
    // Asked again (a second pool in one process), the same memory, not another copy.
    expect(book.sharedFiles()[paths[0]!]).toBe(files[paths[0]!]);
  });

  it('a file the book had already read is copied into shared memory, byte for byte', () => {
    const book = new FontBook(toolFontBook().dir);
    const path = book.file('kr', 'regular');
    const read = book.bytes(path);
    const shared = book.sharedFiles()[path]!;
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(shared).equals(read)).toBe(true);
    expect(book.bytes(path).buffer).toBe(shared);
  });

  it('a book that adopts them parses and shapes from that memory without reading the files', () => {
    const owner = new FontBook(toolFontBook().dir);
    const files = owner.sharedFiles();
    const adopter = new FontBook(toolFontBook().dir);
    adopter.adoptShared(files);
    const path = adopter.file('sc', 'regular');
    // The very memory the owner read: the adopting book read no file of its own.
    expect(adopter.bytes(path).buffer).toBe(files[path]);
    const run = adopter.open('sc', 'regular').layout('中华人民共和国');
    const reference = owner.open('sc', 'regular').layout('中华人民共和国');
    expect(run.glyphs.map((g) => g.id)).toEqual(reference.glyphs.map((g) => g.id));
    expect(run.advanceWidth).toBe(reference.advanceWidth);
  });
});
