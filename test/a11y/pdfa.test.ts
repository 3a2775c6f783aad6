/** PDF/A-2b output: XMP identification, output intent, embedded fonts, qpdf-clean, repeatable, and signable (pdfsig). */

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolFontBook } from '../../src/fonts/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { loadP12, signPdf } from '../../src/sign/index.js';
import { exampleLetter, pdfFonts, scratch, writePdf } from '../pdf/helpers.js';
import { makeTestPki } from '../support/pki.js';
import { letterCli, toolAvailable } from '../support/tools.js';
import { catalog, deref, pdfString, qpdfObjects } from './read-back.js';

const fonts = toolFontBook();
const haveTools = toolAvailable('pdfinfo') && toolAvailable('qpdf') && toolAvailable('pdffonts');
const SIGNING_TIME = new Date('2023-12-10T09:00:00Z');

function qpdfCheck(path: string): { code: number; out: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function xmp(path: string): string {
  return execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
}

describe.skipIf(!haveTools)('PDF/A-2b', () => {
  const dir = scratch();
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    for (const lang of ['en', 'ko', 'zh'] as const) {
      const { bytes } = await renderPdf(exampleLetter(lang, { repeat: 2 }), { fonts, pdfa: true });
      paths[lang] = writePdf(bytes, dir, `letter.${lang}.pdf`);
    }
  });

  it('says pdfaid part 2, conformance B, and PDF/UA-1 (declared as a PDF/A extension schema) in XMP', () => {
    for (const path of Object.values(paths)) {
      const meta = xmp(path);
      expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(meta).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
      expect(meta).toContain('<xmp:ModifyDate>2023-12-10T00:00:00Z</xmp:ModifyDate>');
    }
  });

  it('has an sRGB output intent with an embedded ICC profile', () => {
    const objects = qpdfObjects(paths['ko']!);
    const intents = catalog(objects)['/OutputIntents'];
    expect(Array.isArray(intents)).toBe(true);
    const intent = deref(objects, (intents as string[])[0])!;
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(pdfString(intent['/OutputConditionIdentifier'])).toBe('sRGB IEC61966-2.1');
    const profile = objects[`obj:${intent['/DestOutputProfile'] as string}`];
    expect(profile?.stream?.dict['/N']).toBe(3);
  });

  it('embeds (and subsets) every font it uses, Korean, Chinese and Latin alike', () => {
    for (const path of Object.values(paths)) {
      const rows = pdfFonts(path);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(row.emb, `${row.name} in ${path}`).toBe('yes');
        expect(row.name).toMatch(/^[A-Z]{6}\+Noto/);
      }
    }
  });

  it('passes qpdf --check, is still tagged, and repeats byte for byte', async () => {
    for (const path of Object.values(paths)) {
      const { code, out } = qpdfCheck(path);
      expect(out).toContain('No syntax or stream encoding errors found');
      expect(code).toBe(0);
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    }
    const again = await renderPdf(exampleLetter('ko', { repeat: 2 }), { fonts, pdfa: true });
    expect(Buffer.from(again.bytes).equals(readFileSync(paths['ko']!))).toBe(true);
  });

  it('writes a title with & and < into well-formed XMP, and the info dictionary as written', async () => {
    const doc = exampleLetter('en');
    const { bytes } = await renderPdf(
      { ...doc, meta: { ...doc.meta, title: 'Peace & Security <2023>' } },
      { fonts, pdfa: true },
    );
    const path = writePdf(bytes, dir, 'amp.pdf');
    const meta = xmp(path);
    expect(meta).toContain('Peace &#38; Security &#60;2023&#62;');
    expect(meta).not.toMatch(/Peace & /);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Title:\s+Peace & Security <2023>/);
  });

  it('can be signed on top (PAdES): pdfsig calls the signature valid and the file is still PDF/A and qpdf-clean', async () => {
    if (!toolAvailable('pdfsig')) return;
    const pki = makeTestPki(dir);
    const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    const signatureField = {
      name: 'Signature1',
      reason: 'Open letter',
      location: 'Toronto',
      contactInfo: 'crossingnk@gmail.com',
      signerName: key.signerName,
      signingTime: SIGNING_TIME,
      appearanceLines: [key.signerName, 'Crossing NK', '2023-12-10'],
    };
    const { bytes } = await renderPdf(exampleLetter('ko'), { fonts, pdfa: true, signatureField });
    const path = writePdf(await signPdf(bytes, key, { signingTime: SIGNING_TIME }), dir, 'signed.ko.pdf');
    const args = pki.nssDir ? ['-nssdir', `sql:${pki.nssDir}`, path] : [path];
    const out = spawnSync('pdfsig', args, { encoding: 'utf8' });
    expect(`${out.stdout}${out.stderr}`).toContain('Signature Validation: Signature is Valid.');
    expect(`${out.stdout}${out.stderr}`).toContain('Total document signed');
    expect(xmp(path)).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(qpdfCheck(path).code).toBe(0);
    expect(pdfFonts(path).every((row) => row.emb === 'yes')).toBe(true);
    // PDF/UA: the signature widget is in the structure, as a Form element pointing at it.
    const objects = qpdfObjects(path);
    const treeRoot = deref(objects, catalog(objects)['/StructTreeRoot'])!;
    const form = (treeRoot['/K'] as string[]).map((k) => deref(objects, k)!).find((e) => e['/S'] === '/Form');
    const objr = deref(objects, form?.['/K']);
    expect(objr?.['/Type']).toBe('/OBJR');
    expect(deref(objects, objr?.['/Obj'])).toMatchObject({
      '/FT': '/Sig',
      '/StructParent': expect.any(Number),
    });
  });
});

describe.skipIf(!haveTools)('asking for PDF/A', () => {
  const example = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

  it('`pdf: { standard: PDF/A-2b }` in letter.yaml makes every PDF PDF/A; without it, none is', async () => {
    const dir = scratch();
    cpSync(example, join(dir, 'p'), { recursive: true });
    const yaml = join(dir, 'p', 'letter.yaml');
    const plain = await build({
      dir: join(dir, 'p'),
      out: join(dir, 'plain'),
      formats: ['pdf'],
      langs: ['ko'],
    });
    expect(plain.errors).toEqual([]);
    expect(xmp(join(dir, 'plain', 'cn', 'open-letter-2023.ko.pdf'))).not.toContain('pdfaid:part');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}pdf: { standard: PDF/A-2b }\n`);
    const archival = await build({
      dir: join(dir, 'p'),
      out: join(dir, 'pdfa'),
      formats: ['pdf'],
      langs: ['ko'],
    });
    expect(archival.errors).toEqual([]);
    expect(xmp(join(dir, 'pdfa', 'cn', 'open-letter-2023.ko.pdf'))).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  it('`letter build --pdfa` does the same from the command line', () => {
    const out = join(scratch(), 'out');
    const r = letterCli([
      'build',
      example,
      '--pdfa',
      '--lang',
      'en',
      '--format',
      'pdf',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status).toBe(0);
    expect(xmp(join(out, 'cn', 'open-letter-2023.en.pdf'))).toContain('<pdfaid:part>2</pdfaid:part>');
  });
});
