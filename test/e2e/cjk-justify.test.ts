/**
 * The example built as a user builds it: Korean and Chinese bodies are justified (templates/partials/align.LANG.hbs)
 * in the PDF and in the DOCX (w:jc="both", no automatic CJK–Latin spacing), English stays ragged.
 */

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { docxParts } from '../support/text.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const RIGHT = 595.28 - 72; // A4 less the right margin

/** How many lines of the PDF end within 0.5 pt of the right margin, and how many lines there are. */
function edgeLines(pdf: string): { atEdge: number; lines: number } {
  const xMax = [
    ...pdfText(pdf, ['-bbox-layout']).matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g),
  ].map((m) => Number(m[1]));
  return { atEdge: xMax.filter((x) => Math.abs(x - RIGHT) <= 0.5).length, lines: xMax.length };
}

describe('justified CJK letters, built', () => {
  it('ko and zh bodies are justified in the PDF and the DOCX, en stays ragged', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = tempDir('letter-justify-');
    cpSync(EXAMPLE, dir, { recursive: true });
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf', 'docx'] });
    expect(result.errors).toEqual([]);
    for (const lang of ['ko', 'zh', 'en'] as const) {
      const { atEdge, lines } = edgeLines(join(out, 'cn', `open-letter-2023.${lang}.pdf`));
      const styles = docxParts(join(out, 'cn', `open-letter-2023.${lang}.docx`))['word/styles.xml']!;
      const body = /<w:style [^>]*w:styleId="BodyText"[\s\S]*?<\/w:style>/.exec(styles)![0];
      if (lang === 'en') {
        expect(atEdge, 'en lines at the margin').toBeLessThan(lines / 10);
        expect(body).toContain('<w:jc w:val="left"/>');
      } else {
        // The body's lines but each paragraph's last reach the margin: well over half of the letter's lines.
        expect(atEdge, `${lang} lines at the margin`).toBeGreaterThan(lines / 2);
        expect(body).toContain('<w:jc w:val="both"/>');
      }
      expect(styles).toContain('<w:autoSpaceDE w:val="0"/>');
      expect(styles).toContain('<w:autoSpaceDN w:val="0"/>');
    }
  });
});
