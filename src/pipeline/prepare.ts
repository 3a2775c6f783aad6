/**
 * The one prepare step that `letter build`, `letter check` and `--watch` share: load → plan → compose every letter,
 * with every check's diagnostics. What it reports is what each command reports, so a build prints check's warnings.
 */

import { isLetterError, uniqueDiagnostics, type Diagnostic } from '../diag/index.js';
import { fontBookFor, type FontBook } from '../fonts/index.js';
import { loadProject, type Format, type Project } from '../load/index.js';
import { Composer } from '../compose/index.js';
import { planJobs, type Job } from '../plan/index.js';
import type { Lang } from '../model/index.js';
import { projectDiagnostics, recipientWarnings } from '../check/index.js';
import { buildInstant, TOOL_DIR } from '../tool/index.js';
import { composeLetters, type ComposedLetters, type OnComposed } from './compose-letters.js';

export interface PrepareOptions {
  readonly dir: string;
  readonly langs?: readonly Lang[];
  readonly formats?: readonly Format[];
  readonly to?: readonly string[];
  /** Environment for SOURCE_DATE_EPOCH. */
  readonly env?: NodeJS.ProcessEnv;
  /** Today, for the age of the directory's holder data only. */
  readonly now?: Date;
  /**
   * Called once the job list is known, before the checks and composing: a build starts its workers here. What it
   * returns is called with each letter as soon as it is composed (its first job), so that a worker can start on it.
   */
  readonly onPlanned?: (planned: Planned) => OnComposed | undefined;
}

export interface Planned {
  readonly project: Project;
  readonly fonts: FontBook;
  /** The whole (unsharded) job list. */
  readonly jobs: readonly Job[];
}

/** A prepared letter project: its whole job list and each letter composed, or why not. */
export interface Prepared {
  readonly project: Project;
  /** The whole (unsharded) job list; empty when planning failed (then `errors` says why). */
  readonly jobs: readonly Job[];
  readonly fonts: FontBook;
  /** The instant written into the documents. */
  readonly created: Date;
  readonly letters: ComposedLetters;
  /** Problems that stop every document: the plan, a language's text, the project's own recipients. */
  readonly errors: readonly Diagnostic[];
  /** Each warning once. */
  readonly warnings: readonly Diagnostic[];
}

/** Loads, plans and composes; a project that does not load at all is a LetterError (nothing else could be checked). */
export function prepare(options: PrepareOptions): Prepared {
  const project = loadProject({ dir: options.dir, toolDir: TOOL_DIR });
  // The tool's faces, with the project's own (its fonts/fonts.json) merged over them.
  const fonts = fontBookFor(project.fonts);
  const created = buildInstant(project.letter.date, options.env);
  const errors: Diagnostic[] = [];
  let jobs: Job[] = [];
  try {
    jobs = planJobs(project, {
      ...(options.langs ? { langs: options.langs } : {}),
      ...(options.formats ? { formats: options.formats } : {}),
      ...(options.to ? { to: options.to } : {}),
    });
  } catch (e) {
    if (!isLetterError(e)) throw e;
    errors.push(...e.diagnostics);
  }
  const onComposed = jobs.length ? options.onPlanned?.({ project, fonts, jobs }) : undefined;
  // A --lang the project has no text for is one usage error from the plan; checking its keys would add one
  // 'missing key' per body key (and a forms-of-address warning) for a language nobody meant.
  const langs = [
    ...new Set(jobs.length ? jobs.map((j) => j.lang) : (options.langs ?? project.letter.languages)),
  ].filter((lang) => project.texts.has(lang));
  const composer = new Composer({ project, fonts, created });
  const checked = projectDiagnostics(project, fonts, langs, composer);
  const letters = composeLetters(jobs, composer, onComposed);
  // A problem of one letter's own inputs belongs to that letter (--keep-going skips only it); the rest stop everything.
  const ofLetters = new Set([...letters.rejected.values()].flat().map(diagnosticKey));
  errors.push(...checked.errors.filter((d) => !ofLetters.has(diagnosticKey(d))));
  const refs = [...new Map(jobs.map((j) => [j.recipient.id, j.recipient])).values()];
  const warnings = [
    ...checked.warnings,
    ...letters.warnings,
    ...recipientWarnings(project, refs, options.now ?? new Date(), langs, composer.addressees),
  ];
  return {
    project,
    jobs,
    fonts,
    created,
    letters,
    errors: withoutEchoes(uniqueDiagnostics(errors)),
    warnings: uniqueDiagnostics(warnings),
  };
}

/** Every error of a prepared project: its own and each rejected letter's, once each. */
export function allErrors(prepared: Prepared): Diagnostic[] {
  return withoutEchoes(
    uniqueDiagnostics([...prepared.errors, ...[...prepared.letters.rejected.values()].flat()]),
  );
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
}

/**
 * Compose reports a character in a recipient's name again, from the forms of address, without a line; when the same
 * character in the same language was already reported at its place in the user's files, that echo is dropped.
 */
function withoutEchoes(list: readonly Diagnostic[]): Diagnostic[] {
  const located = new Set(list.filter((d) => d.code === 'uncovered-character' && d.line).map(charKey));
  return list.filter(
    (d) => d.code !== 'uncovered-character' || d.line !== undefined || !located.has(charKey(d)),
  );
}

function charKey(d: Diagnostic): string {
  return `${d.value}|${d.lang}`;
}
