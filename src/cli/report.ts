/** Printing results: diagnostics as `file:line:col: message — hint` on stderr, or one JSON object on stdout. */

import { formatDiagnostic, type Diagnostic } from '../diag/index.js';
import { stderr, stdout } from './streams.js';

export function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) stderr().write(`${formatDiagnostic(d)}\n`);
}

export function printJson(value: unknown): void {
  stdout().write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The `--json` shape of SPEC §8: `{ok, outputs, errors: [{code, message, file, line, column, hint}]}`, plus the
 * rejected value and the language when the diagnostic has them, so a program need not parse the message.
 */
export function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    hint: d.hint ?? null,
    ...(d.value !== undefined ? { value: d.value } : {}),
    ...(d.lang !== undefined ? { lang: d.lang } : {}),
  };
}

/** The commands that take `--json`, and so answer every outcome, usage errors included, with one JSON object. */
export const JSON_COMMANDS = ['build', 'check', 'recipients', 'verify'] as const;
export type JsonCommand = (typeof JSON_COMMANDS)[number];

/**
 * The command whose `--json` is among the arguments, read from argv before commander parses it (commander's own parse
 * errors must come out as JSON too); undefined when the output is text. Arguments after `--` are operands, not options.
 */
export function jsonCommand(argv: readonly string[]): JsonCommand | undefined {
  const [command, ...rest] = argv.slice(2);
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  const asked = options.some((a) => a === '--json' || a.startsWith('--json='));
  return asked ? JSON_COMMANDS.find((c) => c === command) : undefined;
}

/**
 * A command that stopped before producing its result (usage error, bad input, a bug), as `--json` reports it: `ok:
 * false`, the errors, and the command's own lists empty, so a reader finds the same keys as in a result.
 */
export function printJsonFailure(command: JsonCommand, errors: readonly Diagnostic[]): void {
  const listed = errors.map(jsonDiagnostic);
  // The keys in the order the command's own result has them.
  const shapes: Record<JsonCommand, Record<string, unknown>> = {
    build: { ok: false, outputs: [], errors: listed, warnings: [], problems: [] },
    check: { ok: false, outputs: [], errors: listed, warnings: [] },
    recipients: { ok: false, outputs: [], errors: listed },
    verify: { ok: false, outputs: [], reports: [], errors: listed },
  };
  printJson(shapes[command]);
}

/** `1 document`, `3 documents`. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A bug, not a user's mistake: a short report that asks to be filed, never a bare stack trace. */
export function printInternalError(e: unknown, version: string): void {
  const err = e instanceof Error ? e : new Error(String(e));
  stderr().write(
    `letter: internal error: ${err.message}\n` +
      `This is a bug in letter ${version}, not in your letter. Please report it with the command you ran and this trace:\n` +
      `${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}\n`,
  );
}
