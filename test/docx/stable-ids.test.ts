/**
 * DOCX ids without global patching (issue 18): docx draws font keys and hyperlink ids from Math.random; the renderer
 * leaves Math.random alone and rewrites those ids in the package's XML from the letter's seed, so two renders give
 * the same bytes whatever Math.random returns, and every embedded font still opens with its (new) key.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block, LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { exampleLetter, fonts, part, parts, text } from './helpers.js';

const t = (value: string) => text(value, 'extra', 'en');
const links: Block[] = [
  {
    type: 'paragraph',
    inlines: [
      t('See '),
      { type: 'link', url: 'https://www.ohchr.org/', children: [t('OHCHR')] },
      t(' and '),
      { type: 'link', url: 'mailto:info@example.org', children: [t('us')] },
    ],
  },
];
const linkLetter = (): LetterDoc => exampleLetter('en', links);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DOCX ids', () => {
  it('leaves Math.random alone: docx calls the one in place, and the bytes do not depend on what it returns', async () => {
    // Two different random sequences (an LCG from two seeds): ids drawn from them differ between the renders.
    const sequence = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const one = vi.spyOn(Math, 'random').mockImplementation(sequence(1));
    const first = (await renderDocx(linkLetter(), { fonts })).bytes;
    expect(one).toHaveBeenCalled();
    vi.spyOn(Math, 'random').mockImplementation(sequence(2));
    const second = (await renderDocx(linkLetter(), { fonts })).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives hyperlinks stable relationship ids that the document and its relationships agree on', async () => {
    const bytes = (await renderDocx(linkLetter(), { fonts })).bytes;
    const document = part(bytes, 'word/document.xml');
    const rels = part(bytes, 'word/_rels/document.xml.rels');
    const used = [...document.matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"/g)].map((m) => m[1]);
    expect(used).toEqual(['rIdLink1', 'rIdLink2']);
    expect(rels).toContain(
      'Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ohchr.org/"',
    );
    expect(rels).toContain('Target="mailto:info@example.org"');
  });

  it('obfuscates every embedded font with the key the font table gives it (the font restores to a TrueType file)', async () => {
    const bytes = (await renderDocx(exampleLetter('ko'), { fonts })).bytes;
    const table = part(bytes, 'word/fontTable.xml');
    const rels = part(bytes, 'word/_rels/fontTable.xml.rels');
    const all = parts(bytes);
    const embeds = [...table.matchAll(/<w:embed\w+ r:id="([^"]+)" w:fontKey="\{([^}]+)\}"/g)];
    expect(embeds.length).toBeGreaterThan(0);
    for (const [, id, key] of embeds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const font = Uint8Array.from(all[`word/${target}`]!);
      const bytesOfKey = key!
        .replace(/-/g, '')
        .match(/../g)!
        .map((h) => parseInt(h, 16))
        .reverse();
      for (let i = 0; i < 32; i++) font[i] = font[i]! ^ bytesOfKey[i % 16]!;
      expect(Buffer.from(font.subarray(0, 4)).toString('hex')).toBe('00010000');
    }
  });

  it('no source file assigns Math.random or another global', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const offending = files(join(import.meta.dirname, '..', '..', 'src')).filter((f) =>
      /\bMath\.\w+\s*=[^=]/.test(readFileSync(f, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
