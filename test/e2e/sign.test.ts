/** Signed letters through the CLI: PAdES on every PDF, OOXML signatures and .p7s on every DOCX, and `letter verify`. */

import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, opensslCmsVerify, type TestPki } from '../support/pki.js';
import { letterCli, libreOfficeUno, pdfText, run, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const LANGS = ['en', 'ko', 'zh'] as const;
let pki: TestPki;
const out = tempDir('letter-signed-');
let status: number;
let stderr: string;

beforeAll(() => {
  pki = makeTestPki(tempDir('letter-pki-'), { signerName: 'Crossing NK Signer' });
  const r = letterCli(['build', EXAMPLE, '--sign', '--p12', pki.p12, '--out', out, '--quiet'], {
    env: { ...process.env, LETTER_P12_PASSWORD: pki.password },
  });
  status = r.status;
  stderr = r.stderr;
});

const pdf = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.pdf`);
const docx = (lang: string) => join(out, 'cn', `open-letter-2023.${lang}.docx`);
const pdfsig = (file: string) =>
  run('pdfsig', [...(pki.nssDir ? ['-nssdir', `sql:${pki.nssDir}`] : []), file]);

describe('letter build --sign', () => {
  it('writes every document signed, a .p7s beside each DOCX, and says so in the manifest', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { file: string; signed: boolean; p7s?: unknown }[];
    };
    expect(manifest.files).toHaveLength(6);
    for (const f of manifest.files) expect(f.signed).toBe(true);
    for (const lang of LANGS) expect(existsSync(`${docx(lang)}.p7s`)).toBe(true);
  });

  it.each(LANGS)(
    '%s PDF: pdfsig reports a valid signature over the whole document; qpdf --check passes',
    (lang) => {
      if (!toolAvailable('pdfsig') || !toolAvailable('qpdf')) return;
      const r = pdfsig(pdf(lang));
      expect(r.stdout).toContain('Signature is Valid');
      expect(r.stdout).toContain('Total document signed');
      expect(r.stdout).toMatch(/SHA-?256/i);
      expect(run('qpdf', ['--check', pdf(lang)]).status).toBe(0);
    },
  );

  it.each(LANGS)('%s PDF: the visible signature names the signer on the page', (lang) => {
    if (!toolAvailable('pdftotext')) return;
    expect(pdfText(pdf(lang))).toContain('Crossing NK Signer');
  });

  it('letter verify says every file is valid, and so does --manifest', () => {
    const files = LANGS.flatMap((lang) => [pdf(lang), docx(lang)]);
    const r = letterCli(['verify', ...files]);
    expect(r.status).toBe(0);
    // One line per file, then one indented line per signature.
    expect(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith(' ')),
    ).toHaveLength(6);
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
    parts['word/document.xml'] = strToU8(
      strFromU8(parts['word/document.xml']!).replace('Crossing NK', 'Crossing NX'),
    );
    const changed = join(tempDir('letter-tamper-'), 'changed.docx');
    writeFileSync(changed, zipSync(parts));
    expect(letterCli(['verify', changed]).status).toBe(1);
  });

  it('LibreOffice reports each DOCX signature valid', () => {
    if (!libreOfficeUno()) return;
    const verdicts = run(
      '/usr/bin/python3',
      [join(import.meta.dirname, '..', 'sign', 'lo-verify.py'), ...LANGS.map(docx)],
      {
        env: { ...process.env, ...(pki.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${pki.nssDir}` } : {}) },
      },
    );
    const lines = verdicts.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { signatures: { valid: boolean }[] });
    expect(lines).toHaveLength(3);
    for (const v of lines) expect(v.signatures.map((s) => s.valid)).toEqual([true]);
  });

  it('the .p7s verifies with openssl against the CA', () => {
    expect(opensslCmsVerify(`${docx('ko')}.p7s`, docx('ko'), pki.caPem)).toBe(0);
  });
});

