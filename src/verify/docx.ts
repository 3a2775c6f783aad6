/** Checking the OOXML package signatures of a DOCX: SignedInfo digests, every Manifest part, signature value. */

import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { C14nCanonicalization, findAncestorNs } from 'xml-crypto';
import {
  canonicalById,
  commonName,
  decode,
  DSIG,
  isUnsignedPart,
  NS,
  parseXml,
  RELATIONSHIP_TRANSFORM,
  signatureValueDigest,
  signingTimeProblem,
  transformedRelationships,
  validityOf,
} from '../sign/index.js';
import { assessSignature, type SignatureReport, type VerifyOptions } from './assess.js';
import { signedReport, unsignedReport, type VerifyReport } from './report.js';
import { readZip } from '../zip/index.js';

const DIGESTS: Readonly<Record<string, string>> = {
  [DSIG.sha256]: 'sha256',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};
const SIGNATURE_METHODS: Readonly<Record<string, string>> = {
  [DSIG.rsaSha256]: 'sha256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

const dsigChildren = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name,
  );
const first = (el: Element, name: string): Element | undefined =>
  el.getElementsByTagNameNS(DSIG.ns, name)[0] ?? undefined;
const digestOf = (algorithm: string | null, data: Uint8Array | string): string | undefined => {
  const hash = DIGESTS[algorithm ?? ''];
  return hash ? createHash(hash).update(data).digest('base64') : undefined;
};

/** Checks every package signature in a DOCX; valid only when all verify and together they cover every part. */
export function verifyDocx(file: string, docx: Uint8Array, opts: VerifyOptions = {}): VerifyReport {
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(docx);
  } catch {
    return unsignedReport(file, 'docx', 'the file is not a readable DOCX (zip)');
  }
  const sigParts = [...parts.keys()].filter((p) => /^_xmlsignatures\/[^/]+\.xml$/.test(p)).sort();
  if (sigParts.length === 0) return unsignedReport(file, 'docx', 'the DOCX has no package signature');

  const problems: string[] = [];
  const covered = new Set<string>();
  let signer: string | undefined;
  let signingTime: string | undefined;
  const signatures: SignatureReport[] = [];
  for (const sigPart of sigParts) {
    const label = sigParts.length > 1 ? `${sigPart}: ` : '';
    try {
      const xml = decode(parts.get(sigPart)!);
      const result = checkSignature(xml, parts, covered);
      const report = assessSignature(
        {
          form: 'XAdES',
          intact: result.intact,
          certificates: result.certificate ? [result.certificate] : [],
          problems: result.problems,
          ...(result.certificate ? { signerCertificate: result.certificate } : {}),
          ...(result.signingTime ? { claimedTime: result.signingTime } : {}),
          ...(result.timeStampToken
            ? { timeStampToken: result.timeStampToken, stampedDigest: signatureValueDigest(xml) }
            : {}),
        },
        opts,
      );
      signatures.push(report);
      problems.push(...report.problems.map((p) => label + p));
      signer ??= result.signer;
      signingTime ??= result.signingTime;
    } catch (e) {
      problems.push(`${label}the signature cannot be read: ${(e as Error).message}`);
    }
  }
  for (const part of parts.keys()) {
    if (!isUnsignedPart(part) && !covered.has(part))
      problems.push(`the part ${part} is not covered by the signature`);
  }
  return signedReport(file, 'docx', problems, { signer, signingTime, signatures });
}

interface SignatureCheck {
  problems: string[];
  /** Every signed object and part matched its digest and the signature value verified. */
  intact: boolean;
  signer?: string;
  signingTime?: string;
  certificate?: Uint8Array;
  /** The XAdES-T SignatureTimeStamp's token, when there is one. */
  timeStampToken?: Uint8Array;
}

