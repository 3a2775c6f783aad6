/** Checking a signed PDF: byte ranges, the CMS over them, signer, claimed time, bytes appended after signing. */

import { assessCms, type SignatureReport, type VerifyOptions } from './assess.js';
import { verifyDetached } from './cms.js';
import { signedReport, unsignedReport, type VerifyReport } from './report.js';
import { appendedDss, checkToken, isDocTimeStamp, readDocTimeStamp } from '../sign/index.js';
import { trustOf } from './trust.js';

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
  const ranges = [...text.matchAll(BYTE_RANGE)];
  // PAdES B-LTA: a document time-stamp over everything before it, the last update of the file.
  const stampMatch = ranges.filter((m) => isDocTimeStamp(text, m.index)).pop();
  const matches = ranges.filter((m) => !isDocTimeStamp(text, m.index));
  const archive = stampMatch ? documentTimeStamp(bytes, text, stampMatch, opts) : undefined;
  if (archive?.problem) problems.push(archive.problem);
  // The revision the signatures and their DSS end with: the file, or what the document time-stamp covers.
  const revisionEnd = archive?.revisionStart ?? bytes.length;
  // PAdES B-LT: a DSS appended after the last signature, and nothing else, leaves the signed document as it was.
  const last = matches[matches.length - 1];
  const signedEnd = last ? Number(last[3]) + Number(last[4]) : 0;
  const dss =
    signedEnd > 0 && signedEnd < revisionEnd
      ? appendedDss(bytes.subarray(0, revisionEnd), signedEnd)
      : undefined;

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
    const check = verifyDetached(
      cms,
      [bytes.subarray(a, a + b), bytes.subarray(c, c + d)],
      claimed ? { claimedTime: claimed } : {},
    );
    const report = assessCms('PAdES', check, opts, {
      ...(claimed ? { claimedTime: claimed } : {}),
      ...(dss?.data ? { validation: dss.data } : {}),
    });
    // B-LTA: long-term validation data, then a valid document time-stamp over it all.
    const archived = archive?.stamp
      ? {
          ...report,
          archiveTimestamp: archive.stamp,
          ...(report.level === 'B-LT' ? { level: 'B-LTA' as const } : {}),
        }
      : report;
    signatures.push(archived);
    problems.push(...report.problems.map((p) => label + p));
    signer ??= check.signer;
    signingTime ??= claimed ?? check.signingTime;
    // A later revision appended after the signed range is what "modified after signing" means (pdfsig's
    // "not total document signed"); the last signature must reach the end of the file.
    modifiedAfterSigning = c + d !== revisionEnd && !dss?.data;
  }

  if (count === 0) return unsignedReport(file, 'pdf', 'the PDF has no signature');
  if (modifiedAfterSigning)
    problems.push(
      dss?.problem ??
        'bytes were appended after the last signature (the document was modified after signing)',
    );
  return signedReport(file, 'pdf', problems, { signer, signingTime, modifiedAfterSigning, signatures });
}

/** The document time-stamp's token checked over the bytes it covers, and what it says; problems in words. */
function documentTimeStamp(
  bytes: Buffer,
  text: string,
  match: RegExpExecArray | RegExpMatchArray,
  opts: VerifyOptions,
) {
  const range = match.slice(1, 5).map(Number);
  const data = readDocTimeStamp(bytes, text, match.index!, range);
  const problems = [
    ...(data.problem ? [data.problem] : []),
    ...(data.coversFile
      ? []
      : ['bytes were appended after the document time-stamp (the document was modified after it)']),
  ];
  const check = checkToken(data.token, data.digest);
  let stamp: { time: string; authority: string; trusted: boolean } | undefined;
  if (!check.ok) problems.push(`the document time-stamp is not valid: ${check.problem}`);
  else {
    const trust = trustOf(check.stamp.tsaCertificate, check.stamp.certificates, opts.trust);
    stamp = { time: check.stamp.time, authority: check.stamp.authority, trusted: trust.trusted };
    if (opts.trust && !trust.trusted)
      problems.push(`the document time-stamp authority ${check.stamp.authority} is ${trust.verdict}`);
  }
  return {
    revisionStart: data.revisionStart,
    ...(stamp && problems.length === 0 ? { stamp } : {}),
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
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
