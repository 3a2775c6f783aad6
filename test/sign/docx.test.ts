/** OOXML package signing of a real docx-package DOCX, checked by LibreOffice, openssl cms and verifyFile. */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadP12, signDocx, type SigningKey } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestPki, opensslCmsVerify, type TestPki } from '../support/pki.js';
import { libreOfficeUno, toolAvailable } from '../support/tools.js';
import { KOREAN, SIGNING_TIME, unsignedDocx } from './make-files.js';

/** The same package with one part's text edited. */
function edited(docx: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(docx);
  const before = strFromU8(parts[part]!);
  const after = edit(before);
  expect(after).not.toBe(before);
  parts[part] = strToU8(after);
  return zipSync(parts);
}

interface LoVerdict {
  file: string;
  signatures: { valid: boolean; certificateStatus: number; signer: string | null }[];
}

/** LibreOffice's own check, through Python-UNO (test/sign/lo-verify.py), with the test CA trusted. */
function libreOffice(pki: TestPki, files: string[]): LoVerdict[] {
  const out = execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'lo-verify.py'), ...files], {
    encoding: 'utf8',
    env: { ...process.env, ...(pki.nssDir ? { MOZILLA_CERTIFICATE_FOLDER: `sql:${pki.nssDir}` } : {}) },
    timeout: 120_000,
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LoVerdict);
}

describe('signDocx', () => {
  let dir: string;
  let pki: TestPki;
  let key: SigningKey;
  let unsigned: Buffer;
  let signed: { docx: Uint8Array; p7s: Uint8Array };
  let signedPath: string;
  let tamperedPath: string;
  let relsTamperedPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'letter-sign-docx-'));
    pki = makeTestPki(dir);
    key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    unsigned = await unsignedDocx();
    signed = await signDocx(unsigned, key, { signingTime: SIGNING_TIME });
    signedPath = join(dir, 'letter.ko.docx');
    writeFileSync(signedPath, signed.docx);
    writeFileSync(`${signedPath}.p7s`, signed.p7s);
    tamperedPath = join(dir, 'tampered.docx');
    writeFileSync(
      tamperedPath,
      edited(signed.docx, 'word/document.xml', (xml) => xml.replace('대통령님께', '국무총리님께')),
    );
    relsTamperedPath = join(dir, 'rels-tampered.docx');
    writeFileSync(
      relsTamperedPath,
      edited(signed.docx, 'word/_rels/document.xml.rels', (xml) => xml.replace('styles.xml', 'styles2.xml')),
    );
  });

  it('writes the signature parts and keeps the letter text', () => {
    const parts = unzipSync(signed.docx);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '_xmlsignatures/origin.sigs',
        '_xmlsignatures/_rels/origin.sigs.rels',
        '_xmlsignatures/sig1.xml',
      ]),
    );
    expect(strFromU8(parts['word/document.xml']!)).toContain(KOREAN);
    const sig = strFromU8(parts['_xmlsignatures/sig1.xml']!);
    expect(sig).toContain(
      'URI="/word/document.xml?ContentType=application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
    expect(sig).toContain('<mdssi:Value>2026-03-01T09:30:00Z</mdssi:Value>');
    expect(sig).toContain('<xd:SigningTime>2026-03-01T09:30:00Z</xd:SigningTime>');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('PartName="/_xmlsignatures/sig1.xml"');
    expect(strFromU8(parts['_rels/.rels']!)).toContain('Target="_xmlsignatures/origin.sigs"');
  });

  it('is valid for LibreOffice, and invalid once word/document.xml or a .rels part changes', () => {
    if (!libreOfficeUno()) return;
    const [good, bad, badRels] = libreOffice(pki, [signedPath, tamperedPath, relsTamperedPath]);
    expect(good!.signatures).toHaveLength(1);
    expect(good!.signatures[0]).toMatchObject({ valid: true });
    expect(good!.signatures[0]!.signer).toContain('CN=Letter Test Signer');
    if (pki.nssDir) expect(good!.signatures[0]!.certificateStatus).toBe(0); // css.security.CertificateValidity.VALID
    expect(bad!.signatures[0]).toMatchObject({ valid: false });
    expect(badRels!.signatures[0]).toMatchObject({ valid: false });
  });

  it('is valid for verifyFile, package signature and .p7s alike', async () => {
    const report = await verifyFile(signedPath);
    expect(report).toMatchObject({
      kind: 'docx',
      signed: true,
      valid: true,
      signer: 'Letter Test Signer',
      signingTime: '2026-03-01T09:30:00Z',
    });
    expect(report.detached).toEqual({ file: `${signedPath}.p7s`, valid: true });
    expect(report.problems).toEqual([]);
  });

  it('is invalid for verifyFile after the document or its relationships change', async () => {
    const report = await verifyFile(tamperedPath);
    expect(report.valid).toBe(false);
    expect(report.problems).toContain('the part word/document.xml was changed after signing');
    // Signed and changed: not also told as a part the signature does not cover.
    expect(report.problems).not.toContain('the part word/document.xml is not covered by the signature');
    const rels = await verifyFile(relsTamperedPath);
    expect(rels.valid).toBe(false);
    expect(rels.problems).toContain('the part word/_rels/document.xml.rels was changed after signing');
  });

  it('stays valid for verifyFile when repacked unchanged with folder entries (zip -r, archivers)', async () => {
    // `word/` and the like are zip entries of folders, not parts of the package: no signature covers them.
    const parts = unzipSync(signed.docx);
    const folders = Object.fromEntries(
      [
        ...new Set(
          Object.keys(parts).flatMap((name) => (name.includes('/') ? [name.replace(/[^/]+$/, '')] : [])),
        ),
      ].map((folder): [string, Uint8Array] => [folder, new Uint8Array(0)]),
    );
    expect(Object.keys(folders)).toContain('word/');
    const repacked = join(dir, 'repacked.docx');
    writeFileSync(repacked, zipSync({ ...folders, ...parts }));
    const report = await verifyFile(repacked);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('has a .p7s that openssl cms verifies against the signed DOCX and the CA, and rejects for another file', () => {
    if (!toolAvailable('openssl')) return;
    const cms = (content: string): number => opensslCmsVerify(`${signedPath}.p7s`, content, pki.caPem);
    expect(cms(signedPath)).toBe(0);
    expect(cms(tamperedPath)).not.toBe(0);
  });

  it('reports a .p7s that does not match its file', async () => {
    const copy = join(dir, 'other.docx');
    writeFileSync(copy, readFileSync(tamperedPath));
    writeFileSync(`${copy}.p7s`, signed.p7s);
    const report = await verifyFile(copy);
    expect(report.detached?.valid).toBe(false);
    expect(report.problems.some((p) => p.includes('.p7s') && p.includes('digest mismatch'))).toBe(true);
  });

  it('is byte-identical for the same DOCX, key and time, in any time zone', async () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Asia/Seoul', 'America/New_York']) {
        // Node re-reads TZ when it changes, so the zip's DOS times would move if they depended on the local zone.
        process.env.TZ = zone;
        const again = await signDocx(unsigned, key, { signingTime: SIGNING_TIME });
        expect(Buffer.from(again.docx).equals(Buffer.from(signed.docx))).toBe(true);
        expect(Buffer.from(again.p7s).equals(Buffer.from(signed.p7s))).toBe(true);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('refuses to sign a DOCX twice', async () => {
    await expect(signDocx(signed.docx, key, { signingTime: SIGNING_TIME })).rejects.toThrow(/already signed/);
  });
});
