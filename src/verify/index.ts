/** `letter verify`: signatures of PDF and DOCX files, and the hashes a manifest recorded. */

import { readFileSync, statSync } from 'node:fs';
import { LetterError, problem, shown } from '../diag/index.js';
import { sha256 } from '../write/index.js';
import type { SignatureReport } from './assess.js';
import { readManifestEntries, unreadable } from './manifest.js';
import { certificatesFromPem } from './trust.js';

export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly signed: boolean;
  readonly signer?: string;
  readonly signingTime?: string;
  readonly modifiedAfterSigning?: boolean;
  /** Each signature: level, claimed and time-stamped time, integrity, trust. */
  readonly signatures?: readonly SignatureReport[];
  readonly problems: readonly string[];
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly reports: readonly FileReport[];
}

/** `trust`: PEM files of the certificates to trust (`--trust CA.pem`); without them no signature is called trusted. */
export async function verify(opts: {
  files: readonly string[];
  manifest?: string;
  trust?: readonly string[];
}): Promise<VerifyResult> {
  const { verifyFile } = await import('./signatures.js');
  const anchors = opts.trust?.length
    ? opts.trust.flatMap((file) => trustFile(file, certificatesFromPem))
    : undefined;
  const verifyOne = (file: string) => verifyFile(file, anchors ? { trust: anchors } : {});
  const reports: FileReport[] = [];
  for (const file of opts.files) {
    // A device (/dev/zero) or a huge file would be read whole before anything is said: refused by its kind and size.
    const why = unreadable(file);
    if (why)
      throw new LetterError(
        problem(
          why === 'missing' ? 'missing-file' : 'usage',
          `cannot verify '${shown(file)}': ${why === 'missing' ? 'not found' : why}`,
          { file },
          'give the .pdf or .docx files letter wrote',
        ),
      );
    reports.push(await verifyOne(file));
  }
  if (opts.manifest) {
    const entries = readManifestEntries(opts.manifest);
    for (const entry of entries) {
      const { path, file } = entry;
      const why = unreadable(path);
      if (why) {
        reports.push({ file, valid: false, signed: entry.signed, problems: [why] });
        continue;
      }
      // A size that differs already says the file changed; only a file of the recorded size is read and hashed.
      const size = statSync(path).size;
      if (entry.bytes !== undefined && size !== entry.bytes) {
        reports.push({
          file,
          valid: false,
          signed: entry.signed,
          problems: [`${size} bytes, the manifest says ${entry.bytes}`],
        });
        continue;
      }
      const digest = sha256(readFileSync(path));
      const hashProblem =
        digest === entry.sha256 ? [] : [`sha256 ${digest} differs from the manifest's ${entry.sha256}`];
      if (entry.signed) {
        const report = await verifyOne(path);
        reports.push({
          ...report,
          file,
          valid: report.valid && !hashProblem.length,
          problems: [...hashProblem, ...report.problems],
        });
      } else reports.push({ file, valid: !hashProblem.length, signed: false, problems: hashProblem });
    }
  }
  return { ok: reports.every((r) => r.valid), reports };
}

function trustFile<T>(file: string, parse: (pem: string) => T[]): T[] {
  let certificates: T[] = [];
  try {
    certificates = parse(readFileSync(file, 'utf8'));
  } catch {
    // Unreadable, or a PEM block that is no certificate: the same advice.
  }
  if (!certificates.length) {
    throw new LetterError(
      problem(
        'usage',
        `--trust '${shown(file)}': no certificate could be read from it`,
        { file },
        'give a PEM file holding the CA certificate(s) to trust (-----BEGIN CERTIFICATE-----)',
      ),
    );
  }
  return certificates;
}
