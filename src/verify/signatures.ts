/** `letter verify`: what kind of file it is, its embedded signature, and a detached `FILE.p7s` beside it. */

import { access, readFile } from 'node:fs/promises';
import { LetterError, problem, shown } from '../diag/index.js';
import { verifyDetached } from './cms.js';
import { verifyDocx } from './docx.js';
import { verifyPdf } from './pdf.js';
import type { VerifyReport } from './report.js';
import { assessCms, type VerifyOptions } from './assess.js';

/**
 * Verifies a signed PDF or DOCX, and `FILE.p7s` when one lies beside it (its problems join the report's). A file that
 * cannot be read is a LetterError ('missing-file'); a file that is neither PDF nor DOCX is 'verify-failed'.
 */
export async function verifyFile(path: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new LetterError(
      problem('missing-file', `cannot read '${shown(path)}'`, { file: path }, 'check the path'),
    );
  }
  const kind = kindOf(bytes);
  const report =
    kind === 'pdf'
      ? verifyPdf(path, bytes, opts)
      : kind === 'docx'
        ? verifyDocx(path, bytes, opts)
        : undefined;
  if (!report) {
    throw new LetterError(
      problem(
        'verify-failed',
        `'${shown(path)}' is neither a PDF nor a DOCX`,
        { file: path },
        'verify the .pdf or .docx files letter wrote',
      ),
    );
  }

  const p7sPath = `${path}.p7s`;
  if (!(await exists(p7sPath))) return report;
  const check = verifyDetached(await readFile(p7sPath), [bytes]);
  const cades = assessCms('CAdES', check, opts, check.signingTime ? { claimedTime: check.signingTime } : {});
  const problems = [...report.problems, ...cades.problems.map((p) => `${p7sPath}: ${p}`)];
  return {
    ...report,
    signed: true,
    valid: report.valid && cades.problems.length === 0,
    signatures: [...(report.signatures ?? []), cades],
    ...(report.signer || !check.signer ? {} : { signer: check.signer }),
    detached: { file: p7sPath, valid: cades.problems.length === 0 },
    problems,
  };
}

// By content, not by name: `%PDF-` or a zip's local header.
function kindOf(bytes: Uint8Array): 'pdf' | 'docx' | undefined {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
