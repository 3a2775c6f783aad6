/** Checking a detached CMS SignedData against the bytes it claims to sign: digest, signature, signer. */

import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import {
  asn1TimeToIso,
  bytesOf,
  children,
  commonName,
  fromDer,
  isContext,
  issuerAndSerial,
  OID,
  oidOf,
  signingTimeProblem,
  toDer,
  validityOf,
  type Asn1,
} from '../sign/index.js';

/** What a detached CMS says about the content it was checked against. */
export interface CmsCheck {
  /** The digest matches the content and the signature verifies with the signer certificate's key. */
  readonly valid: boolean;
  /** The digest matches and the signature value verifies (whatever else is wrong). */
  readonly intact?: boolean;
  readonly signer?: string;
  /** ISO 8601, from the signing-time attribute when there is one. */
  readonly signingTime?: string;
  readonly problems: string[];
  /** DER of the signer certificate, when found. */
  readonly signerCertificate?: Uint8Array;
  /** DER of every certificate in the CMS. */
  readonly certificates?: readonly Uint8Array[];
  /** The signature value a signature time-stamp covers. */
  readonly signatureValue?: Buffer;
  /** The signature-time-stamp-token unsigned attribute (DER ContentInfo), when there is one. */
  readonly timeStampToken?: Uint8Array;
}

const HASHES: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

/** Where the signature lives may claim the signing time outside the CMS: a PDF's /M (PAdES has no signing-time attribute). */
export interface CmsContext {
  /** ISO 8601; checked against the signer certificate by the same rule as the signing-time attribute. */
  readonly claimedTime?: string;
}

/** Checks a detached CMS (DER) over `content` (pieces are hashed in order, as a PDF's byte ranges). Never throws. */
export function verifyDetached(
  cms: Uint8Array,
  content: readonly Uint8Array[],
  context: CmsContext = {},
): CmsCheck {
  try {
    return check(cms, content, context);
  } catch (e) {
    return { valid: false, problems: [`the CMS signature cannot be read: ${(e as Error).message}`] };
  }
}

function check(cms: Uint8Array, content: readonly Uint8Array[], context: CmsContext): CmsCheck {
  const problems: string[] = [];
  const info = children(fromDer(cms));
  if (oidOf(info[0]) !== OID.signedData) return { valid: false, problems: ['the CMS is not SignedData'] };
  const signedData = children(children(info[1])[0]);
  const certificates = children(signedData.find((n) => isContext(n, 0))).map((n) => toDer(n));
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) problems.push(`expected one signer, found ${signerInfos.length}`);
  const si = children(signerInfos[0]);

  // SignerInfo ::= version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, ...
  const sid = si[1];
  const hashName = HASHES[oidOf(children(si[2])[0])];
  const attrsNode = isContext(si[3], 0) ? si[3] : undefined;
  const signature = bytesOf(si[attrsNode ? 5 : 4]);
  const unsignedNode = si.slice(attrsNode ? 6 : 5).find((n) => isContext(n, 1));
  const stampAttr = children(unsignedNode).find((a) => oidOf(children(a)[0]) === OID.signatureTimeStampToken);
  const stampNode = children(children(stampAttr)[1])[0];
  const timeStampToken = stampNode ? toDer(stampNode) : undefined;
  if (!hashName) return { valid: false, problems: [...problems, 'unsupported digest algorithm'] };

  const certDer = certificates.find((der) => matchesSid(der, sid));
  if (!certDer)
    return { valid: false, problems: [...problems, 'the signer certificate is not in the signature'] };
  const cert = new X509Certificate(certDer);
  const signer = commonName(cert);

  const hash = createHash(hashName);
  for (const piece of content) hash.update(piece);
  const digest = hash.digest();

  let signingTime: string | undefined;
  let signedBytes: Buffer = digest;
  let digestOk = false;
  if (attrsNode) {
    for (const attr of children(attrsNode)) {
      const [type, values] = children(attr);
      const value = children(values)[0];
      if (oidOf(type) === OID.messageDigest) digestOk = bytesOf(value).equals(digest);
      if (oidOf(type) === OID.signingTime && value) signingTime = asn1TimeToIso(value);
    }
    // RFC 5652 §5.4: the signature is over the attributes' DER with the SET OF tag, not the [0] IMPLICIT tag.
    signedBytes = toDer(attrsNode);
    signedBytes[0] = 0x31;
  } else {
    digestOk = true;
  }
  if (!digestOk) problems.push('digest mismatch: the signed bytes were changed after signing');

  let signatureOk = false;
  try {
    signatureOk = attrsNode
      ? verifySignature(hashName, signedBytes, cert.publicKey, signature)
      : verifySignature(hashName, Buffer.concat(content), cert.publicKey, signature);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) problems.push('the signature value does not verify with the signer certificate');

  // Every time the signature claims, wherever it is written, must fall within the signer certificate's validity.
  for (const claimed of new Set([context.claimedTime, signingTime])) {
    const wrong = claimed === undefined ? undefined : signingTimeProblem(claimed, validityOf(cert));
    if (wrong) problems.push(wrong);
  }
  return {
    valid: digestOk && signatureOk && problems.length === 0,
    intact: digestOk && signatureOk,
    signer,
    ...(signingTime ? { signingTime } : {}),
    problems,
    signerCertificate: certDer,
    certificates,
    signatureValue: signature,
    ...(timeStampToken ? { timeStampToken } : {}),
  };
}

/** Whether the certificate is the one the SignerIdentifier names by issuer and serial number. */
function matchesSid(certDer: Buffer, sid: Asn1 | undefined): boolean {
  // A [0] subjectKeyIdentifier sid (version 3) is not written by the tools letter works with; it is reported as no match.
  if (!sid || isContext(sid, 0)) return false;
  const [issuer, serial] = children(sid);
  if (!issuer || !serial) return false;
  const cert = issuerAndSerial(certDer);
  return toDer(issuer).equals(toDer(cert.issuer)) && toDer(serial).equals(toDer(cert.serial));
}
