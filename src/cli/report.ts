/** Printing results: diagnostics as `file:line:col: message — hint` on stderr, or one JSON object on stdout. */

import { formatDiagnostic, type Diagnostic } from '../diag/index.js';

export function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The `--json` shape of SPEC §8: `{ok, outputs, errors: [{code, message, file, line, column, hint}]}`. */
export function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  return { code: d.code, severity: d.severity, message: d.message, file: d.file ?? null, line: d.line ?? null, column: d.column ?? null, hint: d.hint ?? null };
}

/** A bug, not a user's mistake: a short report that asks to be filed, never a bare stack trace. */
export function printInternalError(e: unknown, version: string): void {
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(
    `letter: internal error: ${err.message}\n` +
      `This is a bug in letter ${version}, not in your letter. Please report it with the command you ran and this trace:\n` +
      `${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}\n`,
  );
}
