/** RFC 3161 time-stamps: the request we send, and the checks a reply or an embedded token must pass. */

import { createHash, randomBytes, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { shownUrl } from '../diag/index.js';
import { fromDer, OID, toDer } from './cms.js';
import { asn1TimeToIso, bytesOf, children, isContext, oidOf, type Asn1 } from './der.js';

const { asn1 } = forge;

export const TSP_OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** id-aa-signatureTimeStampToken: the unsigned attribute holding a time-stamp over a SignerInfo's signature value. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

/** What a valid time-stamp token says. */
export interface TimeStamp {
  /** ISO 8601 genTime. */
  readonly time: string;
  /** The TSA certificate's subject common name. */
  readonly authority: string;
  /** DER of the certificates in the token (the TSA's, and its chain when the TSA sent it). */
  readonly certificates: readonly Uint8Array[];
  /** DER of the TSA certificate that signed the token. */
  readonly tsaCertificate: Uint8Array;
}

export type TokenCheck =
  | { readonly ok: true; readonly stamp: TimeStamp }
  | { readonly ok: false; readonly problem: string };

const seq = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const oid = (id: string): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const int = (bytes: Buffer): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes.toString('binary'));

/** A TimeStampReq (DER) for the SHA-256 `digest`, asking for the TSA's certificate, with a fresh positive nonce. */
export function timeStampRequest(digest: Uint8Array): { der: Buffer; nonce: Buffer } {
  const nonce = Buffer.concat([Buffer.from([0x01]), randomBytes(8)]);
  const imprint = seq([
    seq([oid(OID.sha256), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
    octets(digest),
  ]);
  const certReq = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, String.fromCharCode(0xff));
  return { der: toDer(seq([int(Buffer.from([1])), imprint, int(nonce), certReq])), nonce };
}

const octets = (bytes: Uint8Array): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));

/**
 * Checks a TimeStampResp before anything is written: granted status, a token over `digest` answering `nonce`, signed
 * by a certificate in it. Returns the token (DER ContentInfo) or throws an Error whose message says what is wrong.
 */
export function tokenFromReply(
  reply: Uint8Array,
  digest: Uint8Array,
  nonce: Buffer,
): { token: Buffer; stamp: TimeStamp } {
  let status: number;
  let tokenNode: Asn1 | undefined;
  try {
    const [statusInfo, token] = children(fromDer(reply));
    const statusNode = children(statusInfo)[0];
    status = statusNode ? parseInt(bytesOf(statusNode).toString('hex') || '0', 16) : -1;
    tokenNode = token;
  } catch {
    throw new Error('the reply is not an RFC 3161 TimeStampResp');
  }
  // PKIStatus: 0 granted, 1 grantedWithMods; anything else is a refusal.
  if (status !== 0 && status !== 1)
    throw new Error(`the time-stamp authority refused the request (PKIStatus ${status})`);
  if (!tokenNode) throw new Error('the reply grants the request but holds no time-stamp token');
  const token = toDer(tokenNode);
  const check = checkToken(token, digest, nonce);
  if (!check.ok) throw new Error(check.problem);
  return { token, stamp: check.stamp };
}

/** Checks a TimeStampToken over `digest` (and answering `nonce` when given): imprint, signed attributes, signature. */
export function checkToken(token: Uint8Array, digest: Uint8Array, nonce?: Buffer): TokenCheck {
  try {
    return readToken(token, digest, nonce);
  } catch (e) {
    return { ok: false, problem: `the time-stamp token cannot be read (${(e as Error).message})` };
  }
}

