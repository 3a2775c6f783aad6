/** Throwaway PKI for tests: a CA, a leaf signer, a PKCS#12 holding both, and an NSS database that trusts the CA. */

import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { letterCli, run } from './tools.js';

/** Files of one test PKI, all inside `dir`. */
export interface TestPki {
  readonly dir: string;
  /** PEM of the CA certificate (for `openssl cms -verify -CAfile`). */
  readonly caPem: string;
  /** PKCS#12 holding the leaf key, the leaf certificate and the CA certificate. */
  readonly p12: string;
  readonly password: string;
  /** NSS database trusting the CA (`pdfsig -nssdir`, LibreOffice's MOZILLA_CERTIFICATE_FOLDER); undefined without certutil. */
  readonly nssDir: string | undefined;
  readonly signerName: string;
}

/** When the leaf certificate is valid; by default 2020-01-01 to 2040-01-01 (the CA always is). */
export interface TestValidity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

// Fixed validity, so any fixed signing time in the tests falls inside it whatever day the tests run.
const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2040-01-01T00:00:00Z');

function rsaKeys(): forge.pki.rsa.KeyPair {
  // node:crypto makes the key in milliseconds; forge's pure-JS generator takes seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function certificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  signingKey: forge.pki.rsa.PrivateKey,
  serial: string,
  extensions: object[],
  validity: TestValidity = { notBefore: NOT_BEFORE, notAfter: NOT_AFTER },
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

/** Authority Information Access naming one OCSP responder (RFC 5280 §4.2.2.1); forge has no name for it. */
function authorityInfoAccess(url: string): object {
  const { asn1 } = forge;
  const ocsp = asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.OID,
    false,
    asn1.oidToDer('1.3.6.1.5.5.7.48.1').getBytes(),
  );
  const location = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 6, false, url); // uniformResourceIdentifier [6] IA5String
  return {
    id: '1.3.6.1.5.5.7.1.1',
    value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [ocsp, location]),
    ]),
  };
}