describe('signing with a wrong password', () => {
  it('exits 2, writes nothing, and never prints the password', () => {
    const target = tempDir('letter-wrong-pw-');
    const outDir = join(target, 'out');
    const secret = 'not-the-password-4711';
    const r = letterCli(['build', EXAMPLE, '--sign', '--p12', pki.p12, '--out', outDir, '--json'], {
      env: { ...process.env, LETTER_P12_PASSWORD: secret },
    });
    expect(r.status).toBe(2);
    expect(existsSync(outDir)).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(secret);
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: { code: string; file: string }[] };
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ code: 'p12' });
  });

  it('never prints a password given on the command line or where the password file goes (text and --json)', () => {
    const secret = 'hunter2-secret-4711';
    for (const json of [[], ['--json']]) {
      const inline = letterCli(['build', EXAMPLE, `--p12-password=${secret}`, ...json]);
      expect(inline.status).toBe(2);
      expect(inline.stdout + inline.stderr).not.toContain(secret);
      expect(inline.stdout + inline.stderr).toContain('--p12-password=…');
      const asPath = letterCli([
        'build',
        EXAMPLE,
        '--sign',
        '--p12',
        pki.p12,
        '--p12-password-file',
        secret,
        ...json,
      ]);
      expect(asPath.status).toBe(2);
      expect(asPath.stdout + asPath.stderr).not.toContain(secret);
      expect(asPath.stdout + asPath.stderr).toContain('cannot read the file given to --p12-password-file');
    }
  });

  it('reads the password from --p12-password-file', () => {
    const dir = tempDir('letter-pwfile-');
    const file = join(dir, 'pw');
    writeFileSync(file, `${pki.password}\n`);
    const env = { ...process.env };
    delete env['LETTER_P12_PASSWORD'];
    const r = letterCli(
      [
        'build',
        EXAMPLE,
        '--lang',
        'ko',
        '--format',
        'pdf',
        '--sign',
        '--p12',
        pki.p12,
        '--p12-password-file',
        file,
        '--out',
        join(dir, 'out'),
        '--quiet',
      ],
      { env },
    );
    expect(r.status).toBe(0);
    copyFileSync(join(dir, 'out', 'cn', 'open-letter-2023.ko.pdf'), join(dir, 'copy.pdf'));
    expect(letterCli(['verify', join(dir, 'copy.pdf')]).status).toBe(0);
  });
});

/** 2023-12-10T00:00:00Z, the example letter's date, as SOURCE_DATE_EPOCH. */
const LETTER_DATE = Date.parse('2023-12-10T00:00:00Z') / 1000;

/** The environment of a signed build: the password, and no SOURCE_DATE_EPOCH unless the test sets one. */
function signingEnv(password: string, sourceDateEpoch?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LETTER_P12_PASSWORD: password };
  delete env['SOURCE_DATE_EPOCH'];
  if (sourceDateEpoch !== undefined) env['SOURCE_DATE_EPOCH'] = String(sourceDateEpoch);
  return env;
}

interface VerifyJson {
  ok: boolean;
  reports: { file: string; valid: boolean; signingTime?: string; problems: string[] }[];
}