function readToken(token: Uint8Array, digest: Uint8Array, nonce: Buffer | undefined): TokenCheck {
  const fail = (problem: string): TokenCheck => ({ ok: false, problem });
  const [type, content] = children(fromDer(token));
  if (oidOf(type) !== OID.signedData) return fail('the time-stamp token is not CMS SignedData');
  const signedData = children(children(content)[0]);
  const [eContentType, eContent] = children(signedData[2]);
  if (oidOf(eContentType) !== TSP_OID.tstInfo) return fail('the time-stamp token does not hold a TSTInfo');
  const tstInfoDer = bytesOf(children(eContent)[0]);
  const tst = children(fromDer(tstInfoDer));
  // TSTInfo ::= version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, tsa [0]?, ...
  const [algorithm, hashed] = children(tst[2]);
  if (oidOf(children(algorithm)[0]) !== OID.sha256 || !bytesOf(hashed).equals(Buffer.from(digest))) {
    return fail('the time-stamp is for other data: its message imprint is not the digest of this signature');
  }
  const time = asn1TimeToIso(tst[4]);
  if (!time) return fail('the time-stamp has no readable time');
  if (nonce) {
    const got = tst.slice(5).find((n) => n.tagClass === asn1.Class.UNIVERSAL && n.type === asn1.Type.INTEGER);
    if (!got || !stripZeros(bytesOf(got)).equals(stripZeros(nonce)))
      return fail('the time-stamp reply does not answer our request (nonce differs)');
  }

  const certificates = children(signedData.find((n) => isContext(n, 0))).map((n) => toDer(n));
  const si = children(children(signedData[signedData.length - 1])[0]);
  const attrsNode = isContext(si[3], 0) ? si[3] : undefined;
  if (!attrsNode) return fail('the time-stamp token has no signed attributes');
  const hashName =
    oidOf(children(si[2])[0]) === OID.sha256
      ? 'sha256'
      : oidOf(children(si[2])[0]) === '1.3.14.3.2.26'
        ? 'sha1'
        : undefined;
  if (!hashName) return fail('the time-stamp token uses an unsupported digest algorithm');
  const messageDigest = children(attrsNode).find((a) => oidOf(children(a)[0]) === OID.messageDigest);
  if (
    !messageDigest ||
    !bytesOf(children(children(messageDigest)[1])[0]).equals(createHash(hashName).update(tstInfoDer).digest())
  ) {
    return fail('the time-stamp token was changed: its TSTInfo does not match its signed digest');
  }
  const signedBytes = toDer(attrsNode);
  signedBytes[0] = 0x31;
  const signature = bytesOf(si[5]);
  // The signer is whichever certificate in the token verifies the signature (RFC 3161 asks the TSA to include it).
  const tsaCertificate = certificates.find((der) => {
    try {
      return verifySignature(hashName, signedBytes, new X509Certificate(der).publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!tsaCertificate)
    return fail(
      "the time-stamp token's signature does not verify with a certificate in it (tampered, or the TSA sent no certificate)",
    );
  const cert = new X509Certificate(tsaCertificate);
  const authority = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? cert.subject.replace(/\n/g, ', ');
  return { ok: true, stamp: { time, authority, certificates, tsaCertificate } };
}

const stripZeros = (b: Buffer): Buffer => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

/** The SHA-256 a signature time-stamp covers: the SignerInfo's signature value (ETSI EN 319 122-1 §5.3). */
export const signatureDigest = (signatureValue: Uint8Array): Buffer =>
  createHash('sha256').update(signatureValue).digest();

/** Asks the TSA at `url` for a time-stamp over `digest`, and checks the reply; throws an Error saying what went wrong. */
export async function requestTimeStamp(
  url: string,
  digest: Uint8Array,
  timeoutMs = 30_000,
): Promise<{ token: Buffer; stamp: TimeStamp }> {
  const { der, nonce } = timeStampRequest(digest);
  const post = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(der),
      signal: AbortSignal.timeout(timeoutMs),
    });
  let response: Response;
  try {
    // Once more on a network error: a kept-alive connection the server has just closed fails the first try.
    response = await post().catch(post);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    // fetch's own message may repeat the URL whole, with a password in it: that copy is shown as the rest is.
    const why = `${cause?.message ?? cause?.code ?? (e as Error).message}`.split(url).join(shownUrl(url));
    throw new Error(`cannot reach the time-stamp authority '${shownUrl(url)}': ${why}`);
  }
  if (!response.ok)
    throw new Error(`the time-stamp authority '${shownUrl(url)}' answered HTTP ${response.status}`);
  const reply = new Uint8Array(await response.arrayBuffer());
  try {
    return tokenFromReply(reply, digest, nonce);
  } catch (e) {
    throw new Error(`the time-stamp authority '${shownUrl(url)}': ${(e as Error).message}`);
  }
}
