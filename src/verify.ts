/** `letter verify`: signatures of PDF and DOCX files, and the hashes a manifest recorded. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LetterError, problem } from './diag/index.js';
import { sha256, type Manifest } from './write/index.js';
import type { SignatureReport } from './sign/index.js';

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
export async function verify(opts: { files: readonly string[]; manifest?: string; trust?: readonly string[] }): Promise<VerifyResult> {
  const { verifyFile, certificatesFromPem } = await import('./sign/index.js');
  const anchors = opts.trust?.length ? opts.trust.flatMap((file) => trustFile(file, certificatesFromPem)) : undefined;
  const verifyOne = (file: string) => verifyFile(file, anchors ? { trust: anchors } : {});
  const reports: FileReport[] = [];
  for (const file of opts.files) reports.push(await verifyOne(file));
  if (opts.manifest) {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(opts.manifest, 'utf8')) as Manifest;
    } catch {
      throw new LetterError(problem('usage', `cannot read the manifest '${opts.manifest}'`, { file: opts.manifest }, 'give the manifest.json a build wrote'));
    }
    const root = dirname(opts.manifest);
    for (const entry of manifest.files) {
      const path = join(root, entry.file);
      if (!existsSync(path)) {
        reports.push({ file: path, valid: false, signed: entry.signed, problems: ['missing'] });
        continue;
      }
      const digest = sha256(readFileSync(path));
      const hashProblem = digest === entry.sha256 ? [] : [`sha256 ${digest} differs from the manifest's ${entry.sha256}`];
      if (entry.signed) {
        const report = await verifyOne(path);
        reports.push({ ...report, valid: report.valid && !hashProblem.length, problems: [...hashProblem, ...report.problems] });
      } else reports.push({ file: path, valid: !hashProblem.length, signed: false, problems: hashProblem });
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
    throw new LetterError(problem('usage', `--trust ${file}: no certificate could be read from it`, { file }, 'give a PEM file holding the CA certificate(s) to trust (-----BEGIN CERTIFICATE-----)'));
  }
  return certificates;
}
