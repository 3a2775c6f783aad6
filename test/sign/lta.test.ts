/** PAdES B-LTA: `--lta` appends a document time-stamp (ETSI.RFC3161) after the DSS; verify and pdfsig report it. */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestOcspResponse } from '../support/ocsp.js';
import { makeTestPki, signedBuild, type TestPki } from '../support/pki.js';
import { startTestTsa, type TestTsa } from '../support/tsa.js';
import { letterCli, run, tempDir, toolAvailable } from '../support/tools.js';

const dir = tempDir('letter-lta-');
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'un-letter-2023');
let pki: TestPki;
let tsa: TestTsa;
let pdf: string;
const build = (out: string, extra: string[]) =>
  signedBuild(pki, EXAMPLE, out, ['--lang', 'en', '--format', 'pdf', '--quiet', ...extra]);

beforeAll(async () => {
  toolAvailable('openssl');
  pki = makeTestPki(join(dir, 'pki'));
  tsa = await startTestTsa(join(dir, 'tsa'));
  const out = join(dir, 'out');
  // B-LT needs revocation data in the DSS: the CA's OCSP response saying the signer's certificate is good.
  const r = build(out, [
    '--tsa',
    `${tsa.url}/good`,
    '--ltv',
    pki.caPem,
    '--ltv',
    makeTestOcspResponse(pki, false),
    '--lta',
  ]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  pdf = join(out, 'un', 'un-letter-2023.en.pdf');
}, 60_000);

afterAll(() => tsa?.stop());

describe('letter build --lta', () => {
  it('writes the DSS, then a /DocTimeStamp (ETSI.RFC3161) covering the whole file, in that order', () => {
    const text = readFileSync(pdf, 'latin1');
    const dssAt = text.indexOf('/Type /DSS');
    const stampAt = text.indexOf('/Type /DocTimeStamp');
    expect(dssAt).toBeGreaterThan(0);
    expect(stampAt).toBeGreaterThan(dssAt);
    expect(text.slice(stampAt, stampAt + 200)).toContain('/SubFilter /ETSI.RFC3161');
    const ranges = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)].map((m) =>
      m.slice(1, 5).map(Number),
    );
    expect(ranges).toHaveLength(2);
    expect(ranges[1]![2]! + ranges[1]![3]!).toBe(readFileSync(pdf).length);
  });

  it('letter verify reports level B-LTA and the document time-stamp; --json too', async () => {
    const v = letterCli(['verify', '--trust', pki.caPem, '--trust', tsa.certPem, pdf]);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^valid /);
    expect(v.stdout).toMatch(/PAdES B-LTA; .*document time-stamp \S+ by Letter Test TSA/);
    const report = await verifyFile(pdf);
    expect(report.modifiedAfterSigning).toBe(false);
    expect(report.signatures).toMatchObject([
      { level: 'B-LTA', archiveTimestamp: { authority: 'Letter Test TSA' } },
    ]);
  });

  it('pdfsig lists the document time-stamp (by the TSA, over the whole file) after the valid signature; qpdf --check passes', () => {
    if (!toolAvailable('pdfsig') || !toolAvailable('qpdf')) return;
    const out = run('pdfsig', [pdf]).stdout;
    expect(out).toMatch(
      /Signature #1:\n {2}- Signature Field Name: Signature1[\s\S]*Signature Validation: Signature is Valid\./,
    );
    // poppler 22 names the field and its signer but neither knows the ETSI.RFC3161 SubFilter nor checks the token.
    expect(out).toMatch(
      /Signature #2:\n {2}- Signature Field Name: DocTimeStamp1\n {2}- Signer Certificate Common Name: Letter Test TSA[\s\S]*Total document signed/,
    );
    expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  });

  it('a changed byte under the document time-stamp, or a tampered token, is caught with a clear message', async () => {
    const bytes = readFileSync(pdf);
    const text = bytes.toString('latin1');
    // The DSS's catalog copy, covered only by the document time-stamp: /Type /Catalog → /Type /Catalof.
    const at = text.lastIndexOf('/Type /Catalog') + '/Type /Catalo'.length;
    const changed = Buffer.from(bytes);
    changed[at] = 'f'.charCodeAt(0);
    const changedFile = join(dir, 'changed.pdf');
    writeFileSync(changedFile, changed);
    const report = await verifyFile(changedFile);
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toMatch(
      /the document time-stamp is not valid: the time-stamp is for other data/,
    );

    // One byte inside the token's TSTInfo (a digit of its genTime): the TSA's signed digest no longer matches.
    const stampAt = text.indexOf('/Type /DocTimeStamp');
    const contents = text.indexOf('/Contents <', stampAt) + '/Contents <'.length;
    const token = Buffer.from(text.slice(contents, text.indexOf('>', contents)), 'hex').toString('latin1');
    const digit = token.search(/\d{14}Z/) + 3;
    expect(digit).toBeGreaterThan(3);
    const tampered = Buffer.from(bytes);
    tampered.write(
      Buffer.from(token[digit] === '9' ? '8' : '9', 'latin1').toString('hex'),
      contents + 2 * digit,
      'latin1',
    );
    const tamperedFile = join(dir, 'tampered-stamp.pdf');
    writeFileSync(tamperedFile, tampered);
    const tamperedReport = await verifyFile(tamperedFile);
    expect(tamperedReport.valid).toBe(false);
    expect(tamperedReport.problems.join('\n')).toMatch(
      /the document time-stamp is not valid: the time-stamp token was changed/,
    );
  });

  it('--lta without --ltv: exit 2 naming the option, nothing written', () => {
    const out = join(dir, 'no-ltv');
    const r = build(out, ['--tsa', `${tsa.url}/good`, '--lta']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lta');
    expect(r.stderr).toContain('--ltv');
    expect(run('ls', [out]).status).not.toBe(0);
  });
});
