/** Diagnostics: every problem the tool reports, with where it comes from and what to do, and the exit status it maps to. */

export { didYouMean, nearest } from './suggest.js';
export { shown } from './quote.js';

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
}

/** Raised by any stage for a problem in the user's input; carries one or more diagnostics. */
export class LetterError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Diagnostic[]) : [diagnostics as Diagnostic];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'LetterError';
    this.diagnostics = list;
  }
}

/** Shorthand for a single error diagnostic. */
export function problem(code: Code, message: string, where: Partial<Location> = {}, hint?: string): Diagnostic {
  return { code, severity: 'error', message, ...where, ...(hint ? { hint } : {}) };
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

export function exitStatusFor(code: Code): number {
  switch (code) {
    case 'render-failed':
    case 'sign-failed':
    case 'verify-failed':
    case 'write-failed':
    case 'internal':
      return EXIT.PARTIAL;
    case 'interrupted':
      return EXIT.INTERRUPTED;
    default:
      return EXIT.BAD_INPUT;
  }
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
