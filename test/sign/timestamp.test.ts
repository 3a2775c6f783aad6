/** RFC 3161 time-stamps (PAdES/XAdES/CAdES B-T) from a local TSA, checked when signing and when verifying. */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { loadP12, signDocx, signPdf, type SigningKey } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { verifyDetached } from '../../src/verify/cms.js';
import { signatureDigest } from '../../src/sign/tsp.js';
import { makeTestPki, signedBuild, type TestPki } from '../support/pki.js';
import { startTestTsa, type TestTsa } from '../support/tsa.js';
import { libreOfficeUno, run, tempDir, toolAvailable } from '../support/tools.js';
import { unsignedDocx, unsignedPdf } from './make-files.js';

const dir = tempDir('letter-tsa-');
let pki: TestPki;
let tsa: TestTsa;
let key: SigningKey;
let pdfPath: string;
let docxPath: string;
const started = Date.now();

/** The CMS in a signed PDF's /Contents. */
function pdfCms(pdf: Buffer): Buffer {
  const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)/.exec(pdf.toString('latin1'))!;
  return Buffer.from(pdf.toString('latin1', Number(m[1]) + 1, Number(m[2]) - 1), 'hex');
}

beforeAll(async () => {
  toolAvailable('openssl');
  pki = makeTestPki(join(dir, 'pki'));
  tsa = await startTestTsa(join(dir, 'tsa'));
  key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
  const signingTime = new Date();
  pdfPath = join(dir, 'stamped.pdf');
  writeFileSync(pdfPath, await signPdf(await unsignedPdf(), key, { signingTime, tsa: `${tsa.url}/good` }));
  const signed = await signDocx(await unsignedDocx(), key, { signingTime, tsa: `${tsa.url}/good` });
  docxPath = join(dir, 'stamped.docx');
  writeFileSync(docxPath, signed.docx);
  writeFileSync(`${docxPath}.p7s`, signed.p7s);
}, 60_000);

afterAll(() => tsa?.stop());

