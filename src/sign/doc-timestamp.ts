/**
 * PAdES B-LTA: a document time-stamp (ISO 32000-2 §12.8.5, SubFilter ETSI.RFC3161) appended after the DSS as one more
 * incremental update: a /DocTimeStamp dictionary whose /Contents is an RFC 3161 token over the bytes its ByteRange
 * covers (the whole file but the token), an invisible signature field holding it, and the AcroForm listing that field.
 */

import { createHash } from 'node:crypto';
import { classicTrailer, latestObject, updateXref } from '../render/pdf/index.js';
import { stampDigest } from './stamp.js';

// A token with the TSA's certificate and chain; @signpdf-style: fail loudly if one outgrows it.
const CONTENTS_BYTES = 12 * 1024;
const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';
const FIELD_NAME = 'DocTimeStamp1';

/** Time-stamps the whole PDF at the TSA `url` (the token checked as for a signature time-stamp). */
export async function appendDocTimeStamp(pdf: Uint8Array, url: string): Promise<Uint8Array> {
  const text = Buffer.from(pdf).toString('latin1');
  const last = classicTrailer(text);
  if (!last) throw new Error('the PDF has no classic trailer to append a document time-stamp to');
  const { size } = last;
  const catalog = latestObject(text, last.root.number);
  const formNumber = Number(/\/AcroForm\s+(\d+)\s+0\s+R/.exec(catalog ?? '')?.[1]);
  const form = formNumber ? latestObject(text, formNumber) : undefined;
  if (!form || !/\/Fields\s*\[/.test(form))
    throw new Error('the PDF has no AcroForm to list a document time-stamp in (sign it first)');

  const stamp = size;
  const field = size + 1;
  const objects: [number, string][] = [
    [
      stamp,
      `<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}> >>`,
    ],
    // Invisible (zero rectangle), printed flag off, locked: a document time-stamp has no appearance.
    [
      field,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${FIELD_NAME}) /V ${stamp} 0 R /Rect [0 0 0 0] /F 132 >>`,
    ],
    [
      formNumber,
      form.replace(
        /\/Fields\s*\[([^\]]*)\]/,
        (_, fields: string) => `/Fields [${fields.trim()} ${field} 0 R]`,
      ),
    ],
  ];
  let offset = pdf.length + 1;
  let body = '\n';
  const offsets: [number, number][] = [];
  for (const [number, dict] of objects) {
    offsets.push([number, offset]);
    const obj = `${number} 0 obj\n${dict}\nendobj\n`;
    body += obj;
    offset += obj.length;
  }
  body += updateXref(offsets, last, size + 2, offset);

  const out = Buffer.concat([Buffer.from(pdf), Buffer.from(body, 'latin1')]);
  const at = pdf.length + body.indexOf('/Contents <') + '/Contents '.length;
  const end = at + CONTENTS_BYTES * 2 + 2;
  const range = `[0 ${at} ${end} ${out.length - end}]`;
  const rangeAt = pdf.length + body.indexOf(BYTE_RANGE_PLACEHOLDER);
  out.write(range.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), rangeAt, 'latin1');
  const digest = createHash('sha256').update(out.subarray(0, at)).update(out.subarray(end)).digest();
  const { token } = await stampDigest(url, digest);
  if (token.length > CONTENTS_BYTES)
    throw new Error(
      `the document time-stamp token (${token.length} bytes) outgrows its ${CONTENTS_BYTES}-byte placeholder`,
    );
  out.write(token.toString('hex').padEnd(CONTENTS_BYTES * 2, '0'), at + 1, 'latin1');
  return new Uint8Array(out);
}

/** A document time-stamp found in a PDF: its token and the digest of the bytes its ByteRange covers. */
export interface DocTimeStampData {
  readonly token: Buffer;
  readonly digest: Buffer;
  /** Its ByteRange reaches the end of the file. */
  readonly coversFile: boolean;
  /** Where the incremental update holding it begins (after the previous %%EOF). */
  readonly revisionStart: number;
  /** Something in that update other than the stamp, its field and the AcroForm listing it. */
  readonly problem?: string;
}

/** Whether the dictionary holding the ByteRange at `byteRangeAt` is a document time-stamp (SubFilter ETSI.RFC3161). */
export function isDocTimeStamp(text: string, byteRangeAt: number): boolean {
  const start = text.lastIndexOf('obj', byteRangeAt);
  const end = text.indexOf('endobj', byteRangeAt);
  return /\/SubFilter\s*\/ETSI\.RFC3161/.test(text.slice(start, end));
}

/** Reads the document time-stamp whose ByteRange [a b c d] sits at `byteRangeAt`. */
export function readDocTimeStamp(
  pdf: Buffer,
  text: string,
  byteRangeAt: number,
  [a, b, c, d]: readonly number[],
): DocTimeStampData {
  const token = Buffer.from(text.slice(b! + 1, c! - 1), 'hex');
  const digest = createHash('sha256')
    .update(pdf.subarray(a!, a! + b!))
    .update(pdf.subarray(c!, c! + d!))
    .digest();
  const revisionStart = text.lastIndexOf('%%EOF', byteRangeAt) + '%%EOF'.length;
  const before = text.slice(0, revisionStart);
  const objects = [...text.slice(revisionStart).matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map((m) => ({
    number: Number(m[1]),
    body: m[2]!,
  }));
  // The AcroForm as it was, with the time-stamp's field last in /Fields, and nothing else changed.
  const fields = (body: string) =>
    body.replace(/\/Fields\s*\[([^\]]*)\]/, (_, list: string) => `/Fields [${list.trim()}]`);
  const sameFormPlusField = ({ number, body }: { number: number; body: string }) => {
    const old = latestObject(before, number);
    return old !== undefined && fields(body).replace(/ \d+ 0 R\]/, ']') === fields(old);
  };
  const allowed = (o: { number: number; body: string }) =>
    o.body.startsWith('<< /Type /DocTimeStamp') ||
    (o.body.startsWith('<< /Type /Annot /Subtype /Widget /FT /Sig') && o.body.includes('/Rect [0 0 0 0]')) ||
    sameFormPlusField(o);
  const problem = objects.every(allowed)
    ? undefined
    : 'the update holding the document time-stamp changes more than the time-stamp and its field';
  return {
    token: token.subarray(0, tokenLength(token)),
    digest,
    coversFile: c! + d! === pdf.length,
    revisionStart,
    ...(problem ? { problem } : {}),
  };
}

/** The DER length of the token at the start of the zero-padded /Contents. */
function tokenLength(contents: Buffer): number {
  if (contents[0] !== 0x30) return contents.length;
  const first = contents[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + contents[2 + i]!;
  return 2 + n + length;
}
