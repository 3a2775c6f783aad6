/** Signed letters through the CLI: PAdES on every PDF, OOXML signatures and .p7s on every DOCX, and `letter verify`. */

import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { letterCli, libreOfficeUno, pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const LANGS = ['en', 'ko', 'zh'] as const;
let pki: TestPki;
const out = tempDir('letter-signed-');
let status: number;
let stderr: string;

beforeAll(() => {
  pki = makeTestPki(tempDir('letter-pki-'), { signerName: 'Crossing NK Signer' });
  const r = letterCli(['build', EXAMPLE, '--sign', '--p12', pki.p12, '--out', out, '--quiet'], { env: { ...process.env, LETTER_P12_PASSWORD: pki.password } });
  status = r.status;
  stderr = r.stderr;
});

const pdf = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.pdf`);
const docx = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.docx`);
const pdfsig = (file: string) => run('pdfsig', [...(pki.nssDir ? ['-nssdir', `sql:${pki.nssDir}`] : []), file]);

describe('letter build --sign', () => {
  it('writes every document signed, a .p7s beside each DOCX, and says so in the manifest', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { file: string; signed: boolean; p7s?: unknown }[] };
    expect(manifest.files).toHaveLength(6);
    for (const f of manifest.files) expect(f.signed).toBe(true);
    for (const lang of LANGS) expect(existsSync(`${docx(lang)}.p7s`)).toBe(true);
  });

  it.each(LANGS)('%s PDF: pdfsig reports a valid signature over the whole document; qpdf --check passes', (lang) => {
    if (!toolAvailable('pdfsig') || !toolAvailable('qpdf')) return;
    const r = pdfsig(pdf(lang));
    expect(r.stdout).toContain('Signature is Valid');
    expect(r.stdout).toContain('Total document signed');
    expect(r.stdout).toMatch(/SHA-?256/i);
    expect(run('qpdf', ['--check', pdf(lang)]).status).toBe(0);
  });

  it.each(LANGS)('%s PDF: the visible signature names the signer on the page', (lang) => {
    if (!toolAvailable('pdftotext')) return;
    expect(pdfText(pdf(lang))).toContain('Crossing NK Signer');
  });

  it('letter verify says every file is valid, and so does --manifest', () => {
    const files = LANGS.flatMap((lang) => [pdf(lang), docx(lang)]);
    const r = letterCli(['verify', ...files]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
    expect(r.stdout).not.toContain('INVALID');
    expect(letterCli(['verify', '--manifest', join(out, 'manifest.json')]).status).toBe(0);
  });

  it('one flipped byte inside the signed range: pdfsig and letter verify both report it invalid', () => {
    const tampered = join(tempDir('letter-tamper-'), 'tampered.pdf');
    const bytes = readFileSync(pdf('zh'));
    const at = Math.floor(bytes.indexOf('/ByteRange') / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(tampered, bytes);
    expect(letterCli(['verify', tampered]).status).toBe(1);
    if (!toolAvailable('pdfsig')) return;
    expect(pdfsig(tampered).stdout).not.toContain('Signature is Valid');
  });

  it('a changed word/document.xml makes letter verify report the DOCX invalid', async () => {
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(docx('en'))));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']!).replace('Crossing NK', 'Crossing NX'));
    const changed = join(tempDir('letter-tamper-'), 'changed.docx');
    writeFileSync(changed, zipSync(parts));
    expect(letterCli(['verify', changed]).status).toBe(1);
  });

  it('LibreOffice reports each DOCX signature valid', () => {
    if (!libreOfficeUno()) return;
    const verdicts = run('/usr/bin/python3', [join(import.meta.dirname, '..', 'sign', 'lo-verify.py'), ...LANGS.map(docx)], {
      env: { ...process.env, ...(pki.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${pki.nssDir}` } : {}) },
    });
    const lines = verdicts.stdout.trim().split('\n').map((l) => JSON.parse(l) as { signatures: { valid: boolean }[] });
    expect(lines).toHaveLength(3);
    for (const v of lines) expect(v.signatures.map((s) => s.valid)).toEqual([true]);
  });

  it('the .p7s verifies with openssl against the CA', () => {
    const r = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', `${docx('ko')}.p7s`, '-content', docx('ko'), '-CAfile', pki.caPem, '-out', '/dev/null']);
    expect(r.status).toBe(0);
  });
});

describe('signing with a wrong password', () => {
  it('exits 2, writes nothing, and never prints the password', () => {
    const target = tempDir('letter-wrong-pw-');
    const outDir = join(target, 'out');
    const secret = 'not-the-password-4711';
    const r = letterCli(['build', EXAMPLE, '--sign', '--p12', pki.p12, '--out', outDir, '--json'], { env: { ...process.env, LETTER_P12_PASSWORD: secret } });
    expect(r.status).toBe(2);
    expect(existsSync(outDir)).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(secret);
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: { code: string; file: string }[] };
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ code: 'p12' });
  });

  it('reads the password from --p12-password-file', () => {
    const dir = tempDir('letter-pwfile-');
    const file = join(dir, 'pw');
    writeFileSync(file, `${pki.password}\n`);
    const env = { ...process.env };
    delete env['LETTER_P12_PASSWORD'];
    const r = letterCli(['build', EXAMPLE, '--lang', 'ko', '--format', 'pdf', '--sign', '--p12', pki.p12, '--p12-password-file', file, '--out', join(dir, 'out'), '--quiet'], { env });
    expect(r.status).toBe(0);
    copyFileSync(join(dir, 'out', 'cn', 'open-letter-2023.ko.pdf'), join(dir, 'copy.pdf'));
    expect(letterCli(['verify', join(dir, 'copy.pdf')]).status).toBe(0);
  });
});
