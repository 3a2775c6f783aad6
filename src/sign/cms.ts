/** Detached CMS SignedData (RFC 5652) with CAdES signed attributes, built by hand so every byte is ours to fix. */

import { createHash, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';
import type { SigningKey } from './p12.js';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

/** Object identifiers used by the CMS we write and read. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

export interface CmsOptions {
  /**
   * Whether to put a signing-time attribute in the signed attributes. PAdES baseline forbids it (the time goes in the
   * signature dictionary's /M); a plain detached .p7s carries it, as CAdES-BES allows.
   */
  readonly signingTime?: Date;
}

const seq = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Uint8Array): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const integer = (n: number): Asn1 =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(n));
const nul = (): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const explicit = (tag: number, inner: Asn1[]): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, inner);

export const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
// @types/node-forge knows only the old boolean `strict` argument; forge 1.x takes an options object.
const parseDer = asn1.fromDer as unknown as (
  bytes: forge.util.ByteBuffer,
  options: { parseAllBytes: boolean; decodeBitStrings: boolean },
) => Asn1;
export const fromDer = (bytes: Uint8Array): Asn1 =>
  // parseAllBytes off: a PDF's /Contents pads the CMS with zeros after its end. decodeBitStrings off: a certificate
  // re-encoded from the tree must come out byte for byte as it went in.
  parseDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), {
    parseAllBytes: false,
    decodeBitStrings: false,
  });

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

/** Issuer name and serial number, copied as encoded from the certificate's TBSCertificate. */
export function issuerAndSerial(certDer: Uint8Array): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(certDer).value as Asn1[])[0]!.value as Asn1[];
  const hasVersion = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC;
  const at = hasVersion ? 1 : 0;
  return { serial: tbs[at]!, issuer: tbs[at + 2]! };
}

function attribute(type: string, value: Asn1): Asn1 {
  return seq([oid(type), set([value])]);
}

/** The signer certificate as a CMS names it: its DER, and its issuer and serial number. */
interface SignerId {
  readonly der: Uint8Array;
  readonly issuer: Asn1;
  readonly serial: Asn1;
}

/** ESS signing-certificate-v2 (RFC 5035): binds the signer certificate into the signed attributes, as CAdES requires. */
function signingCertificateV2({ der: certDer, issuer, serial }: SignerId): Asn1 {
  const certHash = createHash('sha256').update(certDer).digest();
  // hashAlgorithm is omitted: its DEFAULT is sha256, and DER forbids encoding a default.
  const issuerSerial = seq([seq([explicit(4, [issuer])]), serial]);
  return seq([seq([seq([octets(certHash), issuerSerial])])]);
}

/** The signed attributes, each DER-encoded and sorted: DER requires a SET OF in ascending byte order. */
function signedAttributes(digest: Uint8Array, signer: SignerId, opts: CmsOptions): Asn1[] {
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    ...(opts.signingTime ? [attribute(OID.signingTime, time(opts.signingTime))] : []),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer)),
  ];
  return attrs
    .map((attr) => ({ attr, der: toDer(attr) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attr }) => attr);
}

/** The signer's part of a CMS before it is assembled: its signed attributes and the signature value over them. */
interface SignedParts {
  readonly signer: SignerId;
  readonly attrs: Asn1[];
  readonly signature: Buffer;
}

function signParts(
  content: Uint8Array | readonly Uint8Array[],
  key: SigningKey,
  opts: CmsOptions,
): SignedParts {
  const hash = createHash('sha256');
  for (const piece of Array.isArray(content) ? content : [content as Uint8Array]) hash.update(piece);
  const signer: SignerId = { der: key.certificate, ...issuerAndSerial(key.certificate) };
  const attrs = signedAttributes(hash.digest(), signer, opts);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT they are stored under.
  return { signer, attrs, signature: rsaSign('sha256', toDer(set(attrs)), key.privateKey) };
}

function assemble(
  { signer, attrs, signature }: SignedParts,
  key: SigningKey,
  timeStampToken?: Uint8Array,
): Buffer {
  const sha256 = seq([oid(OID.sha256), nul()]);
  // unsignedAttrs [1] IMPLICIT: the signature time-stamp (CAdES/PAdES B-T), over the signature value below.
  const unsigned = timeStampToken
    ? [
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [
          attribute(OID.signatureTimeStampToken, fromDer(timeStampToken)),
        ]),
      ]
    : [];
  const signerInfo = seq([
    integer(1),
    seq([signer.issuer, signer.serial]),
    sha256,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
    ...unsigned,
  ]);
  const certificates = [key.certificate, ...key.chain].map((der) => fromDer(der));
  const signedData = seq([
    integer(1),
    set([sha256]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), explicit(0, [signedData])]));
}

/**
 * A detached CMS SignedData over `content` (or over several pieces of it, as a PDF's byte ranges), SHA-256 with RSA.
 * Deterministic: RSA PKCS#1 v1.5 has no randomness, and the only time in it is `opts.signingTime`.
 */
export function signDetached(
  content: Uint8Array | readonly Uint8Array[],
  key: SigningKey,
  opts: CmsOptions = {},
): Buffer {
  return assemble(signParts(content, key, opts), key);
}

/**
 * The same CMS with a signature time-stamp (CAdES/PAdES B-T): `stamp` gets the signature value and returns an RFC 3161
 * token over it, already checked. Not deterministic: the token carries the authority's time.
 */
export async function signDetachedStamped(
  content: Uint8Array | readonly Uint8Array[],
  key: SigningKey,
  opts: CmsOptions,
  stamp: (signatureValue: Buffer) => Promise<Uint8Array>,
): Promise<Buffer> {
  const parts = signParts(content, key, opts);
  return assemble(parts, key, await stamp(parts.signature));
}
