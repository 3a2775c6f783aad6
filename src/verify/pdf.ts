/** Checking a signed PDF: byte ranges, the CMS over them, signer, claimed time, bytes appended after signing. */

import { assessSignature, type SignatureReport, type VerifyOptions } from './assess.js';
import { verifyDetached } from './cms.js';
import { signedReport, unsignedReport, type VerifyReport } from './report.js';
import { signatureDigest } from '../sign/tsp.js';
import { appendedDss } from '../sign/dss.js';

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Checks every signature of a PDF; the report is valid only when all are valid and cover the whole file. */
export function verifyPdf(file: string, pdf: Uint8Array, opts: VerifyOptions = {}): VerifyReport {
  const bytes = Buffer.from(pdf);
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = bytes.toString('latin1');
  const problems: string[] = [];
  let signer: string | undefined;
  let signingTime: string | undefined;
  let modifiedAfterSigning = false;
  let count = 0;
  const signatures: SignatureReport[] = [];
  const matches = [...text.matchAll(BYTE_RANGE)];
  // PAdES B-LT: a DSS appended after the last signature, and nothing else, leaves the signed document as it was.
  const last = matches[matches.length - 1];
  const signedEnd = last ? Number(last[3]) + Number(last[4]) : 0;
  const dss = signedEnd > 0 && signedEnd < bytes.length ? appendedDss(bytes, signedEnd) : undefined;

  for (const match of matches) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    count += 1;
    const label = count > 1 ? `signature ${count}: ` : '';
    if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length || text[b] !== '<' || text[c - 1] !== '>') {
      problems.push(`${label}the ByteRange [${a} ${b} ${c} ${d}] does not frame the signature's /Contents`);
      continue;
    }
    const cms = Buffer.from(text.slice(b + 1, c - 1), 'hex');
    const claimed = claimedTime(text, match.index);
    const check = verifyDetached(cms, [bytes.subarray(a, a + b), bytes.subarray(c, c + d)], claimed ? { claimedTime: claimed } : {});
    const report = assessSignature(
      {
        form: 'PAdES',
        intact: check.intact ?? false,
        certificates: check.certificates ?? [],
        problems: check.problems,
        ...(check.signerCertificate ? { signerCertificate: check.signerCertificate } : {}),
        ...(claimed ? { claimedTime: claimed } : {}),
        ...(check.timeStampToken ? { timeStampToken: check.timeStampToken, stampedDigest: signatureDigest(check.signatureValue ?? Buffer.alloc(0)) } : {}),
        ...(dss?.data ? { validation: dss.data } : {}),
      },
      opts,
    );
    signatures.push(report);
    problems.push(...report.problems.map((p) => label + p));
    signer ??= check.signer;
    signingTime ??= claimed ?? check.signingTime;
    // A later revision appended after the signed range is what "modified after signing" means (pdfsig's
    // "not total document signed"); the last signature must reach the end of the file.
    modifiedAfterSigning = c + d !== bytes.length && !dss?.data;
  }

  if (count === 0) return unsignedReport(file, 'pdf', 'the PDF has no signature');
  if (modifiedAfterSigning) problems.push(dss?.problem ?? 'bytes were appended after the last signature (the document was modified after signing)');
  return signedReport(file, 'pdf', problems, { signer, signingTime, modifiedAfterSigning, signatures });
}

/** The /M of the signature dictionary holding this ByteRange, as ISO 8601 (PAdES puts the claimed time there). */
function claimedTime(text: string, byteRangeAt: number): string | undefined {
  const start = text.lastIndexOf('obj', byteRangeAt);
  const end = text.indexOf('endobj', byteRangeAt);
  const dict = text.slice(start, end);
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/.exec(dict);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
}
