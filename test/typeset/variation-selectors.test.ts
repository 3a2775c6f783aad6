/**
 * A variation selector asks for another form of the character before it and is drawn by no glyph of its own: '©️' and
 * '™️' pasted from a phone or a word processor (U+FE0F after the sign), a Japanese name's ideographic variation
 * sequence (U+E0100…). The letter is set with the character's own glyph. Counted as characters, no face covered them
 * and check refused the letter for 'U+FE0F', a character no one sees.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const SELECTED = 'Noted ©\ufe0f ™\ufe0e ↔\ufe0f 葛\u{e0100}.';

describe('variation selectors', () => {
  it('are no character a face must cover', () => {
    for (const lang of ['en', 'ko', 'zh']) expect(toolFontBook().uncovered(SELECTED, lang), lang).toEqual([]);
    // A visible mark no face has is still an error.
    expect(toolFontBook().uncovered('1\u20e3', 'en')).toEqual([0x20e3]);
  });

  it('let the letter build, each character set with its own glyph', async () => {
    const dir = join(tempDir('letter-selectors-'), 'letter');
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    for (const lang of ['en', 'ko', 'zh']) {
      const file = join(dir, 'locales', lang, 'letter.json');
      const text = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      writeFileSync(file, JSON.stringify({ ...text, hope: `${text['hope']} ${SELECTED}` }, null, 2));
    }
    const checked = await check({ dir });
    expect(checked.errors).toEqual([]);
    const out = join(dir, 'dist');
    const built = await build({ dir, out, langs: ['en', 'zh'] });
    expect(built.errors).toEqual([]);
    if (!toolAvailable('pdftotext')) return;
    for (const lang of ['en', 'zh'])
      expect(pdfText(join(out, 'cn', `open-letter-2023.${lang}.pdf`)).replace(/\s+/g, ' '), lang).toContain(
        'Noted © ™ ↔ 葛.',
      );
  });
});
