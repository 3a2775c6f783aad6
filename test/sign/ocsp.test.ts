/**
 * OCSP: responses made by `openssl ocsp` (as files with -respout, or from a local `openssl ocsp` responder the
 * certificate's AIA names) go into the DSS; a revoked certificate is caught by build --ltv and by letter verify.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDss, loadP12, ocspAnswerFor, signPdf } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { freePort, makeTestOcspResponse, startTestOcspResponder } from '../support/ocsp.js';
import { makeTestPki, signedBuild, type TestPki } from '../support/pki.js';
import { startTestTsa, type TestTsa } from '../support/tsa.js';
import { letterCli, run, tempDir, toolAvailable } from '../support/tools.js';
import { unsignedPdf } from './make-files.js';

const dir = tempDir('letter-ocsp-');
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'un-letter-2023');
let pki: TestPki;
let tsa: TestTsa;
let good: string;
let revoked: string;
const der = (file: string) => new Uint8Array(readFileSync(file));
/** The object numbers the DSS lists under /OCSPs. */
const dssOcsps = (pdf: string) => [
  ...(/\/OCSPs \[([^\]]*)\]/.exec(readFileSync(pdf, 'latin1'))?.[1] ?? '').matchAll(/\d+ 0 R/g),
];

beforeAll(async () => {
  toolAvailable('openssl');
  pki = makeTestPki(join(dir, 'pki'));
  tsa = await startTestTsa(join(dir, 'tsa'));
  good = makeTestOcspResponse(pki, false);
  revoked = makeTestOcspResponse(pki, true);
}, 60_000);

afterAll(() => tsa?.stop());

/** A time-stamped PDF build of the example with `ltv` given to --ltv; `quiet` leaves only warnings and errors. */
const build = (p: TestPki, out: string, ltv: string[], quiet = true) =>
  signedBuild(p, EXAMPLE, out, [
    ...['--lang', 'en', '--format', 'pdf', '--tsa', `${tsa.url}/good`],
    ...ltv.flatMap((f) => ['--ltv', f]),
    ...(quiet ? ['--quiet'] : []),
  ]);

describe('OCSP responses as files', () => {
  it('are read: good and revoked, signed by the CA; a response from another CA says nothing', () => {
    const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    const pool = [key.certificate, ...key.chain];
    expect(ocspAnswerFor(key.certificate, pool, [der(good)])).toMatchObject({
      status: 'good',
      by: 'Letter Test CA',
    });
    expect(ocspAnswerFor(key.certificate, pool, [der(revoked)])).toMatchObject({
      status: 'revoked',
      by: 'Letter Test CA',
      revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // The same response bytes checked against another CA of the same name: its signature does not verify.
    const other = makeTestPki(join(dir, 'other'));
    const otherKey = loadP12(readFileSync(other.p12), other.password, other.p12);
    expect(
      ocspAnswerFor(otherKey.certificate, [otherKey.certificate, ...otherKey.chain], [der(revoked)]),
    ).toBeUndefined();
  });

  it('build --ltv good.der: the DSS holds the response, and letter verify says B-LT, valid and trusted', () => {
    const out = join(dir, 'good-out');
    const r = build(pki, out, [pki.caPem, good]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = join(out, 'un', 'un-letter-2023.en.pdf');
    expect(dssOcsps(pdf)).toHaveLength(1);
    expect(readFileSync(pdf).includes(readFileSync(good))).toBe(true);
    const v = letterCli(['verify', '--trust', pki.caPem, '--trust', tsa.certPem, pdf, '--json']);
    const report = JSON.parse(v.stdout) as {
      ok: boolean;
      reports: { signatures: { level: string; trusted: boolean }[] }[];
    };
    expect(report.ok).toBe(true);
    expect(report.reports[0]!.signatures).toMatchObject([{ level: 'B-LT', trusted: true }]);
    if (toolAvailable('pdfsig')) expect(run('pdfsig', [pdf]).stdout).toContain('Signature is Valid');
  });

  it('build --ltv revoked.der: exit 2, nothing written, saying an OCSP response by the CA says it was revoked', () => {
    const out = join(dir, 'revoked-out');
    const r = build(pki, out, [revoked]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /the signing certificate was revoked on \S+ \(an OCSP response by Letter Test CA says so\)/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(run('ls', [out]).status).not.toBe(0);
  });

  it('letter verify: a revoked OCSP response in the DSS, from before the time-stamp, makes the signature invalid', async () => {
    const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    const signed = await signPdf(await unsignedPdf(), key, {
      signingTime: new Date(),
      tsa: `${tsa.url}/good`,
    });
    const file = join(dir, 'revoked.pdf');
    writeFileSync(
      file,
      appendDss(signed, { certificates: [key.certificate, ...key.chain], crls: [], ocsps: [der(revoked)] }),
    );
    const report = await verifyFile(file);
    expect(report.valid).toBe(false);
    expect(report.signatures![0]!.intact).toBe(true);
    expect(report.problems.join('\n')).toMatch(
      /the signer certificate was revoked on \S+ \(OCSP response by Letter Test CA in the file\), before the time-stamp/,
    );
    const text = letterCli(['verify', file]);
    expect(text.status).toBe(1);
    expect(text.stdout + text.stderr).toMatch(/revoked on .*OCSP response by Letter Test CA/);
  });
});

describe("OCSP from the certificate's AIA responder (a local openssl ocsp)", () => {
  it('build --ltv with no OCSP file fetches the response into the DSS; a revoked answer stops the build', async () => {
    const port = await freePort();
    const aia = makeTestPki(join(dir, 'aia'), { ocspUrl: `http://127.0.0.1:${port}` });
    const responder = await startTestOcspResponder(aia, port, false);
    try {
      const out = join(dir, 'aia-out');
      const r = build(aia, out, [aia.caPem]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const pdf = join(out, 'un', 'un-letter-2023.en.pdf');
      expect(dssOcsps(pdf)).toHaveLength(1);
      const v = JSON.parse(
        letterCli(['verify', '--trust', aia.caPem, '--trust', tsa.certPem, pdf, '--json']).stdout,
      ) as { ok: boolean; reports: { signatures: { level: string }[] }[] };
      expect(v.ok).toBe(true);
      expect(v.reports[0]!.signatures[0]!.level).toBe('B-LT');
    } finally {
      responder.stop();
    }
    const revokedResponder = await startTestOcspResponder(aia, port, true);
    try {
      const r = build(aia, join(dir, 'aia-revoked-out'), [aia.caPem]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/revoked on \S+ \(an OCSP response by Letter Test CA says so\)/);
    } finally {
      revokedResponder.stop();
    }
  }, 60_000);

  it('with the responder unreachable, the build goes on without it and warns, naming what to give instead', async () => {
    const port = await freePort();
    const aia = makeTestPki(join(dir, 'aia-down'), { ocspUrl: `http://127.0.0.1:${port}` });
    const out = join(dir, 'aia-down-out');
    const r = build(aia, out, [aia.caPem], false);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /no OCSP response for the signing certificate: no OCSP responder answered \(http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(r.stderr).toContain('--ltv resp.der');
    expect(dssOcsps(join(out, 'un', 'un-letter-2023.en.pdf'))).toHaveLength(0);
  }, 60_000);
});
