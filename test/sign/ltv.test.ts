/** PAdES B-LT: a DSS with the chain and a CRL (made by openssl ca) appended to a time-stamped signature; revocation caught. */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendDss,
  classifyValidationFile,
  loadP12,
  signPdf,
  type SigningKey,
} from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestCrl, makeTestPki, signedBuild, type TestPki } from '../support/pki.js';
import { startTestTsa, type TestTsa } from '../support/tsa.js';
import { letterCli, run, tempDir, toolAvailable } from '../support/tools.js';
import { unsignedPdf } from './make-files.js';

const dir = tempDir('letter-ltv-');
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
let pki: TestPki;
let tsa: TestTsa;
let key: SigningKey;
let emptyCrl: string;
let revokedCrl: string;
const env = () => ({ ...process.env, LETTER_P12_PASSWORD: pki.password });

beforeAll(async () => {
  toolAvailable('openssl');
  pki = makeTestPki(join(dir, 'pki'));
  tsa = await startTestTsa(join(dir, 'tsa'));
  key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
  emptyCrl = makeTestCrl(pki, false);
  revokedCrl = makeTestCrl(pki, true);
}, 60_000);

afterAll(() => tsa?.stop());

describe('letter build --tsa --ltv', () => {
  it('writes PAdES B-LT PDFs that letter verify, pdfsig and qpdf accept', () => {
    const out = join(dir, 'out');
    const r = signedBuild(pki, EXAMPLE, out, [
      ...['--lang', 'en', '--format', 'pdf', '--quiet'],
      ...['--tsa', `${tsa.url}/good`, '--ltv', pki.caPem, '--ltv', emptyCrl],
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = join(out, 'cn', 'open-letter-2023.en.pdf');
    expect(readFileSync(pdf, 'latin1')).toContain('/Type /DSS');
    const v = letterCli(['verify', '--trust', pki.caPem, '--trust', tsa.certPem, pdf, '--json']);
    const report = JSON.parse(v.stdout) as {
      ok: boolean;
      reports: { modifiedAfterSigning: boolean; signatures: { level: string; trusted: boolean }[] }[];
    };
    expect(report.ok).toBe(true);
    expect(report.reports[0]).toMatchObject({
      modifiedAfterSigning: false,
      signatures: [{ level: 'B-LT', trusted: true }],
    });
    if (toolAvailable('pdfsig')) expect(run('pdfsig', [pdf]).stdout).toContain('Signature is Valid');
    if (toolAvailable('qpdf')) expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  });

  it('refuses a certificate a CRL given to --ltv lists as revoked: exit 2, nothing written', () => {
    const out = join(dir, 'revoked-out');
    const r = signedBuild(pki, EXAMPLE, out, [
      '--lang',
      'en',
      '--tsa',
      `${tsa.url}/good`,
      '--ltv',
      revokedCrl,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the signing certificate was revoked on');
    expect(run('ls', [out]).status).not.toBe(0);
  });

  it('--ltv without --tsa, and a file that is no certificate, CRL or OCSP response: exit 2 naming the option', () => {
    expect(
      letterCli(['build', EXAMPLE, '--sign', '--p12', pki.p12, '--ltv', emptyCrl], { env: env() }).stderr,
    ).toContain('--ltv needs --tsa');
    const junk = join(dir, 'junk.der');
    writeFileSync(junk, 'hello');
    const r = letterCli(
      ['build', EXAMPLE, '--sign', '--p12', pki.p12, '--tsa', `${tsa.url}/good`, '--ltv', junk],
      { env: env() },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--ltv '${junk}'`);
  });
});

describe('letter verify and revocation data in the DSS', () => {
  const signedWith = async (crl: string) =>
    appendDss(await signPdf(await unsignedPdf(), key, { signingTime: new Date(), tsa: `${tsa.url}/good` }), {
      certificates: [key.certificate, ...key.chain],
      crls: classifyValidationFile(readFileSync(crl)).map((x) => x.der),
      ocsps: [],
    });

  it('a CRL revoking the signer before the time-stamp makes the signature invalid, saying so', async () => {
    const file = join(dir, 'revoked.pdf');
    writeFileSync(file, await signedWith(revokedCrl));
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.signatures![0]!.intact).toBe(true);
    expect(report.problems.join('\n')).toMatch(
      /the signer certificate was revoked on \S+ \(CRL by Letter Test CA in the file\), before the time-stamp/,
    );
  });

  it('an object changed in the appended update (beyond the DSS) is caught as a modification', async () => {
    const good = Buffer.from(await signedWith(emptyCrl));
    const text = good.toString('latin1');
    const at = text.lastIndexOf('/Type /Catalog');
    const changed = Buffer.concat([
      good.subarray(0, at),
      Buffer.from('/Type /Catalog /OpenAction 1 0 R', 'latin1'),
      good.subarray(at + '/Type /Catalog'.length),
    ]);
    const file = join(dir, 'changed.pdf');
    writeFileSync(file, changed);
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toMatch(/changed after signing \(beyond the DSS\)/);
  });
});
