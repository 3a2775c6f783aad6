/** The XML-DSig signature part of an OOXML package: package object, Office object, XAdES properties, SignedInfo. */

import { createHash, sign as rsaSign, X509Certificate } from 'node:crypto';
import { C14nCanonicalization, findAncestorNs } from 'xml-crypto';
import { escapeXml, NS, parseXml, RELATIONSHIP_TRANSFORM } from './docx-opc.js';
import type { SigningKey } from './p12.js';

export const DSIG = {
  ns: 'http://www.w3.org/2000/09/xmldsig#',
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  objectType: 'http://www.w3.org/2000/09/xmldsig#Object',
  signedPropertiesType: 'http://uri.etsi.org/01903#SignedProperties',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  office: 'http://schemas.microsoft.com/office/2006/digsig',
} as const;

/** One part of the package as the Manifest lists it. */
export interface ManifestEntry {
  /** `/word/document.xml?ContentType=…` */
  readonly uri: string;
  /** Base64 SHA-256 of the part (after the transforms, for .rels parts). */
  readonly digest: string;
  /** For .rels parts: the relationship Ids kept by the RelationshipTransform. */
  readonly relationshipIds?: readonly string[];
}

export const sha256Base64 = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('base64');

/** Inclusive C14N of the element with this Id, with the namespaces it inherits (the Signature's default namespace). */
export function canonicalById(doc: Document, id: string): string | undefined {
  if (!/^[\w.-]+$/.test(id)) return undefined;
  const xpath = `//*[@Id='${id}']`;
  const node = findById(doc.documentElement, id);
  if (!node) return undefined;
  return new C14nCanonicalization().process(node as unknown as Node, {
    ancestorNamespaces: findAncestorNs(doc, xpath),
  });
}

