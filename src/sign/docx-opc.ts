/** OPC package plumbing for signatures (ECMA-376 Part 2): content types, relationships, the RelationshipTransform. */

import { DOMParser } from '@xmldom/xmldom';

export const NS = {
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  digsig: 'http://schemas.openxmlformats.org/package/2006/digital-signature',
} as const;

export const REL_TYPE = {
  origin: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin',
  signature: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature',
} as const;

export const CONTENT_TYPE = {
  origin: 'application/vnd.openxmlformats-package.digital-signature-origin',
  signature: 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export const RELATIONSHIP_TRANSFORM = 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';

/** Parses XML, throwing on malformed input instead of xmldom's default of logging and carrying on. */
export function parseXml(text: string): Document {
  const fail = (msg: string): never => {
    throw new Error(`malformed XML: ${msg}`);
  };
  return new DOMParser({
    errorHandler: { warning: () => undefined, error: fail, fatalError: fail },
  }).parseFromString(text, 'application/xml') as unknown as Document;
}

const utf8 = new TextDecoder('utf-8');
export const decode = (bytes: Uint8Array): string => utf8.decode(bytes);
export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The content type of a part (`word/document.xml`) from [Content_Types].xml: its Override, else its extension's Default. */
export function contentTypeOf(part: string, contentTypes: Document): string | undefined {
  const partName = `/${part}`.toLowerCase();
  for (const o of Array.from(contentTypes.getElementsByTagNameNS(NS.contentTypes, 'Override'))) {
    if (o.getAttribute('PartName')?.toLowerCase() === partName)
      return o.getAttribute('ContentType') ?? undefined;
  }
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const d of Array.from(contentTypes.getElementsByTagNameNS(NS.contentTypes, 'Default'))) {
    if (d.getAttribute('Extension')?.toLowerCase() === ext) return d.getAttribute('ContentType') ?? undefined;
  }
  return undefined;
}

/** [Content_Types].xml with the signature origin (by extension) and the signature part (by override) declared. */
export function withSignatureContentTypes(xml: string, signaturePart: string): string {
  const doc = parseXml(xml);
  let add = '';
  if (contentTypeOf('x.sigs', doc) === undefined)
    add += `<Default Extension="sigs" ContentType="${CONTENT_TYPE.origin}"/>`;
  if (contentTypeOf(signaturePart, doc) !== CONTENT_TYPE.signature) {
    add += `<Override PartName="/${signaturePart}" ContentType="${CONTENT_TYPE.signature}"/>`;
  }
  return xml.replace(/<\/Types>\s*$/, `${add}</Types>`);
}

/** One <Relationship> of a .rels part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly targetMode?: string;
}

export function relationships(xml: string): Relationship[] {
  const doc = parseXml(xml);
  return Array.from(doc.getElementsByTagNameNS(NS.relationships, 'Relationship')).map((r) => ({
    id: r.getAttribute('Id') ?? '',
    type: r.getAttribute('Type') ?? '',
    target: r.getAttribute('Target') ?? '',
    ...(r.getAttribute('TargetMode') ? { targetMode: r.getAttribute('TargetMode')! } : {}),
  }));
}

/** A .rels part with one more relationship (unless one of that type already exists), under an unused Id. */
export function withRelationship(xml: string, type: string, target: string): string {
  const rels = relationships(xml);
  if (rels.some((r) => r.type === type)) return xml;
  const ids = new Set(rels.map((r) => r.id));
  let n = 1;
  while (ids.has(`rIdSig${n}`)) n += 1;
  return xml.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="rIdSig${n}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

/** A minimal .rels part. */
export function relsPart(rels: readonly Relationship[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.relationships}">${items}</Relationships>`;
}

/**
 * ECMA-376 Part 2 §13.2.4.24 RelationshipTransform followed by C14N: keep the selected relationships (by SourceId or SourceType), drop
 * every other attribute and namespace, default TargetMode to Internal, sort by Id (ordinal). Written out directly in
 * canonical form: no whitespace, attributes in C14N order (Id, Target, TargetMode, Type), start/end tag pairs.
 */
export function transformedRelationships(xml: string, selected: (rel: Relationship) => boolean): string {
  const kept = relationships(xml)
    .filter(selected)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = kept
    .map(
      (r) =>
        `<Relationship Id="${c14nAttr(r.id)}" Target="${c14nAttr(r.target)}" TargetMode="${c14nAttr(r.targetMode ?? 'Internal')}" Type="${c14nAttr(r.type)}"></Relationship>`,
    )
    .join('');
  return `<Relationships xmlns="${NS.relationships}">${items}</Relationships>`;
}

/** C14N attribute value escaping (Canonical XML 1.0 §2.3). */
function c14nAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** XML text escaping for values we put into markup. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