/** Makes a CA and a signer under `dir`; the P12's password goes in through forge, never through argv. */
export function makeTestPki(
  dir: string,
  opts: {
    signerName?: string;
    organisation?: string;
    password?: string;
    validity?: TestValidity;
    keyUsage?: Record<string, boolean>;
    ocspUrl?: string;
  } = {},
): TestPki {
  mkdirSync(dir, { recursive: true });
  const signerName = opts.signerName ?? 'Letter Test Signer';
  const password = opts.password ?? 'correct horse battery staple';

  const caKeys = rsaKeys();
  const caName = [
    { name: 'commonName', value: 'Letter Test CA' },
    { name: 'organizationName', value: 'Letter Tests' },
    { name: 'countryName', value: 'KR' },
  ];
  const ca = certificate(caName, caName, caKeys.publicKey, caKeys.privateKey, '01', [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);

  const leafKeys = rsaKeys();
  const leafName = [
    // UTF8String, so a name in any script survives (forge encodes the value to UTF-8 itself).
    {
      name: 'commonName',
      value: signerName,
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    },
    { name: 'organizationName', value: opts.organisation ?? 'Example Civic Association' },
    { name: 'countryName', value: 'KR' },
  ];
  const leaf = certificate(
    leafName,
    caName,
    leafKeys.publicKey,
    caKeys.privateKey,
    '02',
    [
      { name: 'basicConstraints', cA: false },
      {
        name: 'keyUsage',
        ...(opts.keyUsage ?? { digitalSignature: true, nonRepudiation: true }),
        critical: true,
      },
      { name: 'extKeyUsage', emailProtection: true, codeSigning: true },
      { name: 'subjectKeyIdentifier' },
      ...(opts.ocspUrl ? [authorityInfoAccess(opts.ocspUrl)] : []),
    ],
    opts.validity,
  );

  const caPem = join(dir, 'ca.pem');
  writeFileSync(caPem, forge.pki.certificateToPem(ca));
  // For openssl ca (CRLs in the revocation tests): the CA's key and the signer's certificate.
  writeFileSync(join(dir, 'ca.key'), forge.pki.privateKeyToPem(caKeys.privateKey));
  writeFileSync(join(dir, 'signer.pem'), forge.pki.certificateToPem(leaf));
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(leafKeys.privateKey, [leaf, ca], password, {
    algorithm: 'aes256',
  });
  const p12 = join(dir, 'signer.p12');
  writeFileSync(p12, Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'));

  return { dir, caPem, p12, password, nssDir: makeNssDb(join(dir, 'nss'), caPem), signerName };
}

/** An NSS database trusting the CA for signing; undefined when certutil (libnss3-tools) is missing. */
function makeNssDb(nssDir: string, caPem: string): string | undefined {
  try {
    execFileSync('certutil', ['--help'], { stdio: 'ignore' });
  } catch (e) {
    // certutil --help exits 1 but exists; only ENOENT means it is missing.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  mkdirSync(nssDir, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password'], { stdio: 'ignore' });
  execFileSync(
    'certutil',
    ['-A', '-d', `sql:${nssDir}`, '-n', 'Letter Test CA', '-t', 'CT,C,C', '-i', caPem],
    { stdio: 'ignore' },
  );
  return nssDir;
}

/** A CRL (PEM) from the test CA made by `openssl ca`, listing the signer certificate as revoked when `revokeSigner`. */
export function makeTestCrl(
  pki: TestPki,
  revokeSigner: boolean,
  name = revokeSigner ? 'revoked.crl' : 'empty.crl',
): string {
  const caDir = join(pki.dir, `ca-${name}`);
  mkdirSync(caDir, { recursive: true });
  writeFileSync(join(caDir, 'index.txt'), '');
  writeFileSync(join(caDir, 'crlnumber'), '01\n');
  const cnf = join(caDir, 'ca.cnf');
  writeFileSync(
    cnf,
    `[ca]\ndefault_ca = ca1\n[ca1]\ndatabase = ${caDir}/index.txt\ncrlnumber = ${caDir}/crlnumber\ncertificate = ${pki.caPem}\n` +
      `private_key = ${join(pki.dir, 'ca.key')}\ndefault_md = sha256\ndefault_crl_days = 30\n`,
  );
  if (revokeSigner)
    execFileSync(
      'openssl',
      ['ca', '-config', cnf, '-revoke', join(pki.dir, 'signer.pem'), '-crl_reason', 'keyCompromise'],
      { stdio: 'ignore' },
    );
  const crl = join(pki.dir, name);
  execFileSync('openssl', ['ca', '-config', cnf, '-gencrl', '-out', crl], { stdio: 'ignore' });
  return crl;
}

/**
 * `letter build PROJECT --sign --p12 … --out OUT …extra` as a user runs it, the password in LETTER_P12_PASSWORD:
 * `extra` holds what a test varies (languages, formats, --tsa, --ltv, --lta).
 */
export function signedBuild(pki: TestPki, project: string, out: string, extra: readonly string[] = []) {
  return letterCli(['build', project, '--sign', '--p12', pki.p12, '--out', out, ...extra], {
    env: { ...process.env, LETTER_P12_PASSWORD: pki.password },
  });
}

/**
 * A self-signed certificate and its unencrypted key made by `openssl req -x509`, for the keys and authorities
 * that are not the test CA's (a TSA, a self-signed signer, an EC key); `newkey` as openssl takes it (rsa:2048, ec).
 */
export function opensslSelfSigned(
  keyFile: string,
  certFile: string,
  opts: {
    subject: string;
    days: number;
    newkey?: string;
    keyOptions?: readonly string[];
    extensions?: readonly string[];
  },
): void {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      opts.newkey ?? 'rsa:2048',
      ...(opts.keyOptions ?? []).flatMap((o) => ['-pkeyopt', o]),
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      opts.subject,
      '-days',
      String(opts.days),
      ...(opts.extensions ?? []).flatMap((e) => ['-addext', e]),
    ],
    { stdio: 'ignore' },
  );
}

/** `openssl cms -verify` of a detached DER signature over `content` against the CA in `caPem`: its exit status. */
export function opensslCmsVerify(p7s: string, content: string, caPem: string): number {
  return run('openssl', [
    ...['cms', '-verify', '-binary', '-inform', 'DER', '-in', p7s, '-content', content],
    ...['-CAfile', caPem, '-out', '/dev/null'],
  ]).status;
}
