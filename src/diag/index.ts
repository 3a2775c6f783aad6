/** Diagnostics: every problem the tool reports, with where it comes from and what to do, and the exit status it maps to. */

import { shown } from './quote.js';
import { choiceHint } from './suggest.js';

export { choiceHint, didYouMean, languageHint, nearest } from './suggest.js';
export { given, hasUserInfo, shown, shownUrl } from './quote.js';

/** Closed set of problem codes; each maps to an exit status in one table (`EXIT_STATUS`). */
export const CODES = [
  'usage',
  'yaml-syntax',
  'json-syntax',
  'csv-syntax',
  'schema',
  'unknown-recipient',
  'unknown-address',
  'missing-key',
  'unused-key',
  'placeholder-mismatch',
  'unknown-placeholder',
  'unbalanced-emphasis',
  'font-chain',
  'empty-string',
  'missing-file',
  'bad-image',
  'uncovered-character',
  'unknown-template',
  'template-syntax',
  'template-error',
  'unsafe-path',
  'input-too-large',
  'bad-encoding',
  'holder-stale',
  'holder-missing',
  'holder-term-ended',
  'office-caveat',
  'monarch-gender',
  'gender-conflict',
  'directory-stale',
  'duplicate-recipient',
  'unknown-language',
  'missing-translation',
  'hard-coded-form',
  'p12',
  'render-failed',
  'sign-failed',
  'verify-failed',
  'write-failed',
  'interrupted',
  'internal',
  'tsa-unreachable',
  'manifest-mismatch',
] as const;
export type Code = (typeof CODES)[number];

export type Severity = 'error' | 'warning';

/** A problem, located in the user's files. The CLI prints `file:line:col: message`, `--json` prints the fields. */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What to do about it ("did you mean 'cn'?", "add the key to locales/ko/letter.json"). */
  readonly hint?: string;
  /** The offending value as the user wrote it (`odt`, `cnn`, `paper`, a character), for programs: the message quotes it. */
  readonly value?: string;
  /** The language whose text or letter the problem is in, when it is one language's. */
  readonly lang?: string;
}

/** Where a problem is, and what it is about: spread into the diagnostic. */
export type Where = Partial<Location> & { readonly value?: string; readonly lang?: string };

/** Raised by any stage for a problem in the user's input; carries one or more diagnostics. */
export class LetterError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics)
      ? (diagnostics as readonly Diagnostic[])
      : [diagnostics as Diagnostic];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'LetterError';
    this.diagnostics = list;
  }
}

/** Shorthand for a single error diagnostic. */
export function problem(code: Code, message: string, where: Where = {}, hint?: string): Diagnostic {
  return { code, severity: 'error', message, ...where, ...(hint ? { hint } : {}) };
}

/**
 * A value outside a closed set (a format, a paper size, a language) as a diagnostic: the message quotes the value and,
 * when it came from an option, names the option; the hint is choiceHint's. One function, so every such message reads alike.
 */
export function unknownChoice(
  code: Code,
  what: string,
  value: string,
  choices: Iterable<string>,
  where: Where & { readonly option?: string } = {},
): Diagnostic {
  const { option, ...at } = where;
  return problem(
    code,
    `unknown ${what} '${shown(value)}'${option ? ` given to ${option}` : ''}`,
    { ...at, value },
    choiceHint(value, choices),
  );
}

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// pandoc's Error.hs idea: one table from problem to exit status. 2 = bad input or usage, found before rendering;
// 1 = a document failed while rendering or signing.
// 130 = stopped by SIGINT (128 + 2, as shells report it): what was written is complete, the manifest is not written.
export const EXIT = { OK: 0, PARTIAL: 1, BAD_INPUT: 2, INTERRUPTED: 130 } as const;

/** The exit status each problem stands for: one table, so a new code cannot be added without deciding it. */
const EXIT_STATUS: Readonly<Record<Code, number>> = {
  usage: EXIT.BAD_INPUT,
  'yaml-syntax': EXIT.BAD_INPUT,
  'json-syntax': EXIT.BAD_INPUT,
  'csv-syntax': EXIT.BAD_INPUT,
  schema: EXIT.BAD_INPUT,
  'unknown-recipient': EXIT.BAD_INPUT,
  'unknown-address': EXIT.BAD_INPUT,
  'missing-key': EXIT.BAD_INPUT,
  'unused-key': EXIT.BAD_INPUT,
  'placeholder-mismatch': EXIT.BAD_INPUT,
  'unknown-placeholder': EXIT.BAD_INPUT,
  'unbalanced-emphasis': EXIT.BAD_INPUT,
  'font-chain': EXIT.BAD_INPUT,
  'empty-string': EXIT.BAD_INPUT,
  'missing-file': EXIT.BAD_INPUT,
  'bad-image': EXIT.BAD_INPUT,
  'uncovered-character': EXIT.BAD_INPUT,
  'unknown-template': EXIT.BAD_INPUT,
  'template-syntax': EXIT.BAD_INPUT,
  'template-error': EXIT.BAD_INPUT,
  'unsafe-path': EXIT.BAD_INPUT,
  'input-too-large': EXIT.BAD_INPUT,
  'bad-encoding': EXIT.BAD_INPUT,
  'holder-stale': EXIT.BAD_INPUT,
  'holder-missing': EXIT.BAD_INPUT,
  'holder-term-ended': EXIT.BAD_INPUT,
  'office-caveat': EXIT.BAD_INPUT,
  'monarch-gender': EXIT.BAD_INPUT,
  'gender-conflict': EXIT.BAD_INPUT,
  'directory-stale': EXIT.BAD_INPUT,
  'duplicate-recipient': EXIT.BAD_INPUT,
  'unknown-language': EXIT.BAD_INPUT,
  'missing-translation': EXIT.BAD_INPUT,
  'hard-coded-form': EXIT.BAD_INPUT,
  p12: EXIT.BAD_INPUT,
  // --tsa names a service that does not answer: found before anything is written, like a wrong --p12.
  'tsa-unreachable': EXIT.BAD_INPUT,
  'manifest-mismatch': EXIT.BAD_INPUT,
  'render-failed': EXIT.PARTIAL,
  'sign-failed': EXIT.PARTIAL,
  'verify-failed': EXIT.PARTIAL,
  'write-failed': EXIT.PARTIAL,
  internal: EXIT.PARTIAL,
  interrupted: EXIT.INTERRUPTED,
};

export function exitStatusFor(code: Code): number {
  return EXIT_STATUS[code];
}

/** The exit status of a run that stopped with these errors: the gravest one's (interrupted, then bad input, then partial). */
export function exitStatusOf(errors: readonly Pick<Diagnostic, 'code'>[]): number {
  return errors.reduce<number>((status, d) => Math.max(status, exitStatusFor(d.code)), EXIT.OK);
}

/** `letter.yaml:7:9: unknown recipient 'cnn' — did you mean 'cn'?` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}${level}${d.message}${d.hint ? ` — ${d.hint}` : ''}`;
}

export function isLetterError(e: unknown): e is LetterError {
  return e instanceof LetterError;
}

/** Each diagnostic once (the same problem found for several documents of a batch is reported one time). */
export function uniqueDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
