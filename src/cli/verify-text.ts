/** `letter verify` as text: one line per file, then one per signature with its level, times, integrity and trust. */

import type { FileReport } from '../index.js';

/**
 * "valid" alone only when every signature is also trusted (`--trust`); an intact signature nobody vouches for is
 * "valid, not trusted", so a self-signed certificate never reads as plainly valid.
 */
export function verifyText(r: FileReport): string {
  const signatures = r.signatures ?? [];
  const trusted = signatures.length > 0 && signatures.every((s) => s.trusted);
  const status = !r.valid ? 'INVALID' : r.signed && !trusted ? 'valid, not trusted' : 'valid';
  const head = `${status} ${r.file}${r.signer ? ` — signed by ${r.signer}` : ''}${r.signingTime ? ` at ${r.signingTime}` : ''}${r.problems.length ? ` — ${r.problems.join('; ')}` : ''}`;
  const lines = signatures.map((s) => {
    const parts = [
      `${s.form} ${s.level}`,
      ...(s.signer ? [`signer ${s.signer}${s.issuer ? ` (issued by ${s.issuer})` : ''}`] : []),
      ...(s.claimedTime ? [`claimed ${s.claimedTime}`] : []),
      s.timestamp ? `time-stamped ${s.timestamp.time} by ${s.timestamp.authority}` : 'no time-stamp',
      ...(s.archiveTimestamp
        ? [`document time-stamp ${s.archiveTimestamp.time} by ${s.archiveTimestamp.authority}`]
        : []),
      s.intact ? 'intact' : 'CHANGED or not verifiable',
      s.trust,
    ];
    return `  ${parts.join('; ')}`;
  });
  return `${[head, ...lines].join('\n')}\n`;
}
