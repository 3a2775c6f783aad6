/** letter verify speaks of trust: --trust CA.pem, else "not trusted: self-signed" or the issuer; key usage that forbids signing. */

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { loadP12, signPdf, type SigningKey } from '../../src/sign/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { makeTestPki, opensslSelfSigned, type TestPki } from '../support/pki.js';
import { letterCli, tempDir } from '../support/tools.js';
import { SIGNING_TIME, unsignedPdf } from './make-files.js';

const dir = tempDir('letter-trust-');
let pki: TestPki;
let other: TestPki;
let signedPath: string;
let selfSignedPath: string;

/** A self-signed certificate and key made by openssl, as a SigningKey (no CA anywhere). */
function selfSignedKey(): SigningKey {
  const keyFile = join(dir, 'self.key');
  const certFile = join(dir, 'self.pem');
  opensslSelfSigned(keyFile, certFile, {
    subject: '/CN=Self Signer',
    days: 36500,
    extensions: ['keyUsage=critical,digitalSignature'],
  });
  const cert = new X509Certificate(readFileSync(certFile));
  return {
    privateKey: createPrivateKey(readFileSync(keyFile)),
    certificate: cert.raw,
    chain: [],
    signerName: 'Self Signer',
    validity: { notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) },
  };
}

beforeAll(async () => {
  pki = makeTestPki(join(dir, 'pki'));
  other = makeTestPki(join(dir, 'other'));
  const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
  signedPath = join(dir, 'signed.pdf');
  writeFileSync(signedPath, await signPdf(await unsignedPdf(), key, { signingTime: SIGNING_TIME }));
  selfSignedPath = join(dir, 'self.pdf');
  writeFileSync(
    selfSignedPath,
    await signPdf(await unsignedPdf(), selfSignedKey(), { signingTime: SIGNING_TIME }),
  );
}, 60_000);

describe('trust in letter verify', () => {
  it('without --trust: intact but "not trusted", naming the issuer; the text never says plain "valid"', async () => {
    const report = await verifyFile(signedPath);
    expect(report.valid).toBe(true);
    expect(report.signatures![0]).toMatchObject({
      intact: true,
      trusted: false,
      trust: expect.stringContaining('not trusted: issued by Letter Test CA'),
    });
    const r = letterCli(['verify', signedPath]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^valid, not trusted /);
    expect(r.stdout).toContain('not trusted: issued by Letter Test CA');
  });

  it('a self-signed certificate is "not trusted: self-signed"', async () => {
    const report = await verifyFile(selfSignedPath);
    expect(report.signatures![0]!.trust).toMatch(/^not trusted: self-signed/);
    expect(letterCli(['verify', selfSignedPath]).stdout).toContain('not trusted: self-signed');
  });

  it('--trust CA.pem: trusted, exit 0, "valid"; --trust of another CA: INVALID, exit 1, saying why', () => {
    const ok = letterCli(['verify', '--trust', pki.caPem, signedPath, '--json']);
    expect(ok.status).toBe(0);
    const json = JSON.parse(ok.stdout) as {
      reports: { signatures: { trusted: boolean; trust: string }[] }[];
    };
    expect(json.reports[0]!.signatures[0]).toMatchObject({
      trusted: true,
      trust: 'trusted: chains to Letter Test CA, which is in --trust',
    });
    expect(letterCli(['verify', '--trust', pki.caPem, signedPath]).stdout).toMatch(/^valid \//);
    const wrong = letterCli(['verify', '--trust', other.caPem, signedPath]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/^INVALID /);
    expect(wrong.stdout).toContain('not trusted: its root Letter Test CA is not in --trust');
  });

  it('--trust with a file holding no certificate: exit 2, naming the option', () => {
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    const r = letterCli(['verify', '--trust', junk, signedPath]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--trust '${junk}': no certificate could be read from it`);
  });
});

describe('a certificate whose key usage forbids signatures', () => {
  let restricted: TestPki;
  beforeAll(() => {
    restricted = makeTestPki(join(dir, 'restricted'), { keyUsage: { keyEncipherment: true } });
  });

  it('is refused when the key is opened for signing: exit 2 from build, naming the file and what to do', () => {
    let error: unknown;
    try {
      loadP12(readFileSync(restricted.p12), restricted.password, restricted.p12);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    const [d] = (error as LetterError).diagnostics;
    expect(d).toMatchObject({ code: 'p12', file: restricted.p12 });
    expect(d!.message).toContain('key usage does not allow signing documents');
    expect(d!.hint).toContain('digitalSignature');
    const example = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
    const r = letterCli(['build', example, '--sign', '--p12', restricted.p12, '--out', join(dir, 'never')], {
      env: { ...process.env, LETTER_P12_PASSWORD: restricted.password },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('key usage does not allow signing documents');
  });

  it('and a PDF signed with it anyway never verifies as valid', async () => {
    // The key as another tool would use it, bypassing loadP12's refusal.
    const forgeKey = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    const bad = join(dir, 'restricted.pdf');
    const { execFileSync: exec } = await import('node:child_process');
    const pem = exec('openssl', ['pkcs12', '-in', restricted.p12, '-nodes', '-passin', 'env:PW'], {
      env: { ...process.env, PW: restricted.password },
    }).toString();
    const cert = new X509Certificate(pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----')));
    const key: SigningKey = {
      ...forgeKey,
      privateKey: createPrivateKey(pem),
      certificate: cert.raw,
      chain: [],
    };
    writeFileSync(bad, await signPdf(await unsignedPdf(), key, { signingTime: SIGNING_TIME }));
    const report = await verifyFile(bad);
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toContain(
      "the certificate's key usage does not allow signing documents",
    );
    expect(letterCli(['verify', bad]).stdout).toMatch(/^INVALID /);
  });
});
