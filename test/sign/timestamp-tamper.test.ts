/**
 * A DOCX's XAdES signature time-stamp (EncapsulatedTimeStamp, outside what the signature covers) tampered with, or
 * swapped for a genuine token the TSA issued for another digest: letter verify catches each, saying which.
 * (The PDF's counterparts are in timestamp.test.ts; a TSA reply for another digest at signing time too.)
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12, signDocx, signPdf } from '../../src/sign/index.js';
import { verifyDetached } from '../../src/verify/cms.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestPki } from '../support/pki.js';
import { startTestTsa, type TestTsa } from '../support/tsa.js';
import { letterCli, tempDir, toolAvailable } from '../support/tools.js';
import { unsignedDocx, unsignedPdf } from './make-files.js';

const dir = tempDir('letter-tsa-tamper-');
let tsa: TestTsa;
let docx: Uint8Array;
/** A genuine token from the same TSA, over a PDF signature's value: for another digest than the DOCX's. */
let otherToken: Buffer;
const SIG_PART = '_xmlsignatures/sig1.xml';
const STAMP = /(<xd:EncapsulatedTimeStamp>)([^<]+)(<\/xd:EncapsulatedTimeStamp>)/;

beforeAll(async () => {
  toolAvailable('openssl');
  const pki = makeTestPki(join(dir, 'pki'));
  tsa = await startTestTsa(join(dir, 'tsa'));
  const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
  const signingTime = new Date();
  docx = (await signDocx(await unsignedDocx(), key, { signingTime, tsa: `${tsa.url}/good` })).docx;
  const pdf = Buffer.from(await signPdf(await unsignedPdf(), key, { signingTime, tsa: `${tsa.url}/good` }));
  const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)/.exec(pdf.toString('latin1'))!;
  otherToken = Buffer.from(
    verifyDetached(Buffer.from(pdf.toString('latin1', Number(m[1]) + 1, Number(m[2]) - 1), 'hex'), [])
      .timeStampToken!,
  );
}, 60_000);

afterAll(() => tsa?.stop());

/** The signed DOCX with its time-stamp token replaced by `change(token)`, written to `name`. */
function withToken(name: string, change: (token: Buffer) => Buffer): string {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts[SIG_PART]!);
  expect(xml).toMatch(STAMP);
  parts[SIG_PART] = strToU8(
    xml.replace(
      STAMP,
      (_, open: string, b64: string, close: string) =>
        `${open}${change(Buffer.from(b64, 'base64')).toString('base64')}${close}`,
    ),
  );
  const file = join(dir, name);
  writeFileSync(file, zipSync(parts));
  return file;
}

describe("a DOCX's signature time-stamp", () => {
  it('unchanged: valid, XAdES B-T', async () => {
    const file = withToken('same.docx', (token) => token);
    const report = await verifyFile(file);
    expect(report.problems).toEqual([]);
    expect(report.signatures![0]).toMatchObject({ form: 'XAdES', level: 'B-T', intact: true });
  });

  it('tampered (one digit of its genTime): INVALID, the token was changed, the signature itself intact', async () => {
    const file = withToken('tampered.docx', (token) => {
      const copy = Buffer.from(token);
      const at = copy.toString('latin1').search(/\d{14}Z/) + 3;
      expect(at).toBeGreaterThan(3);
      copy[at] = copy[at] === 0x39 ? 0x38 : 0x39;
      return copy;
    });
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.signatures![0]!.intact).toBe(true);
    expect(report.problems.join('\n')).toMatch(
      /the signature time-stamp is not valid: the time-stamp token was changed: its TSTInfo does not match its signed digest/,
    );
    const cli = letterCli(['verify', file]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^INVALID .*the time-stamp token was changed/);
  });

  it("a genuine token for another digest (a PDF signature's): INVALID, the time-stamp is for other data", async () => {
    const file = withToken('other-digest.docx', () => otherToken);
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.signatures![0]!.intact).toBe(true);
    expect(report.problems.join('\n')).toMatch(
      /the signature time-stamp is not valid: the time-stamp is for other data: its message imprint is not the digest of this signature/,
    );
  });
});
