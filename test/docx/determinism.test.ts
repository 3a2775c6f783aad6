/** Byte-reproducible DOCX: the same LetterDoc gives the same bytes, in any time zone, and the package is small. */

import { afterEach, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { exampleLetter, fonts, LANGS, parts } from './helpers.js';

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe.each(LANGS)('%s', (lang) => {
  it('renders identical bytes twice, across time zones', async () => {
    process.env['TZ'] = 'Pacific/Kiritimati';
    const first = (await renderDocx(exampleLetter(lang), { fonts })).bytes;
    process.env['TZ'] = 'America/Los_Angeles';
    const second = (await renderDocx(exampleLetter(lang), { fonts })).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('dates every zip entry by doc.meta.created (2023-12-10 00:00 UTC), whatever the clock says', async () => {
    process.env['TZ'] = 'Asia/Seoul';
    const bytes = Buffer.from((await renderDocx(exampleLetter(lang), { fonts })).bytes);
    const dosDate = ((2023 - 1980) << 9) | (12 << 5) | 10;
    let entries = 0;
    for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
      expect(bytes.readUInt16LE(at + 10)).toBe(0); // DOS time 00:00:00
      expect(bytes.readUInt16LE(at + 12)).toBe(dosDate);
      entries++;
    }
    expect(entries).toBe(Object.keys(parts(bytes)).length);
  });

  it('stays well under 1 MB with embedded subsets', async () => {
    const { bytes } = await renderDocx(exampleLetter(lang), { fonts });
    expect(bytes.length).toBeLessThan(400_000);
    const fontParts = Object.keys(parts(bytes)).filter((p) => p.endsWith('.odttf'));
    expect(fontParts.length).toBeGreaterThan(0);
  });
});

it('gives different letters different font keys', async () => {
  const key = (bytes: Uint8Array) =>
    /w:fontKey="([^"]+)"/.exec(Buffer.from(parts(bytes)['word/fontTable.xml']!).toString())![1];
  const ko = (await renderDocx(exampleLetter('ko'), { fonts })).bytes;
  const zh = (await renderDocx(exampleLetter('zh'), { fonts })).bytes;
  expect(key(ko)).not.toBe(key(zh));
});
