/** Reading DER through node-forge's ASN.1 tree: the few accessors the CMS, timestamp and certificate readers share. */

import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;

export const children = (node: Asn1 | undefined): Asn1[] =>
  node && Array.isArray(node.value) ? node.value : [];
export const oidOf = (node: Asn1 | undefined): string =>
  node && typeof node.value === 'string' && node.type === asn1.Type.OID
    ? asn1.derToOid(forge.util.createBuffer(node.value))
    : '';
export const bytesOf = (node: Asn1 | undefined): Buffer =>
  Buffer.from(node && typeof node.value === 'string' ? node.value : '', 'binary');
export const isContext = (node: Asn1 | undefined, tag: number): boolean =>
  node !== undefined && node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
export const isUniversal = (node: Asn1 | undefined, type: number): boolean =>
  node !== undefined && node.tagClass === asn1.Class.UNIVERSAL && node.type === type;

/** UTCTime or GeneralizedTime as ISO 8601 to the second, or undefined when it is neither or cannot be read. */
export function asn1TimeToIso(node: Asn1 | undefined): string | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  let date: Date;
  if (node.type === asn1.Type.UTCTIME) date = asn1.utcTimeToDate(node.value);
  else if (node.type === asn1.Type.GENERALIZEDTIME) date = asn1.generalizedTimeToDate(node.value);
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
