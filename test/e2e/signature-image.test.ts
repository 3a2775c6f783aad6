/** Handwritten signature images on the page and in the DOCX, beside the cryptographic signature's visible field. */

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { makeTestPki } from '../support/pki.js';
import { signaturePng } from '../support/png.js';
import { docxParts } from '../support/text.js';
import { run, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const dir = tempDir('letter-sigimg-');
const out = join(dir, 'dist');
let result: BuildResult;

beforeAll(async () => {
  cpSync(EXAMPLE, dir, { recursive: true });
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'cfnk.png'), signaturePng());
  writeFileSync(join(dir, 'assets', 'crossingnk.png'), signaturePng());
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8')
    .replace(
      '    email: canadanorthkorean@gmail.com',
      '    email: canadanorthkorean@gmail.com\n    signature: assets/cfnk.png',
    )
    .replace(
      '    email: crossingnk@gmail.com',
      '    email: crossingnk@gmail.com\n    signature: assets/crossingnk.png',
    );
  writeFileSync(join(dir, 'letter.yaml'), yaml);
  const pki = makeTestPki(tempDir('letter-sigimg-pki-'));
  result = await build({ dir, out, langs: ['ko', 'en'], sign: { p12: pki.p12, password: pki.password } });
});

describe('signature images', () => {
  it("builds signed documents with both signatories' images", () => {
    expect(result.errors).toEqual([]);
    expect(result.outputs).toHaveLength(4);
  });

  it.each(['ko', 'en'])(
    '%s PDF: both images are drawn on the signatures page, and the signature field is an annotation there',
    (lang) => {
      if (!toolAvailable('pdfimages') || !toolAvailable('pdfinfo')) return;
      const file = join(out, 'cn', `open-letter-2023.${lang}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)![1]);
      const images = run('pdfimages', ['-list', file])
        .stdout.trim()
        .split('\n')
        .slice(2)
        .map((row) => row.trim().split(/\s+/));
      const lastPage = images.filter((cols) => Number(cols[0]) === pages && cols[2] === 'image');
      expect(lastPage).toHaveLength(2);
      for (const cols of lastPage) expect(cols.slice(3, 5)).toEqual(['240', '80']);
      const pageList = (
        JSON.parse(run('qpdf', ['--json', '--json-key=pages', file]).stdout) as {
          pages: { object: string }[];
        }
      ).pages;
      const lastPageObject = run('qpdf', [
        `--show-object=${pageList[pages - 1]!.object.split(' ')[0]}`,
        file,
      ]).stdout;
      expect(lastPageObject).toMatch(/\/Annots/);
      expect(run('pdfsig', [file]).stdout).toContain('Signature is Valid');
    },
  );

  it('DOCX: both images are in the package with their alt text', () => {
    const parts = docxParts(join(out, 'cn', 'open-letter-2023.ko.docx'));
    const xml = parts['word/document.xml']!;
    expect([...xml.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '캐나다 탈북인 총연합회 서명',
      '크로싱 엔케이 서명',
    ]);
    expect(parts['word/_rels/document.xml.rels']).toMatch(/Target="media\/[^"]+\.png"/);
  });
});
