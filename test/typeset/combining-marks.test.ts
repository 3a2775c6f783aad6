/**
 * A letter and the combining marks after it (a name typed in decomposed form: 'Nguyễn' as e + U+0302 + U+0303) are set
 * in one run of one face. Picked character by character, a Chinese or Korean letter took the letter from the CJK face
 * and a mark that face lacks from Noto Serif, and a mark before a Han character was read as Chinese: either way the
 * mark was shaped apart from its letter, drawn beside it, and read back by pdftotext elsewhere on the line.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import { faceRuns } from '../../src/render/docx/faces.js';
import { styleRuns } from '../../src/typeset/runs.js';
import { spokenLangs } from '../../src/typeset/spoken.js';
import { MARK } from '../../src/unicode/index.js';
import { EXAMPLE_DIR, text } from '../support/example.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const NAME = 'José Nguyễn Ǻngström Zoë'.normalize('NFD');
const STYLE = { size: 11, bold: false, italic: false };

describe('combining marks', () => {
  it('take the spoken language of the letter before them', () => {
    expect(spokenLangs('Zoe\u0308主席', 'zh')).toEqual(['en', 'en', 'en', 'en', 'zh', 'zh']);
    expect(spokenLangs('e\u0302\u0303 한', 'ko')).toEqual(['en', 'en', 'en', 'ko', 'ko']);
  });

  it.each(['zh', 'ko', 'en'])('stay in the run and face of their letter in a %s letter', (lang) => {
    const runs = styleRuns([text(`尊敬的${NAME}主席`, 'salutation', lang)], lang, STYLE, toolFontBook());
    // No run starts with a mark: each mark is in its letter's run, so in its letter's face.
    for (const run of runs) expect(MARK.has(run.text.codePointAt(0)!), JSON.stringify(run.text)).toBe(false);
    expect(runs.map((run) => run.text).join('')).toBe(`尊敬的${NAME}主席`);
  });

  it.each(['zh', 'ko'])('stay in the DOCX run of their letter in a %s letter', (lang) => {
    const runs = faceRuns(`尊敬的${NAME}主席`, lang, toolFontBook());
    for (const run of runs) expect(MARK.has(run.text.codePointAt(0)!), JSON.stringify(run.text)).toBe(false);
    expect(runs.map((run) => run.text).join('')).toBe(`尊敬的${NAME}主席`);
  });

  it('read back in place from the PDF in every language', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = join(tempDir('letter-marks-'), 'letter');
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    const named = yaml.replace(
      'name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }',
      `name: { en: "${NAME}", ko: "${NAME}", zh: "${NAME}" }`,
    );
    expect(named).not.toBe(yaml);
    writeFileSync(join(dir, 'letter.yaml'), named);
    const out = join(dir, 'dist');
    const result = await build({ dir, out, formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    for (const lang of ['en', 'ko', 'zh'])
      expect(pdfText(join(out, 'cn', `open-letter-2023.${lang}.pdf`), ['-l', '1']), lang).toContain(NAME);
  });
});
