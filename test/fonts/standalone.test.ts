import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { standaloneSubset, toolFontBook } from '../../src/fonts/index.js';

const fonts = toolFontBook();
const TEXT = '习近平主席阁下：中华人民共和国。 시진핑 주석님께 Dear President Xi, “fine” 2023';

function subsetOf(
  face: string,
  text: string,
): { bytes: Uint8Array; font: fontkit.Font; original: fontkit.Font } {
  const path = fonts.file(face, 'regular');
  const original = fonts.openFile(path);
  const bytes = standaloneSubset(original, fonts.bytes(path), text);
  return { bytes, font: fontkit.create(Buffer.from(bytes)) as fontkit.Font, original };
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
}

describe('standalone TrueType subsets (the fonts a DOCX embeds)', () => {
  it.each(['sc', 'kr', 'latin'])(
    '%s: every covered character maps to the same outline and advance as in the whole face',
    (face) => {
      const { font, original } = subsetOf(face, TEXT);
      let checked = 0;
      for (const ch of new Set(TEXT)) {
        const cp = ch.codePointAt(0)!;
        const want = original.glyphForCodePoint(cp);
        const got = font.glyphForCodePoint(cp);
        if (want.id === 0) {
          expect(got.id, `${ch} is not in the face, so not in its subset`).toBe(0);
          continue;
        }
        expect(got.id, ch).not.toBe(0);
        expect(got.advanceWidth, ch).toBe(want.advanceWidth);
        expect(got.path.toSVG(), ch).toBe(want.path.toSVG());
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
      // Only what the text needs (and glyph 0, and components of composite glyphs), not the face's tens of thousands.
      expect(font.numGlyphs).toBeLessThan(new Set(TEXT).size + 20);
    },
  );

  it('carries the tables a word processor needs, with the face’s names, and no glyph names', () => {
    const { font, original } = subsetOf('sc', TEXT);
    const tags = Object.keys((font as unknown as { directory: { tables: object } }).directory.tables).sort();
    expect(tags).toEqual(
      expect.arrayContaining([
        'OS/2',
        'cmap',
        'glyf',
        'head',
        'hhea',
        'hmtx',
        'loca',
        'maxp',
        'name',
        'post',
      ]),
    );
    expect(font.familyName).toBe(original.familyName);
    expect(font.postscriptName).toBe(original.postscriptName);
    expect((font as unknown as { post: { version: number } }).post.version).toBe(3);
  });

  it('has a cmap with a Windows BMP (format 4) and a full Unicode (format 12) subtable', () => {
    const { bytes } = subsetOf('kr', TEXT);
    const tables = directory(bytes);
    const cmap = tables.get('cmap')!;
    const view = new DataView(bytes.buffer, bytes.byteOffset + cmap.offset, cmap.length);
    const subtables = Array.from({ length: view.getUint16(2) }, (_, i) => ({
      platform: view.getUint16(4 + 8 * i),
      encoding: view.getUint16(6 + 8 * i),
      format: view.getUint16(view.getUint32(8 + 8 * i)),
    }));
    expect(subtables).toEqual([
      { platform: 3, encoding: 1, format: 4 },
      { platform: 3, encoding: 10, format: 12 },
    ]);
  });

  it('has correct table checksums and head.checkSumAdjustment', () => {
    const { bytes } = subsetOf('sc', TEXT);
    for (const [tag, { offset, length, checksum }] of directory(bytes)) {
      const copy = bytes.slice(offset, offset + ((length + 3) & ~3));
      if (tag === 'head') new DataView(copy.buffer).setUint32(8, 0);
      expect(sum(copy), tag).toBe(checksum);
    }
    expect(sum(bytes)).toBe(0xb1b0afba);
  });

  it('leaves the font book’s bytes of the face exactly as read (they are shared by every thread)', () => {
    for (const face of ['sc', 'kr', 'latin']) {
      const path = fonts.file(face, 'regular');
      const before = createHash('sha256').update(fonts.bytes(path)).digest('hex');
      subsetOf(face, TEXT);
      expect(createHash('sha256').update(fonts.bytes(path)).digest('hex'), face).toBe(before);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex'), face).toBe(before);
    }
  });

  it('is the same bytes for the same text, whatever was subset before', () => {
    const first = subsetOf('sc', TEXT).bytes;
    subsetOf('sc', '完全不同的文字');
    expect(Buffer.from(subsetOf('sc', TEXT).bytes).equals(Buffer.from(first))).toBe(true);
  });
});

function directory(bytes: Uint8Array): Map<string, { offset: number; length: number; checksum: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const out = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    out.set(tag, { checksum: u32(bytes, at + 4), offset: u32(bytes, at + 8), length: u32(bytes, at + 12) });
  }
  return out;
}

function sum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let total = 0;
  for (let i = 0; i < padded.length; i += 4) total = (total + view.getUint32(i)) >>> 0;
  return total;
}
