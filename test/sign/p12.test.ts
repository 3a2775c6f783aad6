/** Loading PKCS#12 files: the good, the wrong password, the broken file, and what OpenSSL 3 writes by default. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { loadP12 } from '../../src/sign/index.js';
import { makeTestPki, opensslSelfSigned, type TestPki } from '../support/pki.js';
import { toolAvailable } from '../support/tools.js';

function caught(fn: () => unknown): LetterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LetterError) return e;
    throw e;
  }
  throw new Error('expected a LetterError');
}

describe('loadP12', () => {
  let dir: string;
  let pki: TestPki;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'letter-p12-'));
    pki = makeTestPki(dir, { password: 'hunter2-시크릿' });
  });

  it('reads the key, the signer certificate, the CA and the names', () => {
    const key = loadP12(readFileSync(pki.p12), pki.password, pki.p12);
    expect(key.signerName).toBe('Letter Test Signer');
    expect(key.organisation).toBe('Example Civic Association');
    expect(key.chain).toHaveLength(1);
    expect(key.privateKey.asymmetricKeyType).toBe('rsa');
    expect(JSON.stringify(key)).not.toContain(pki.password);
  });

  it('turns a wrong password into a p12 error naming the file, never the password', () => {
    const wrong = 'not-the-password-%%%';
    const err = caught(() => loadP12(readFileSync(pki.p12), wrong, 'keys/signer.p12'));
    expect(err.diagnostics[0]).toMatchObject({ code: 'p12', file: 'keys/signer.p12' });
    expect(err.message).toContain('keys/signer.p12');
    expect(err.message).toMatch(/wrong password/);
    expect(err.diagnostics[0]!.hint).toContain('LETTER_P12_PASSWORD');
    for (const secret of [wrong, pki.password]) {
      expect(err.message).not.toContain(secret);
      expect(JSON.stringify(err.diagnostics)).not.toContain(secret);
      expect(String(err.stack)).not.toContain(secret);
    }
  });

  it('turns a file that is not a PKCS#12 into a p12 error', () => {
    const err = caught(() => loadP12(Buffer.from('%PDF-1.7 not a key'), pki.password, 'letter.pdf'));
    expect(err.diagnostics[0]).toMatchObject({ code: 'p12', file: 'letter.pdf' });
    expect(err.message).toContain('not a PKCS#12 file');
  });

  it('rejects a PKCS#12 without a private key', () => {
    const ca = forge.pki.certificateFromPem(readFileSync(pki.caPem, 'utf8'));
    const certsOnly = forge.pkcs12.toPkcs12Asn1(null, [ca], 'pw', { algorithm: 'aes256' });
    const bytes = Buffer.from(forge.asn1.toDer(certsOnly).getBytes(), 'binary');
    expect(caught(() => loadP12(bytes, 'pw', 'ca-only.p12')).message).toContain('it holds no private key');
  });

  it('says an EC key is not RSA, not that the password may be wrong', () => {
    if (!toolAvailable('openssl')) return;
    const keyPem = join(dir, 'ec.pem');
    const certPem = join(dir, 'ec-cert.pem');
    const out = join(dir, 'ec.p12');
    opensslSelfSigned(keyPem, certPem, {
      subject: '/CN=EC Signer',
      days: 1,
      newkey: 'ec',
      keyOptions: ['ec_paramgen_curve:P-256'],
    });
    expect(
      spawnSync('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        keyPem,
        '-in',
        certPem,
        '-out',
        out,
        '-passout',
        'pass:pw',
      ]).status,
    ).toBe(0);
    const err = caught(() => loadP12(readFileSync(out), 'pw', 'ec.p12'));
    expect(err.message).toContain('not an RSA key');
    expect(err.diagnostics[0]!.hint).toMatch(/export an RSA key/);
    expect(err.diagnostics[0]!.hint).not.toMatch(/password/);
  });

  it('reads what `openssl pkcs12 -export` writes by default (AES-256, PBKDF2)', () => {
    if (!toolAvailable('openssl')) return;
    const keyPem = join(dir, 'k.pem');
    const certPem = join(dir, 'c.pem');
    const out = join(dir, 'openssl.p12');
    opensslSelfSigned(keyPem, certPem, { subject: '/CN=OpenSSL Signer/O=Org', days: 1 });
    // The password goes in through the environment, never argv.
    const exp = spawnSync(
      'openssl',
      ['pkcs12', '-export', '-inkey', keyPem, '-in', certPem, '-out', out, '-passout', 'env:P12_PASS'],
      {
        env: { ...process.env, P12_PASS: 'pw-from-env' },
      },
    );
    expect(exp.status).toBe(0);
    expect(loadP12(readFileSync(out), 'pw-from-env', out).signerName).toBe('OpenSSL Signer');
  });
});
