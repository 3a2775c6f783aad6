/** Reading a PKCS#12 file into a signing key: private key, signer certificate, chain, signer's name. */

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { LetterError, problem, shown } from '../diag/index.js';
import { validityOf, type Validity } from './signing-time.js';
import { keyUsageProblem } from './key-usage.js';

/** A parsed PKCS#12: what both signers need. Holds no password. */
export interface SigningKey {
  /** The signer's RSA private key. */
  readonly privateKey: KeyObject;
  /** DER of the certificate whose public key matches the private key. */
  readonly certificate: Uint8Array;
  /** DER of the other certificates in the file (issuing CAs), in the file's order. */
  readonly chain: readonly Uint8Array[];
  /** The signer certificate's subject common name (falls back to the whole subject). */
  readonly signerName: string;
  /** The signer certificate's organisation (O), when it has one. */
  readonly organisation?: string;
  /** When the signer certificate may sign: a signature claims a time inside it (see signingTimeFor). */
  readonly validity: Validity;
}

const HINT =
  'check the password in LETTER_P12_PASSWORD (or --p12-password-file) and that the file is a PKCS#12 (.p12/.pfx) with a private key and its certificate';

/**
 * Parses a PKCS#12 file. A wrong password or a broken file is a LetterError with code 'p12' naming `file`;
 * the password never appears in the message (forge's own messages are not passed on).
 */
export function loadP12(bytes: Uint8Array, password: string, file: string): SigningKey {
  const fail = (what: string, hint = HINT): never => {
    throw new LetterError(
      problem('p12', `cannot open the PKCS#12 file '${shown(file)}': ${what}`, { file }, hint),
    );
  };

  let p12: forge.pkcs12.Pkcs12Pfx | undefined;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    } catch {
      fail('wrong password, or the file is damaged');
    }
  } catch (e) {
    if (e instanceof LetterError) throw e;
    fail('not a PKCS#12 file');
  }
  if (!p12) return fail('not a PKCS#12 file');

  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const forgeKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  // forge decodes RSA keys only; an EC key comes back as a bag without a key. The password was right: say so.
  if (!forgeKey && keyBags.length > 0) {
    return fail(
      'its private key is not an RSA key (letter signs with RSA and SHA-256)',
      'export an RSA key (2048 bits or more) and its certificate into the .p12',
    );
  }
  if (!forgeKey)
    return fail(
      'it holds no private key',
      'export the private key together with its certificate into the .p12',
    );

  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const matches = (cert: forge.pki.Certificate): boolean => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && pub.n.equals(forgeKey.n) && pub.e.equals(forgeKey.e);
  };
  const signer = certs.find(matches);
  if (!signer) return fail('no certificate in it matches the private key');

  const der = (cert: forge.pki.Certificate): Uint8Array =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const certificate = der(signer);
  const usage = keyUsageProblem(certificate);
  if (usage)
    return fail(
      usage,
      'use a certificate issued for signing documents (key usage digitalSignature or nonRepudiation)',
    );
  const x509 = new X509Certificate(certificate);
  const organisation = subjectFields(x509.subject).get('O');
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(forgeKey)),
    certificate,
    chain: certs.filter((cert) => cert !== signer).map(der),
    signerName: commonName(x509),
    validity: validityOf(x509),
    ...(organisation ? { organisation } : {}),
  };
}

/** The certificate's subject common name (CN); the whole subject, comma-joined, when it has none. */
export function commonName(cert: X509Certificate): string {
  return subjectFields(cert.subject).get('CN') ?? cert.subject.replace(/\n/g, ', ');
}

/** Node's X509Certificate.subject is one `KEY=value` per line. */
export function subjectFields(subject: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of subject.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !fields.has(line.slice(0, eq))) fields.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return fields;
}