function findById(el: Element, id: string): Element | undefined {
  if (el.getAttribute('Id') === id) return el;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1) {
      const found = findById(child as Element, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** `2026-01-01T00:00:00Z`: the form both mdssi:SignatureTime and xd:SigningTime take. */
const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function manifestReference(entry: ManifestEntry): string {
  const transforms = entry.relationshipIds
    ? `<Transforms><Transform Algorithm="${RELATIONSHIP_TRANSFORM}">${entry.relationshipIds
        .map((id) => `<mdssi:RelationshipReference xmlns:mdssi="${NS.digsig}" SourceId="${escapeXml(id)}"/>`)
        .join('')}</Transform><Transform Algorithm="${DSIG.c14n}"/></Transforms>`
    : '';
  return `<Reference URI="${escapeXml(entry.uri)}">${transforms}<DigestMethod Algorithm="${DSIG.sha256}"/><DigestValue>${entry.digest}</DigestValue></Reference>`;
}

function packageObject(entries: readonly ManifestEntry[], time: string): string {
  return (
    `<Object Id="idPackageObject"><Manifest>${entries.map(manifestReference).join('')}</Manifest>` +
    `<SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#idPackageSignature">` +
    `<mdssi:SignatureTime xmlns:mdssi="${NS.digsig}"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format>` +
    `<mdssi:Value>${time}</mdssi:Value></mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object>`
  );
}

// Word reads SignatureInfoV1 to show the signature; the values are what Office and LibreOffice write for a signature
// made without a signature line. ManifestHashAlgorithm tells Word the Manifest is SHA-256, not its default SHA-1.
function officeObject(): string {
  return (
    `<Object Id="idOfficeObject"><SignatureProperties><SignatureProperty Id="idOfficeV1Details" Target="#idPackageSignature">` +
    `<SignatureInfoV1 xmlns="${DSIG.office}"><SetupID></SetupID><SignatureText></SignatureText><SignatureImage></SignatureImage>` +
    `<SignatureComments></SignatureComments><WindowsVersion>10.0</WindowsVersion><OfficeVersion>16.0</OfficeVersion>` +
    `<ApplicationVersion>16.0</ApplicationVersion><Monitors>1</Monitors><HorizontalResolution>1920</HorizontalResolution>` +
    `<VerticalResolution>1080</VerticalResolution><ColorDepth>32</ColorDepth>` +
    `<SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId><SignatureProviderUrl></SignatureProviderUrl>` +
    `<SignatureProviderDetails>9</SignatureProviderDetails><SignatureType>1</SignatureType>` +
    `<ManifestHashAlgorithm>${DSIG.sha256}</ManifestHashAlgorithm></SignatureInfoV1></SignatureProperty></SignatureProperties></Object>`
  );
}

/** XAdES-BES SignedProperties: signing time and the signer certificate's digest, issuer and serial. */
function xadesObject(key: SigningKey, time: string): string {
  const cert = new X509Certificate(key.certificate);
  // RFC 4514 order: most specific RDN first; Node lists them root first, one per line.
  const issuer = cert.issuer.split('\n').reverse().join(', ');
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10);
  return (
    `<Object><xd:QualifyingProperties xmlns:xd="${DSIG.xades}" Target="#idPackageSignature">` +
    `<xd:SignedProperties Id="idSignedProperties"><xd:SignedSignatureProperties><xd:SigningTime>${time}</xd:SigningTime>` +
    `<xd:SigningCertificate><xd:Cert><xd:CertDigest><DigestMethod Algorithm="${DSIG.sha256}"/>` +
    `<DigestValue>${sha256Base64(key.certificate)}</DigestValue></xd:CertDigest><xd:IssuerSerial>` +
    `<X509IssuerName>${escapeXml(issuer)}</X509IssuerName><X509SerialNumber>${serial}</X509SerialNumber></xd:IssuerSerial>` +
    `</xd:Cert></xd:SigningCertificate><xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied></xd:SignaturePolicyImplied>` +
    `</xd:SignaturePolicyIdentifier></xd:SignedSignatureProperties></xd:SignedProperties></xd:QualifyingProperties></Object>`
  );
}

const SIGNED = [
  { id: 'idPackageObject', type: DSIG.objectType, c14nTransform: false },
  { id: 'idOfficeObject', type: DSIG.objectType, c14nTransform: false },
  { id: 'idSignedProperties', type: DSIG.signedPropertiesType, c14nTransform: true },
] as const;

function signedInfo(digests: readonly string[]): string {
  const refs = SIGNED.map(
    (s, i) =>
      `<Reference Type="${s.type}" URI="#${s.id}">` +
      (s.c14nTransform ? `<Transforms><Transform Algorithm="${DSIG.c14n}"/></Transforms>` : '') +
      `<DigestMethod Algorithm="${DSIG.sha256}"/><DigestValue>${digests[i] ?? ''}</DigestValue></Reference>`,
  ).join('');
  return `<SignedInfo><CanonicalizationMethod Algorithm="${DSIG.c14n}"/><SignatureMethod Algorithm="${DSIG.rsaSha256}"/>${refs}</SignedInfo>`;
}

/**
 * The signature part (`_xmlsignatures/sig1.xml`) over the manifest entries, signed at `signingTime`. No whitespace
 * between elements, so what is digested is exactly what is written. Deterministic (RSA PKCS#1 v1.5).
 */
export function signatureXml(entries: readonly ManifestEntry[], key: SigningKey, signingTime: Date): string {
  const time = isoSeconds(signingTime);
  // Only the signer's certificate, as Word writes it: a reader that takes the first X509Certificate as the signer's
  // must not pick a CA.
  const certs = [`<X509Certificate>${Buffer.from(key.certificate).toString('base64')}</X509Certificate>`];
  const objects = packageObject(entries, time) + officeObject() + xadesObject(key, time);
  const wrap = (info: string, value: string): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Signature xmlns="${DSIG.ns}" Id="idPackageSignature">${info}` +
    `<SignatureValue>${value}</SignatureValue><KeyInfo><X509Data>${certs.join('')}</X509Data></KeyInfo>${objects}</Signature>`;

  // The objects do not depend on SignedInfo, so their digests can be taken from a draft with empty digests.
  const draft = parseXml(wrap(signedInfo([]), ''));
  const digests = SIGNED.map((s) => sha256Base64(canonicalById(draft, s.id)!));
  const info = signedInfo(digests);
  const withInfo = parseXml(wrap(info, ''));
  const signedInfoEl = withInfo.getElementsByTagNameNS(DSIG.ns, 'SignedInfo')[0]!;
  const canonical = new C14nCanonicalization().process(signedInfoEl as unknown as Node, {
    ancestorNamespaces: findAncestorNs(withInfo, "//*[local-name()='SignedInfo']"),
  });
  const value = rsaSign('sha256', Buffer.from(canonical, 'utf8'), key.privateKey).toString('base64');
  return wrap(info, value);
}

/**
 * What XAdES's SignatureTimeStamp covers: the SHA-256 of the canonical (inclusive C14N) ds:SignatureValue element.
 * `xml` is a finished signature part.
 */
export function signatureValueDigest(xml: string): Buffer {
  const doc = parseXml(xml);
  const value = doc.getElementsByTagNameNS(DSIG.ns, 'SignatureValue')[0]!;
  const canonical = new C14nCanonicalization().process(value as unknown as Node, {
    ancestorNamespaces: findAncestorNs(doc, "//*[local-name()='SignatureValue']"),
  });
  return createHash('sha256').update(canonical, 'utf8').digest();
}

/**
 * The signature part with an XAdES-T SignatureTimeStamp in UnsignedProperties. The QualifyingProperties' object is
 * not itself referenced by SignedInfo (only SignedProperties is), so adding it leaves the signature valid.
 */
export function withSignatureTimeStamp(xml: string, token: Uint8Array): string {
  const stamp =
    `<xd:UnsignedProperties><xd:UnsignedSignatureProperties><xd:SignatureTimeStamp>` +
    `<CanonicalizationMethod Algorithm="${DSIG.c14n}"/><xd:EncapsulatedTimeStamp>${Buffer.from(token).toString('base64')}</xd:EncapsulatedTimeStamp>` +
    `</xd:SignatureTimeStamp></xd:UnsignedSignatureProperties></xd:UnsignedProperties>`;
  const end = '</xd:QualifyingProperties>';
  const at = xml.lastIndexOf(end);
  return `${xml.slice(0, at)}${stamp}${xml.slice(at)}`;
}
