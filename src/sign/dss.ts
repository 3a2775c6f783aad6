/**
 * PAdES B-LT: a Document Security Store (ISO 32000-2 §12.8.4.3) with the chain and revocation data, appended to a
 * signed PDF as an incremental update, so the signature's bytes stay as they were signed.
 */

import { X509Certificate } from 'node:crypto';
import { fromDer } from './cms.js';
import { children, isUniversal } from './der.js';
import forge from 'node-forge';
import { classicTrailer, latestObject, updateXref } from '../render/pdf/index.js';

/** Validation material for the DSS, each item DER. */
export interface ValidationData {
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly ocsps: readonly Uint8Array[];
}

/** Sorts DER or PEM files into certificates, CRLs and OCSP responses by their content. Throws when one is none. */
export function classifyValidationFile(bytes: Uint8Array): { kind: keyof ValidationData; der: Uint8Array }[] {
  const text = Buffer.from(bytes).toString('latin1');
  const pem = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]+?)-----END \1-----/g)];
  const ders = pem.length
    ? pem.map((m) => ({ label: m[1]!, der: Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64') }))
    : [{ label: '', der: Buffer.from(bytes) }];
  return ders.map(({ label, der }) => {
    if (label === 'X509 CRL') return { kind: 'crls' as const, der };
    if (label === 'CERTIFICATE' || isCertificate(der)) return { kind: 'certificates' as const, der };
    const top = children(fromDer(der));
    // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT … OPTIONAL }
    if (isUniversal(top[0], forge.asn1.Type.ENUMERATED)) return { kind: 'ocsps' as const, der };
    // CertificateList ::= SEQUENCE { tbsCertList SEQUENCE, signatureAlgorithm, signatureValue BIT STRING }
    if (top.length === 3 && isUniversal(top[2], forge.asn1.Type.BITSTRING))
      return { kind: 'crls' as const, der };
    throw new Error('not a certificate, CRL or OCSP response (PEM or DER)');
  });
}

function isCertificate(der: Uint8Array): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

/** Appends the DSS to a signed PDF (classic xref table, as pdfkit writes): new objects, a new catalog, an xref section. */
export function appendDss(pdf: Uint8Array, data: ValidationData): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const last = classicTrailer(text);
  if (!last) throw new Error('the PDF has no classic trailer to append the DSS to');
  const rootNumber = last.root.number;
  // The catalog's latest revision: the renderer's own update links the signature field's AcroForm into it.
  const dict = latestObject(text, rootNumber, last.root.generation);
  if (dict === undefined) throw new Error('the PDF catalog cannot be found');
  if (!dict.endsWith('>>') || /\/DSS\b/.test(dict)) throw new Error('the PDF catalog cannot take a DSS');

  const chunks: Buffer[] = [Buffer.from(pdf), Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  let next = last.size;
  const add = (body: Buffer | string, number = next++): number => {
    offsets.set(number, offset);
    const bytes = Buffer.concat([
      Buffer.from(`${number} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    chunks.push(bytes);
    offset += bytes.length;
    return number;
  };
  const stream = (der: Uint8Array): number =>
    add(
      Buffer.concat([
        Buffer.from(`<< /Length ${der.length} >>\nstream\n`),
        Buffer.from(der),
        Buffer.from('\nendstream'),
      ]),
    );
  const refs = (items: readonly Uint8Array[]): string =>
    `[${items.map((der) => `${stream(der)} 0 R`).join(' ')}]`;
  const certs = refs(data.certificates);
  const crls = refs(data.crls);
  const ocsps = refs(data.ocsps);
  const dss = add(`<< /Type /DSS /Certs ${certs} /CRLs ${crls} /OCSPs ${ocsps} >>`);
  add(`${dict.slice(0, -2)} /DSS ${dss} 0 R >>`, rootNumber);

  chunks.push(Buffer.from(updateXref([...offsets], last, next, offset), 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Reads what follows a PDF's last signed byte when it is the DSS update appendDss writes, and nothing else: streams,
 * the DSS, and the catalog as signed plus /DSS. Undefined when nothing follows; `problem` when something else does.
 */
export function appendedDss(
  pdf: Buffer,
  signedEnd: number,
): { data?: ValidationData; problem?: string } | undefined {
  const tail = pdf.toString('latin1', signedEnd);
  if (!/\bobj\b/.test(tail)) return undefined;
  const signed = pdf.toString('latin1', 0, signedEnd);
  const objects = new Map<number, { start: number; body: string }>();
  for (const m of tail.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g))
    objects.set(Number(m[1]), { start: signedEnd + m.index + m[0].indexOf('obj') + 4, body: m[2]! });
  const dss = [...objects.values()].find((o) => o.body.startsWith('<< /Type /DSS'));
  if (!dss)
    return {
      problem: 'bytes were appended after the last signature (the document was modified after signing)',
    };
  const streamOf = (ref: string): Uint8Array | undefined => {
    const o = objects.get(Number(ref));
    const m = o && /^<< \/Length (\d+) >>\nstream\n/.exec(o.body);
    if (!o || !m) return undefined;
    const at = o.start + m[0].length;
    return pdf.subarray(at, at + Number(m[1]));
  };
  const list = (key: string): Uint8Array[] | undefined => {
    const refs = [
      ...(new RegExp(`/${key} \\[([^\\]]*)\\]`).exec(dss.body)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
    ].map((m) => m[1]!);
    const items = refs.map(streamOf);
    return items.every((x) => x !== undefined) ? (items as Uint8Array[]) : undefined;
  };
  const certificates = list('Certs');
  const crls = list('CRLs');
  const ocsps = list('OCSPs');
  // Every other appended object must be a stream the DSS lists, or the catalog as it was signed with /DSS added.
  const listed = new Set([...dss.body.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])));
  for (const [number, o] of objects) {
    if (o === dss || listed.has(number)) continue;
    const original = latestObject(signed, number);
    if (!original || o.body.replace(/ \/DSS \d+ 0 R >>$/, ' >>') !== `${original.slice(0, -2)} >>`) {
      return { problem: `object ${number} was changed after signing (beyond the DSS)` };
    }
  }
  if (!certificates || !crls || !ocsps) return { problem: 'the DSS lists data that is not in the file' };
  return { data: { certificates, crls, ocsps } };
}
