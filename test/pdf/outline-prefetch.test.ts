/**
 * The outlines a PDF's subsets need are read ahead while pdfkit loads (src/render/pdf/outlines.ts). A face file that
 * changed on disk since it was parsed fails that read: drawPdf must reject with the file named, and the read ahead must
 * not end as an unhandled rejection first (a crash with a stack trace) while pdfkit is still loading. This file is the
 * first in its worker to load pdfkit, as a one-letter build is, so the read ends before the load does.
 */

import { copyFileSync, readdirSync, symlinkSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook, toolFontBook } from '../../src/fonts/index.js';
import { drawPdf } from '../../src/render/pdf/index.js';
import { typesetLetter } from '../../src/typeset/index.js';
import { tempDir } from '../support/tools.js';
import { exampleLetter } from './helpers.js';

describe('outlines read ahead', () => {
  it('from a face changed since it was parsed: drawPdf rejects naming the file, nothing left unhandled', async () => {
    const tool = toolFontBook();
    const changed = tool.file('sc', 'regular');
    const dir = tempDir('letter-prefetch-');
    for (const name of readdirSync(tool.dir)) {
      if (name === basename(changed)) copyFileSync(join(tool.dir, name), join(dir, name));
      else symlinkSync(join(tool.dir, name), join(dir, name));
    }
    const fonts = new FontBook(dir);
    await fonts.loadShaper();
    const paged = typesetLetter(exampleLetter('zh'), { fonts });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, basename(changed)), later, later);
    await expect(drawPdf(paged, { fonts })).rejects.toThrow(
      /NotoSerifSC-Regular\.ttf changed while the build/,
    );
  });
});
