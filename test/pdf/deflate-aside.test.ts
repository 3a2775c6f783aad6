/**
 * A process drawing on one thread deflates its PDFs' font streams on libuv's thread pool while the pages are drawn
 * (src/render/pdf/font-streams.ts, `deflateAside`); a batch's render threads deflate them in place. The bytes must be
 * the same either way: each test fails if the pool's deflate were given other options than deflateSync's defaults.
 */

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FontBook, toolFontBook } from '../../src/fonts/index.js';
import { deflateBytes } from '../../src/render/pdf/font-streams.js';
import { drawPdf } from '../../src/render/pdf/index.js';
import { typesetLetter } from '../../src/typeset/index.js';
import { exampleLetter } from './helpers.js';

describe('font streams deflated aside', () => {
  it('are the bytes deflated in place, short and longer than one output chunk', async () => {
    const text = Buffer.from('<0000> <0041 0301> '.repeat(40_000), 'latin1');
    // Random bytes do not compress: the output passes the pool's 256 KB output chunk.
    for (const bytes of [new Uint8Array(0), text, randomBytes(400_000)]) {
      expect(Buffer.from(await deflateBytes(bytes, true))).toEqual(
        Buffer.from(await deflateBytes(bytes, false)),
      );
    }
  });

  it('give the PDF drawn with them deflated in place', async () => {
    for (const lang of ['zh', 'en'] as const) {
      // A font book each: subsets are kept per parsed face, so the second drawing makes its own.
      const draw = async (deflateAside: boolean) => {
        const fonts = new FontBook(toolFontBook().dir);
        await fonts.loadShaper();
        const paged = typesetLetter(exampleLetter(lang), { fonts });
        return Buffer.from((await drawPdf(paged, { fonts, deflateAside })).bytes);
      };
      expect(await draw(true)).toEqual(await draw(false));
    }
  });
});
