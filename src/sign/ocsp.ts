/**
 * OCSP (RFC 6960): what a signed response says of a certificate, and a request for one. Responses are read as files
 * (`--ltv resp.der`, a PDF's DSS) or fetched from the certificate's Authority Information Access URL.
 */

import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { fromDer, toDer } from './cms.js';
import { asn1TimeToIso, bytesOf, children, isContext, oidOf, type Asn1 } from './der.js';

const { asn1 } = forge;

/** What one response says of one certificate, once its signature checks out. */
export interface OcspAnswer {
  readonly status: 'good' | 'revoked' | 'unknown';
  /** ISO 8601, when `status` is revoked. */
  readonly revokedAt?: string;
  /** The responder, as its common name. */
  readonly by: string;
  readonly producedAt: string;
}

const OID = {
  basic: '1.3.6.1.5.5.7.48.1.1',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  aiaOcsp: '1.3.6.1.5.5.7.48.1',
};
const HASH_OF_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const HASH_OF_SIGNATURE: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
};

/**
 * The answer about `certDer` in any of `ocsps`, from a response signed by its issuer (found in `pool`) or by a
 * responder the issuer authorised (id-kp-OCSPSigning); a revoked answer wins over a good one. Responses that do not
 * verify, or speak of other certificates, are ignored: anyone could have written them.
 */
export function ocspAnswerFor(
  certDer: Uint8Array,
  pool: readonly Uint8Array[],
  ocsps: readonly Uint8Array[],
): OcspAnswer | undefined {
  const cert = new X509Certificate(certDer);
  const issuerDer = pool.find((der) => {
    const c = new X509Certificate(der);
    return c.subject === cert.issuer && cert.verify(c.publicKey);
  });
  if (!issuerDer) return undefined;
  const answers = ocsps
    .map((der) => readResponse(der, cert, issuerDer))
    .filter((a): a is OcspAnswer => a !== undefined);
  return (
    answers.find((a) => a.status === 'revoked') ?? answers.find((a) => a.status === 'good') ?? answers[0]
  );
}

function readResponse(der: Uint8Array, cert: X509Certificate, issuerDer: Uint8Array): OcspAnswer | undefined {
  try {
    const [status, bytes] = children(fromDer(der));
    if (bytesOf(status)[0] !== 0) return undefined; // not "successful": no answer at all
    const [type, octets] = children(children(bytes)[0]);
    if (oidOf(type) !== OID.basic) return undefined;
    const [tbs, algorithm, signature, certs] = children(fromDer(bytesOf(octets)));
    const signer = responderKey(issuerDer, children(children(certs)[0]));
    const hash = HASH_OF_SIGNATURE[oidOf(children(algorithm)[0])];
    if (
      !signer ||
      !hash ||
      !verifySignature(hash, toDer(tbs!), signer.publicKey, bytesOf(signature).subarray(1))
    )
      return undefined;
    const fields = children(tbs);
    const at = isContext(fields[0], 0) ? 1 : 0; // version [0] EXPLICIT DEFAULT v1
    const producedAt = asn1TimeToIso(fields[at + 1]) ?? '';
    for (const single of children(fields[at + 2])) {
      const [certId, certStatus] = children(single);
      if (!sameCertificate(certId, cert, issuerDer)) continue;
      const by = commonNameOf(signer);
      if (isContext(certStatus, 0)) return { status: 'good', by, producedAt };
      if (isContext(certStatus, 1))
        return {
          status: 'revoked',
          revokedAt: asn1TimeToIso(children(certStatus)[0]) ?? 'an unreadable date',
          by,
          producedAt,
        };
      return { status: 'unknown', by, producedAt };
    }
  } catch {
    // A response that cannot be read says nothing.
  }
  return undefined;
}

