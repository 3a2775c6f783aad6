/** PAdES signing of a real pdfkit letter, checked with pdfsig, qpdf, pdftotext, pdftoppm and verifyFile. */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadP12, signPdf, type SigningKey } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { toolAvailable } from '../support/tools.js';
import { SIGNING_TIME, SPEC, unsignedPdf } from './make-files.js';

const run = (cmd: string, args: string[]): { code: number; out: string } => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
};

describe('signPdf', () => {
  let dir: string;
  let pki: TestPki;
  let key: SigningKey;
  let signed: Uint8Array;
  let signedPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'letter-sign-pdf-'));
    pki = makeTestPki(dir);
    key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    signed = await signPdf(await unsignedPdf(), key, { signingTime: SIGNING_TIME });
    signedPath = join(dir, 'letter.ko.pdf');
    writeFileSync(signedPath, signed);
  });

  it('is a signature pdfsig calls valid, trusted, SHA-256 and covering the whole document', () => {
    if (!toolAvailable('pdfsig')) return;
    const args = pki.nssDir ? ['-nssdir', `sql:${pki.nssDir}`, signedPath] : [signedPath];
    const { out } = run('pdfsig', args);
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer Certificate Common Name: Letter Test Signer');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    if (pki.nssDir) expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('passes qpdf --check', () => {
    if (!toolAvailable('qpdf')) return;
    const { code, out } = run('qpdf', ['--check', signedPath]);
    expect(out).toContain('No syntax or stream encoding errors found');
    expect(code).toBe(0);
  });

  it('is reported valid by verifyFile, with signer and the claimed time', async () => {
    const report = await verifyFile(signedPath);
    expect(report).toMatchObject({
      kind: 'pdf',
      signed: true,
      valid: true,
      signer: 'Letter Test Signer',
      modifiedAfterSigning: false,
    });
    expect(report.signingTime).toBe('2026-03-01T09:30:00Z');
    expect(report.problems).toEqual([]);
  });

  it('is invalid after one byte inside the signed range changes', async () => {
    const bytes = Buffer.from(signed);
    const at = bytes.indexOf('/Title');
    bytes[at + 1] = 'X'.charCodeAt(0); // /Title → /Xitle: same length, inside ByteRange's first range
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const report = await verifyFile(tampered);
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toMatch(/digest mismatch/);
    if (toolAvailable('pdfsig')) {
      const { out } = run('pdfsig', [tampered]);
      expect(out).not.toContain('Signature is Valid');
      expect(out).toMatch(/Digest Mismatch|Signature is Invalid/);
    }
  });

  it('reports bytes appended after signing as modified', async () => {
    const appended = join(dir, 'appended.pdf');
    writeFileSync(appended, Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended\n')]));
    const report = await verifyFile(appended);
    expect(report.modifiedAfterSigning).toBe(true);
    expect(report.valid).toBe(false);
  });

  it('is byte-identical for the same PDF, key and time', async () => {
    const again = await signPdf(await unsignedPdf(), key, { signingTime: SIGNING_TIME });
    expect(Buffer.from(again).equals(Buffer.from(signed))).toBe(true);
  });

  it('shows the visible signature on the page: in /Annots, as text, and as ink', () => {
    if (!toolAvailable('qpdf')) return;
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=pages', '--json-key=acroform', signedPath], {
        encoding: 'utf8',
      }),
    ) as {
      pages: { object: string }[];
      acroform: { fields: { fieldtype: string; pageposfrom1: number; annotation: { object: string } }[] };
    };
    const field = json.acroform.fields[0]!;
    expect(field.fieldtype).toBe('/Sig');
    expect(field.pageposfrom1).toBe(2);
    const pageDict = execFileSync(
      'qpdf',
      [`--show-object=${json.pages[1]!.object.split(' ')[0]}`, signedPath],
      { encoding: 'utf8' },
    );
    expect(pageDict).toMatch(new RegExp(`/Annots \\[ ${field.annotation.object} \\]`));

    if (!toolAvailable('pdftotext')) return;
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', signedPath, '-'], {
      encoding: 'utf8',
    });
    for (const line of SPEC.appearanceLines) expect(text.replace(/\s+/g, ' ')).toContain(line);

    // Ink inside the box's rectangle on the page image: the border and the text are drawn, not left to the viewer.
    execFileSync('pdftoppm', [
      '-f',
      '2',
      '-l',
      '2',
      '-r',
      '72',
      '-gray',
      '-x',
      '330',
      '-y',
      '640',
      '-W',
      '220',
      '-H',
      '64',
      signedPath,
      join(dir, 'box'),
    ]);
    const pgm = readFileSync(join(dir, 'box-2.pgm'));
    const pixels = pgm.subarray(pgm.length - 220 * 64);
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(500);
  });

  it('signs a tagged PDF/A document drawn without page buffering, on the open last page', async () => {
    const pdf = await signPdf(await unsignedPdf(SPEC, { bufferPages: false, pdfa: true }), key, {
      signingTime: SIGNING_TIME,
    });
    const path = join(dir, 'pdfa.pdf');
    writeFileSync(path, pdf);
    expect((await verifyFile(path)).valid).toBe(true);
    if (toolAvailable('qpdf')) expect(run('qpdf', ['--check', path]).code).toBe(0);
    if (toolAvailable('pdfsig')) expect(run('pdfsig', [path]).out).toContain('Signature is Valid');
  });

  it('refuses a page pdfkit has already written out', async () => {
    await expect(unsignedPdf(SPEC, { bufferPages: false, pageIndex: 0 })).rejects.toThrow(
      /page 0 is no longer open.*bufferPages: true/,
    );
  });

  it('fails with sign-failed on a PDF without a signature field', async () => {
    await expect(
      signPdf(Buffer.from('%PDF-1.7\n%%EOF\n'), key, { signingTime: SIGNING_TIME }),
    ).rejects.toMatchObject({
      diagnostics: [{ code: 'sign-failed' }],
    });
  });

  it('draws each character of the appearance in a face that has it, and embeds those faces', async () => {
    if (!toolAvailable('pdffonts')) return;
    const spec = {
      ...SPEC,
      lang: 'en',
      appearanceLines: ['Signed by Letter Test Signer', '示例公民协会 / 예시 시민 협회', '2026-03-01'],
    };
    const path = join(dir, 'faces.pdf');
    writeFileSync(path, await signPdf(await unsignedPdf(spec), key, { signingTime: SIGNING_TIME }));
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerif-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('示例公民协会 / 예시 시민 협회');
  });

  it('names a character no face covers instead of drawing a blank', async () => {
    const spec = { ...SPEC, appearanceLines: ['Signer \u{1F600}'] };
    await expect(unsignedPdf(spec)).rejects.toMatchObject({
      diagnostics: [{ code: 'uncovered-character', message: expect.stringContaining('U+1F600') }],
    });
  });
});
