/** The signing time against the certificate's validity: chosen by one rule when signing, checked by one rule for PDF and DOCX. */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { loadP12, signDocx, signingTimeFor, signPdf, type SigningKey } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestPki } from '../support/pki.js';
import { SIGNING_TIME, SPEC, unsignedDocx, unsignedPdf } from './make-files.js';

const VALIDITY = { notBefore: new Date('2024-06-01T12:34:56Z'), notAfter: new Date('2030-01-01T00:00:00Z') };

describe('signingTimeFor', () => {
  it('keeps an instant inside the validity, with no warning', () => {
    const instant = new Date('2025-02-03T04:05:06Z');
    expect(signingTimeFor(instant, VALIDITY)).toEqual({ at: instant });
  });

  it('moves an instant before notBefore to notBefore, and warns how to choose the time', () => {
    const { at, warning } = signingTimeFor(new Date('2023-12-10T00:00:00Z'), VALIDITY, 'signer.p12');
    expect(at.toISOString()).toBe('2024-06-01T12:34:56.000Z');
    expect(warning).toMatchObject({ severity: 'warning', file: 'signer.p12' });
    expect(warning!.message).toContain('2023-12-10T00:00:00Z');
    expect(warning!.message).toContain('2024-06-01T12:34:56Z');
    expect(warning!.hint).toContain('SOURCE_DATE_EPOCH');
  });

  it('refuses an instant after notAfter: the certificate had expired (exit 2), with what to do', () => {
    let error: unknown;
    try {
      signingTimeFor(new Date('2031-05-05T00:00:00Z'), VALIDITY, 'signer.p12');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    const [d] = (error as LetterError).diagnostics;
    expect(d).toMatchObject({ code: 'p12', severity: 'error', file: 'signer.p12' });
    expect(d!.message).toContain(
      'the certificate expired on 2030-01-01T00:00:00Z, before the signing time 2031-05-05T00:00:00Z',
    );
    expect(d!.hint).toContain('SOURCE_DATE_EPOCH');
    expect(d!.hint).toContain('renew');
  });
});

describe('letter verify applies one rule to the claimed time of a PDF and a DOCX', () => {
  // A certificate valid only from after the fixtures' signing time (2026-03-01): both files claim a time before it.
  const dir = mkdtempSync(join(tmpdir(), 'letter-sign-time-'));
  let key: SigningKey;
  let pdfPath: string;
  let docxPath: string;

  beforeAll(async () => {
    const pki = makeTestPki(dir, {
      validity: { notBefore: new Date('2026-06-01T00:00:00Z'), notAfter: new Date('2036-01-01T00:00:00Z') },
    });
    key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    pdfPath = join(dir, 'early.pdf');
    writeFileSync(pdfPath, await signPdf(await unsignedPdf(), key, { signingTime: SIGNING_TIME }));
    docxPath = join(dir, 'early.docx');
    const signed = await signDocx(await unsignedDocx(), key, { signingTime: SIGNING_TIME });
    writeFileSync(docxPath, signed.docx);
  });

  it('the loaded key carries its certificate validity', () => {
    expect(key.validity.notBefore.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(key.validity.notAfter.toISOString()).toBe('2036-01-01T00:00:00.000Z');
  });

  it.each(['pdf', 'docx'])(
    'a %s claiming a time before the certificate existed is invalid, for that reason',
    async (kind) => {
      const report = await verifyFile(kind === 'pdf' ? pdfPath : docxPath);
      expect(report.signingTime).toBe('2026-03-01T09:30:00Z');
      expect(report.valid).toBe(false);
      expect(report.problems).toEqual([
        expect.stringContaining(
          "the signing time 2026-03-01T09:30:00Z is outside the certificate's validity",
        ),
      ]);
    },
  );

  it('the DOCX and its .p7s both report the time, each once', async () => {
    const signed = await signDocx(await unsignedDocx(), key, { signingTime: SIGNING_TIME });
    const path = join(dir, 'early-with-p7s.docx');
    writeFileSync(path, signed.docx);
    writeFileSync(`${path}.p7s`, signed.p7s);
    const report = await verifyFile(path);
    expect(report.valid).toBe(false);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[1]).toMatch(/\.p7s: the signing time 2026-03-01T09:30:00Z is outside/);
  });

  it('signed inside the validity, both are valid', async () => {
    const inside = new Date('2026-07-01T00:00:00Z');
    const pdf = join(dir, 'inside.pdf');
    writeFileSync(
      pdf,
      await signPdf(await unsignedPdf({ ...SPEC, signingTime: inside }), key, { signingTime: inside }),
    );
    const docx = join(dir, 'inside.docx');
    const signed = await signDocx(await unsignedDocx(), key, { signingTime: inside });
    writeFileSync(docx, signed.docx);
    writeFileSync(`${docx}.p7s`, signed.p7s);
    for (const file of [pdf, docx])
      expect(await verifyFile(file)).toMatchObject({
        valid: true,
        signingTime: '2026-07-01T00:00:00Z',
        problems: [],
      });
  });
});