describe('a certificate issued after the signing instant SOURCE_DATE_EPOCH pins (2023-12-10)', () => {
  const NOT_BEFORE = '2024-06-01T12:34:56Z';
  let young: TestPki;
  const dir = tempDir('letter-young-cert-');
  const outDir = join(dir, 'out');
  let build: { status: number; stdout: string; stderr: string };
  const file = (ext: string) => join(outDir, 'cn', `open-letter-2023.en.${ext}`);

  beforeAll(() => {
    young = makeTestPki(join(dir, 'pki'), {
      validity: { notBefore: new Date(NOT_BEFORE), notAfter: new Date('2040-01-01T00:00:00Z') },
    });
    build = letterCli(['build', EXAMPLE, '--lang', 'en', '--sign', '--p12', young.p12, '--out', outDir], {
      env: signingEnv(young.password, LETTER_DATE),
    });
  });

  it("builds (exit 0) and warns that the signatures claim the certificate's notBefore, and how to choose", () => {
    expect(build.status).toBe(0);
    expect(build.stderr).toContain(`${young.p12}: warning: the signing instant 2023-12-10T00:00:00Z`);
    expect(build.stderr).toContain(`the signatures claim ${NOT_BEFORE}`);
    expect(build.stderr).toContain('set SOURCE_DATE_EPOCH');
  });

  it('letter verify: the PDF and the DOCX (with its .p7s) are both valid and both claim notBefore', () => {
    const r = letterCli(['verify', file('pdf'), file('docx'), '--json']);
    const report = JSON.parse(r.stdout) as VerifyJson;
    expect(report.reports.map((x) => [x.valid, x.signingTime, x.problems])).toEqual([
      [true, NOT_BEFORE, []],
      [true, NOT_BEFORE, []],
    ]);
    expect(r.status).toBe(0);
  });

  it('pdfsig calls the PDF signature valid, signed at notBefore; openssl verifies the .p7s against the CA', () => {
    if (toolAvailable('pdfsig')) {
      // pdfsig prints the time in the local zone.
      const sig = run('pdfsig', [...(young.nssDir ? ['-nssdir', `sql:${young.nssDir}`] : []), file('pdf')], {
        env: { ...process.env, TZ: 'UTC' },
      }).stdout;
      expect(sig).toContain('Signature is Valid');
      expect(sig).toContain('Signing Time: Jun 01 2024 12:34:56');
    }
    expect(opensslCmsVerify(`${file('docx')}.p7s`, file('docx'), young.caPem)).toBe(0);
  });

  it('LibreOffice reports the DOCX signature valid', () => {
    if (!libreOfficeUno()) return;
    const verdict = run(
      '/usr/bin/python3',
      [join(import.meta.dirname, '..', 'sign', 'lo-verify.py'), file('docx')],
      {
        env: {
          ...process.env,
          ...(young.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${young.nssDir}` } : {}),
        },
      },
    );
    const line = JSON.parse(verdict.stdout.trim()) as { signatures: { valid: boolean }[] };
    expect(line.signatures.map((s) => s.valid)).toEqual([true]);
  });

  it("keeps the document's own dates: the letter's date line and the PDF's creation date stay 2023-12-10", async () => {
    if (!toolAvailable('pdftotext') || !toolAvailable('pdfinfo')) return;
    expect(pdfText(file('pdf'))).toContain('December 10, 2023');
    expect(run('pdfinfo', ['-isodates', file('pdf')]).stdout).toMatch(/CreationDate:\s+2023-12-10T00:00:00/);
    const { unzipSync, strFromU8 } = await import('fflate');
    const core = strFromU8(unzipSync(new Uint8Array(readFileSync(file('docx'))))['docProps/core.xml']!);
    expect(core).toContain('2023-12-10T00:00:00Z');
  });
});

describe('a certificate that expired before the build runs', () => {
  const dir = tempDir('letter-expired-cert-');
  let expired: TestPki;

  beforeAll(() => {
    expired = makeTestPki(join(dir, 'pki'), {
      validity: { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2023-01-01T00:00:00Z') },
    });
  });

  it('refuses to sign: exit 2, nothing written, the expiry and the signing time named, with what to do', () => {
    const outDir = join(dir, 'refused');
    const r = letterCli(['build', EXAMPLE, '--sign', '--p12', expired.p12, '--out', outDir, '--json'], {
      env: signingEnv(expired.password),
    });
    expect(r.status).toBe(2);
    expect(existsSync(outDir)).toBe(false);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      errors: { code: string; message: string; hint: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.code).toBe('p12');
    expect(report.errors[0]!.message).toMatch(
      /the certificate expired on 2023-01-01T00:00:00Z, before the signing time 20\d\d-/,
    );
    expect(report.errors[0]!.hint).toContain('SOURCE_DATE_EPOCH');
  });

  it('with SOURCE_DATE_EPOCH inside its validity, as the hint says, it signs and verifies, warning that it has expired since', () => {
    const outDir = join(dir, 'within');
    const r = letterCli(
      ['build', EXAMPLE, '--lang', 'ko', '--sign', '--p12', expired.p12, '--out', outDir, '--json'],
      {
        env: signingEnv(expired.password, Date.parse('2022-07-01T00:00:00Z') / 1000),
      },
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { warnings: { code: string; message: string; hint: string }[] };
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'p12',
        message: expect.stringContaining('the certificate expired on 2023-01-01T00:00:00Z'),
      }),
    ]);
    const v = JSON.parse(
      letterCli(['verify', '--manifest', join(outDir, 'manifest.json'), '--json']).stdout,
    ) as VerifyJson;
    expect(v.reports.map((x) => [x.valid, x.signingTime])).toEqual([
      [true, '2022-07-01T00:00:00Z'],
      [true, '2022-07-01T00:00:00Z'],
    ]);
  });
});
