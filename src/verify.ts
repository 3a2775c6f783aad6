/** `letter verify`: signatures of PDF and DOCX files, and the hashes a manifest recorded. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LetterError, problem } from './diag/index.js';
import { sha256, type Manifest } from './write/index.js';

export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly signed: boolean;
  readonly signer?: string;
  readonly signingTime?: string;
  readonly modifiedAfterSigning?: boolean;
  readonly problems: readonly string[];
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly reports: readonly FileReport[];
}

export async function verify(opts: { files: readonly string[]; manifest?: string }): Promise<VerifyResult> {
  const { verifyFile } = await import('./sign/index.js');
  const reports: FileReport[] = [];
  for (const file of opts.files) reports.push(await verifyFile(file));
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
        const report = await verifyFile(path);
        reports.push({ ...report, valid: report.valid && !hashProblem.length, problems: [...hashProblem, ...report.problems] });
      } else reports.push({ file: path, valid: !hashProblem.length, signed: false, problems: hashProblem });
    }
  }
  return { ok: reports.every((r) => r.valid), reports };
}
