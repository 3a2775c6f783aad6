/** The answer `letter verify` gives for one file. */

import type { SignatureReport } from './assess.js';

/** What verifying one signed file found. `valid` is true only when `problems` is empty. */
export interface VerifyReport {
  readonly file: string;
  readonly kind: 'pdf' | 'docx';
  /** The file carries a signature at all. */
  readonly signed: boolean;
  /** Every signature checks out: digests, signature values, and (PDF) nothing appended after signing. */
  readonly valid: boolean;
  /** The signer certificate's common name. */
  readonly signer?: string;
  /** ISO 8601 claimed signing time (PDF /M, DOCX SignatureTime, else the CMS signing-time attribute). */
  readonly signingTime?: string;
  /** PDF only: bytes follow the signed range (an incremental update after signing). */
  readonly modifiedAfterSigning?: boolean;
  /** Each signature: its level, claimed and time-stamped time, integrity and trust (the .p7s's last, for a DOCX). */
  readonly signatures?: readonly SignatureReport[];
  /** The detached `FILE.p7s` beside the file, when there is one. */
  readonly detached?: { readonly file: string; readonly valid: boolean };
  /** Each thing that is wrong, in words a user can act on. */
  readonly problems: string[];
}

/** The report for a file that carries no signature (or cannot be read far enough to find one). */
export function unsignedReport(file: string, kind: VerifyReport['kind'], message: string): VerifyReport {
  return { file, kind, signed: false, valid: false, problems: [message] };
}

/** What a signed file's report may carry beyond its problems. */
export type SignedExtras = Pick<
  VerifyReport,
  'signer' | 'signingTime' | 'modifiedAfterSigning' | 'signatures'
>;

/** The report for a signed file: valid exactly when nothing is wrong; extras left undefined do not appear. */
export function signedReport(
  file: string,
  kind: VerifyReport['kind'],
  problems: string[],
  extras: SignedExtras = {},
): VerifyReport {
  const present = Object.entries(extras).filter(([, value]) => value !== undefined);
  return { file, kind, signed: true, valid: problems.length === 0, ...Object.fromEntries(present), problems };
}