function checkSignature(
  xml: string,
  parts: ReadonlyMap<string, Uint8Array>,
  covered: Set<string>,
): SignatureCheck {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const problems: string[] = [];
  const signedInfo = first(root, 'SignedInfo');
  if (!signedInfo) return { problems: ['no SignedInfo'], intact: false };

  // 1. Each SignedInfo reference points at an element of this signature (#Id) whose canonical form must match.
  const signedIds = new Set<string>();
  for (const ref of dsigChildren(signedInfo, 'Reference')) {
    const uri = ref.getAttribute('URI') ?? '';
    const id = uri.startsWith('#') ? uri.slice(1) : '';
    const canonical = id ? canonicalById(doc, id) : undefined;
    const expected = first(ref, 'DigestValue')?.textContent?.trim();
    const actual =
      canonical === undefined
        ? undefined
        : digestOf(first(ref, 'DigestMethod')?.getAttribute('Algorithm') ?? null, canonical);
    if (actual === undefined || actual !== expected)
      problems.push(`the signed object ${uri} was changed after signing`);
    else signedIds.add(id);
  }

  // 2. The Manifest in a signed object lists the package parts; each part's digest must match.
  for (const manifest of Array.from(root.getElementsByTagNameNS(DSIG.ns, 'Manifest'))) {
    const objectId = (manifest.parentNode as Element | null)?.getAttribute('Id') ?? '';
    if (!signedIds.has(objectId)) {
      problems.push('the Manifest is not in a signed object');
      continue;
    }
    for (const ref of dsigChildren(manifest, 'Reference')) checkPart(ref, parts, covered, problems);
  }

  // 3. The signature value over the canonical SignedInfo, with the certificate in KeyInfo.
  const certText = first(root, 'X509Certificate')?.textContent?.replace(/\s+/g, '') ?? '';
  const time = root.getElementsByTagNameNS(NS.digsig, 'Value')[0]?.textContent?.trim();
  let signer: string | undefined;
  let certificate: Uint8Array | undefined;
  let valueOk = false;
  try {
    const cert = new X509Certificate(Buffer.from(certText, 'base64'));
    certificate = cert.raw;
    signer = commonName(cert);
    // The same rule as a PDF's /M and a CMS signing-time: the claimed time lies within the certificate's validity.
    const wrongTime = time ? signingTimeProblem(time, validityOf(cert)) : undefined;
    if (wrongTime) problems.push(wrongTime);
    const method = SIGNATURE_METHODS[first(signedInfo, 'SignatureMethod')?.getAttribute('Algorithm') ?? ''];
    const c14n = first(signedInfo, 'CanonicalizationMethod')?.getAttribute('Algorithm');
    if (!method || c14n !== DSIG.c14n) {
      problems.push('unsupported signature or canonicalization method');
    } else {
      const canonical = new C14nCanonicalization().process(signedInfo as unknown as Node, {
        ancestorNamespaces: findAncestorNs(doc, "//*[local-name()='SignedInfo']"),
      });
      const value = Buffer.from(
        first(root, 'SignatureValue')?.textContent?.replace(/\s+/g, '') ?? '',
        'base64',
      );
      valueOk = verifySignature(method, Buffer.from(canonical, 'utf8'), cert.publicKey, value);
      if (!valueOk) problems.push('the signature value does not verify with the signer certificate');
    }
  } catch {
    problems.push('the signer certificate in KeyInfo cannot be read');
  }

  const changed = problems.some((p) => / changed after signing| is missing|not in a signed object/.test(p));
  const stamp = root
    .getElementsByTagNameNS(DSIG.xades, 'EncapsulatedTimeStamp')[0]
    ?.textContent?.replace(/\s+/g, '');
  return {
    problems,
    intact: valueOk && !changed,
    ...(signer ? { signer } : {}),
    ...(time ? { signingTime: time } : {}),
    ...(certificate ? { certificate } : {}),
    ...(stamp ? { timeStampToken: Buffer.from(stamp, 'base64') } : {}),
  };
}

/** One Manifest reference: `/word/document.xml?ContentType=…`, raw bytes or RelationshipTransform + C14N. */
function checkPart(
  ref: Element,
  parts: ReadonlyMap<string, Uint8Array>,
  covered: Set<string>,
  problems: string[],
): void {
  const uri = ref.getAttribute('URI') ?? '';
  const part = decodeURIComponent(uri.replace(/\?.*$/, '').replace(/^\//, ''));
  const bytes = parts.get(part);
  if (!bytes) {
    problems.push(`the signed part ${part} is missing`);
    return;
  }
  const transform = Array.from(ref.getElementsByTagNameNS(DSIG.ns, 'Transform')).find(
    (t) => t.getAttribute('Algorithm') === RELATIONSHIP_TRANSFORM,
  );
  let data: Uint8Array | string = bytes;
  if (transform) {
    const ids = new Set(
      Array.from(transform.getElementsByTagNameNS(NS.digsig, 'RelationshipReference')).map(
        (r) => r.getAttribute('SourceId') ?? '',
      ),
    );
    const types = new Set(
      Array.from(transform.getElementsByTagNameNS(NS.digsig, 'RelationshipsGroupReference')).map(
        (r) => r.getAttribute('SourceType') ?? '',
      ),
    );
    const xml = decode(bytes);
    data = transformedRelationships(xml, (r) => ids.has(r.id) || types.has(r.type));
  }
  // Covered whether or not it still matches: a changed part is told as changed, not also as 'not covered'.
  covered.add(part);
  const expected = first(ref, 'DigestValue')?.textContent?.trim();
  if (digestOf(first(ref, 'DigestMethod')?.getAttribute('Algorithm') ?? null, data) !== expected)
    problems.push(`the part ${part} was changed after signing`);
}
