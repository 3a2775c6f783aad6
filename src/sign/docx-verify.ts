/** Checking the OOXML package signatures of a DOCX: SignedInfo digests, every Manifest part, signature value. */

import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { C14nCanonicalization, findAncestorNs } from 'xml-crypto';
import { isUnsignedPart } from './docx.js';
import { decode, NS, parseXml, RELATIONSHIP_TRANSFORM, transformedRelationships } from './docx-opc.js';
import { canonicalById, DSIG } from './docx-xmldsig.js';
import { commonName } from './p12.js';
import { signedReport, unsignedReport, type VerifyReport } from './report.js';
import { signingTimeProblem, validityOf } from './signing-time.js';
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
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const first = (el: Element, name: string): Element | undefined => el.getElementsByTagNameNS(DSIG.ns, name)[0] ?? undefined;
const digestOf = (algorithm: string | null, data: Uint8Array | string): string | undefined => {
  const hash = DIGESTS[algorithm ?? ''];
  return hash ? createHash(hash).update(data).digest('base64') : undefined;
};

/** Checks every package signature in a DOCX; valid only when all verify and together they cover every part. */
export function verifyDocx(file: string, docx: Uint8Array): VerifyReport {
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
  for (const sigPart of sigParts) {
    const label = sigParts.length > 1 ? `${sigPart}: ` : '';
    try {
      const result = checkSignature(decode(parts.get(sigPart)!), parts, covered);
      problems.push(...result.problems.map((p) => label + p));
      signer ??= result.signer;
      signingTime ??= result.signingTime;
    } catch (e) {
      problems.push(`${label}the signature cannot be read: ${(e as Error).message}`);
    }
  }
  for (const part of parts.keys()) {
    if (!isUnsignedPart(part) && !covered.has(part)) problems.push(`the part ${part} is not covered by the signature`);
  }
  return signedReport(file, 'docx', problems, { signer, signingTime });
}

interface SignatureCheck {
  problems: string[];
  signer?: string;
  signingTime?: string;
}

function checkSignature(xml: string, parts: ReadonlyMap<string, Uint8Array>, covered: Set<string>): SignatureCheck {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const problems: string[] = [];
  const signedInfo = first(root, 'SignedInfo');
  if (!signedInfo) return { problems: ['no SignedInfo'] };

  // 1. Each SignedInfo reference points at an element of this signature (#Id) whose canonical form must match.
  const signedIds = new Set<string>();
  for (const ref of dsigChildren(signedInfo, 'Reference')) {
    const uri = ref.getAttribute('URI') ?? '';
    const id = uri.startsWith('#') ? uri.slice(1) : '';
    const canonical = id ? canonicalById(doc, id) : undefined;
    const expected = first(ref, 'DigestValue')?.textContent?.trim();
    const actual = canonical === undefined ? undefined : digestOf(first(ref, 'DigestMethod')?.getAttribute('Algorithm') ?? null, canonical);
    if (actual === undefined || actual !== expected) problems.push(`the signed object ${uri} was changed after signing`);
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
  try {
    const cert = new X509Certificate(Buffer.from(certText, 'base64'));
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
      const value = Buffer.from(first(root, 'SignatureValue')?.textContent?.replace(/\s+/g, '') ?? '', 'base64');
      if (!verifySignature(method, Buffer.from(canonical, 'utf8'), cert.publicKey, value)) {
        problems.push('the signature value does not verify with the signer certificate');
      }
    }
  } catch {
    problems.push('the signer certificate in KeyInfo cannot be read');
  }

  return { problems, ...(signer ? { signer } : {}), ...(time ? { signingTime: time } : {}) };
}

/** One Manifest reference: `/word/document.xml?ContentType=…`, raw bytes or RelationshipTransform + C14N. */
function checkPart(ref: Element, parts: ReadonlyMap<string, Uint8Array>, covered: Set<string>, problems: string[]): void {
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
    const ids = new Set(Array.from(transform.getElementsByTagNameNS(NS.digsig, 'RelationshipReference')).map((r) => r.getAttribute('SourceId') ?? ''));
    const types = new Set(
      Array.from(transform.getElementsByTagNameNS(NS.digsig, 'RelationshipsGroupReference')).map((r) => r.getAttribute('SourceType') ?? ''),
    );
    const xml = decode(bytes);
    data = transformedRelationships(xml, (r) => ids.has(r.id) || types.has(r.type));
  }
  const expected = first(ref, 'DigestValue')?.textContent?.trim();
  if (digestOf(first(ref, 'DigestMethod')?.getAttribute('Algorithm') ?? null, data) !== expected) {
    problems.push(`the part ${part} was changed after signing`);
  } else {
    covered.add(part);
  }
}