describe('--tsa: a signature time-stamp on each signature', () => {
  it('PDF: letter verify reports PAdES B-T, the claimed time and the time-stamp by the TSA, intact', async () => {
    const report = await verifyFile(pdfPath);
    expect(report.valid).toBe(true);
    const [sig] = report.signatures!;
    expect(sig).toMatchObject({
      form: 'PAdES',
      level: 'B-T',
      signer: 'Letter Test Signer',
      intact: true,
      timestamp: { authority: 'Letter Test TSA' },
    });
    const stamped = Date.parse(sig!.timestamp!.time);
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000 - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('PDF: openssl ts -verify accepts the token over the signature value; pdfsig still calls the signature valid', () => {
    const cms = verifyDetached(pdfCms(readFileSync(pdfPath)), []);
    const token = join(dir, 'token.der');
    writeFileSync(token, cms.timeStampToken!);
    const digest = signatureDigest(cms.signatureValue!).toString('hex');
    const r = run('openssl', [
      'ts',
      '-verify',
      '-in',
      token,
      '-token_in',
      '-digest',
      digest,
      '-CAfile',
      tsa.certPem,
    ]);
    expect(r.stdout).toContain('Verification: OK');
    if (!toolAvailable('pdfsig')) return;
    // poppler 22.12's pdfsig prints no time-stamp; it must still find the CMS with its unsigned attribute valid.
    expect(run('pdfsig', [pdfPath]).stdout).toContain('Signature is Valid');
  });

  it('DOCX: the XAdES signature and the .p7s are both B-T, and LibreOffice still validates the signature', async () => {
    const report = await verifyFile(docxPath);
    expect(report.valid).toBe(true);
    expect(report.signatures!.map((s) => [s.form, s.level, s.timestamp?.authority])).toEqual([
      ['XAdES', 'B-T', 'Letter Test TSA'],
      ['CAdES', 'B-T', 'Letter Test TSA'],
    ]);
    if (!libreOfficeUno()) return;
    const verdict = run('/usr/bin/python3', [join(import.meta.dirname, 'lo-verify.py'), docxPath], {
      env: { ...process.env, ...(pki.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${pki.nssDir}` } : {}) },
    });
    expect(
      (JSON.parse(verdict.stdout.trim()) as { signatures: { valid: boolean }[] }).signatures.map(
        (s) => s.valid,
      ),
    ).toEqual([true]);
  });

  it('a tampered time-stamp is caught, while the signature itself stays intact', async () => {
    const pdf = readFileSync(pdfPath);
    const token = verifyDetached(pdfCms(pdf), []).timeStampToken!;
    // The genTime inside the TSTInfo: one digit of its year, in the hex of /Contents (outside the signed ranges).
    const text = pdf.toString('latin1');
    const tokenHex = Buffer.from(token).toString('hex').toUpperCase();
    const tokenAt = text.toUpperCase().indexOf(tokenHex);
    expect(tokenAt).toBeGreaterThan(0);
    const yearHex = Buffer.from(String(new Date().getUTCFullYear())).toString('hex').toUpperCase();
    const yearAt = text.toUpperCase().indexOf(yearHex, tokenAt);
    const tampered = Buffer.from(pdf);
    tampered[yearAt + 7] = tampered[yearAt + 7] === 0x31 ? 0x32 : 0x31; // last digit of the year
    const file = join(dir, 'tampered-stamp.pdf');
    writeFileSync(file, tampered);
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.signatures![0]!.intact).toBe(true);
    expect(report.problems.join('\n')).toMatch(
      /the signature time-stamp is not valid: the time-stamp token was changed/,
    );
  });

  it.each([
    [
      'other-digest',
      /the time-stamp is for other data: its message imprint is not the digest of this signature/,
    ],
    ['refuse', /refused the request \(PKIStatus 2\)/],
    ['garbage', /not an RFC 3161 TimeStampResp/],
  ])(
    'a TSA reply that fails its checks (%s) stops signing with a clear message naming --tsa',
    async (mode, message) => {
      let error: unknown;
      try {
        await signPdf(await unsignedPdf(), key, { signingTime: new Date(), tsa: `${tsa.url}/${mode}` });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LetterError);
      const [d] = (error as LetterError).diagnostics;
      expect(d!.code).toBe('sign-failed');
      expect(d!.message).toMatch(message);
      expect(d!.hint).toContain('--tsa');
    },
  );
});

describe('letter build --tsa', () => {
  const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

  it('time-stamps every PDF and DOCX of a build; letter verify --json says B-T', async () => {
    const { letterCli } = await import('../support/tools.js');
    const out = join(dir, 'out');
    const r = signedBuild(pki, EXAMPLE, out, ['--lang', 'ko', '--tsa', `${tsa.url}/good`, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const v = letterCli(['verify', '--manifest', join(out, 'manifest.json'), '--json']);
    const result = JSON.parse(v.stdout) as {
      ok: boolean;
      reports: { signatures: { form: string; level: string }[] }[];
    };
    expect(result.ok).toBe(true);
    expect(result.reports.flatMap((x) => x.signatures.map((s) => `${s.form} ${s.level}`)).sort()).toEqual([
      'CAdES B-T',
      'PAdES B-T',
      'XAdES B-T',
    ]);
    const text = letterCli(['verify', join(out, 'cn', 'open-letter-2023.ko.pdf')]).stdout;
    expect(text).toMatch(
      /PAdES B-T; signer Letter Test Signer \(issued by Letter Test CA\); claimed \S+; time-stamped \S+ by Letter Test TSA; intact/,
    );
    // The letter's own DOCX, as the build wrote it (XAdES-T): LibreOffice validates its signature too.
    if (!libreOfficeUno()) return;
    const verdict = run(
      '/usr/bin/python3',
      [join(import.meta.dirname, 'lo-verify.py'), join(out, 'cn', 'open-letter-2023.ko.docx')],
      {
        env: { ...process.env, ...(pki.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${pki.nssDir}` } : {}) },
      },
    );
    expect(
      (JSON.parse(verdict.stdout.trim()) as { signatures: { valid: boolean; signer: string | null }[] })
        .signatures,
    ).toMatchObject([{ valid: true }]);
  });

  it('a TSA URL with a key in its query is sent as given, and the key is in no output', async () => {
    const out = join(dir, 'keyed');
    const r = signedBuild(pki, EXAMPLE, out, [
      '--lang',
      'en',
      '--format',
      'pdf',
      '--tsa',
      `${tsa.url}/good?apikey=K3YS3CR3T`,
    ]);
    expect(r.stderr).not.toContain('K3YS3CR3T');
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toContain('K3YS3CR3T');
    expect(readFileSync(join(out, 'cn', 'open-letter-2023.en.pdf')).includes('K3YS3CR3T')).toBe(false);
  });

  it('a TSA answering for other data stops the build before anything is written (exit 2)', async () => {
    const out = join(dir, 'refused');
    const r = signedBuild(pki, EXAMPLE, out, ['--lang', 'ko', '--tsa', `${tsa.url}/other-digest`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('message imprint is not the digest');
    expect(r.stderr).toContain('--tsa');
    expect(run('ls', [out]).status).not.toBe(0);
  });
});

describe('openssl is what the local TSA runs on', () => {
  it('is installed (under CI=true, .ci/run installs it)', () => {
    expect(execFileSync('openssl', ['version'], { encoding: 'utf8' })).toMatch(/OpenSSL/);
  });
});