/** The issuer itself, or a certificate in the response that the issuer signed for OCSP signing (RFC 6960 §4.2.2.2). */
function responderKey(issuerDer: Uint8Array, certs: readonly Asn1[]): X509Certificate | undefined {
  const issuer = new X509Certificate(issuerDer);
  const candidates = [issuer, ...certs.map((c) => new X509Certificate(toDer(c)))];
  return candidates.find(
    (c) =>
      c.fingerprint256 === issuer.fingerprint256 ||
      (c.issuer === issuer.subject &&
        c.verify(issuer.publicKey) &&
        (c.keyUsage ?? []).includes(OID.ocspSigning)),
  );
}

/** CertID matches: the serial, and the hashes of the issuer's name and key under the algorithm the CertID names. */
function sameCertificate(certId: Asn1 | undefined, cert: X509Certificate, issuerDer: Uint8Array): boolean {
  const [algorithm, nameHash, keyHash, serial] = children(certId);
  const hash = HASH_OF_OID[oidOf(children(algorithm)[0])];
  if (!hash || BigInt(`0x${bytesOf(serial).toString('hex') || '0'}`) !== BigInt(`0x${cert.serialNumber}`))
    return false;
  const ids = issuerIds(issuerDer, hash);
  return bytesOf(nameHash).equals(ids.nameHash) && bytesOf(keyHash).equals(ids.keyHash);
}

/** The hashes a CertID names an issuer by: of its subject Name (DER) and of its public key's BIT STRING contents. */
function issuerIds(issuerDer: Uint8Array, hash: string): { nameHash: Buffer; keyHash: Buffer } {
  const tbs = children(children(fromDer(issuerDer))[0]);
  const at = isContext(tbs[0], 0) ? 1 : 0;
  const subject = tbs[at + 4]!;
  const key = bytesOf(children(tbs[at + 5])[1]).subarray(1);
  return {
    nameHash: createHash(hash).update(toDer(subject)).digest(),
    keyHash: createHash(hash).update(key).digest(),
  };
}

function commonNameOf(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? cert.subject;
}

/** An OCSPRequest (DER) for one certificate, SHA-1 CertID as responders expect, no nonce (the response is archived). */
export function ocspRequest(certDer: Uint8Array, issuerDer: Uint8Array): Uint8Array {
  const { nameHash, keyHash } = issuerIds(issuerDer, 'sha1');
  const serialHex = new X509Certificate(certDer).serialNumber;
  const serial = Buffer.from(serialHex.length % 2 ? `0${serialHex}` : serialHex, 'hex');
  const positive = serial[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), serial]) : serial;
  const seq = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
  const octets = (b: Buffer) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b.toString('binary'));
  const sha1 = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.3.14.3.2.26').getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  ]);
  const certId = seq([
    sha1,
    octets(nameHash),
    octets(keyHash),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, positive.toString('binary')),
  ]);
  return toDer(seq([seq([seq([seq([certId])])])]));
}

/** The OCSP responder URLs of the certificate's Authority Information Access extension. */
export function ocspUrls(certDer: Uint8Array): string[] {
  const info = new X509Certificate(certDer).infoAccess ?? '';
  return [...info.matchAll(/^OCSP - URI:(\S+)$/gm)].map((m) => m[1]!);
}

/**
 * Asks the responders of the certificate's AIA for its status; the first response that answers for it, DER. Throws
 * an Error saying what went wrong with each responder when none answers (no network, HTTP errors, unsigned replies).
 */
export async function fetchOcspResponse(
  certDer: Uint8Array,
  issuerDer: Uint8Array,
  pool: readonly Uint8Array[],
  timeoutMs = 10_000,
): Promise<Uint8Array> {
  const urls = ocspUrls(certDer);
  if (!urls.length) throw new Error('the certificate names no OCSP responder (Authority Information Access)');
  const request = ocspRequest(certDer, issuerDer);
  const failures: string[] = [];
  for (const url of urls) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request' },
        body: new Uint8Array(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const der = new Uint8Array(await response.arrayBuffer());
      if (!ocspAnswerFor(certDer, pool, [der])) throw new Error('no signed answer about this certificate');
      return der;
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      failures.push(`${url}: ${cause?.message ?? cause?.code ?? (e as Error).message}`);
    }
  }
  throw new Error(`no OCSP responder answered (${failures.join('; ')})`);
}
