/** `letter check`: every check a build runs before rendering, for every language and recipient, plus warnings; writes nothing. */

import { EXIT, isLetterError, problem, uniqueDiagnostics, type Diagnostic } from '../diag/index.js';
import { toolFontBook } from '../fonts/index.js';
import { loadProject, type Project } from '../load/index.js';
import { Composer, resolveRecipient } from '../compose/index.js';
import { planJobs } from '../plan/index.js';
import { TOOL_DIR } from '../tool/index.js';
import { buildInstant } from '../tool/index.js';
import { localeWarnings } from './locales.js';
import { languageWarnings } from './languages.js';
import { holderWarnings } from './holders.js';
import { textErrors } from './texts.js';
import { emphasisWarnings } from './emphasis.js';
import { fontWarnings } from './fonts.js';

export interface CheckOptions {
  readonly dir: string;
  /** Warnings fail the check too. */
  readonly strict?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Today, for the age of the directory's holder data (a warning after 180 days); default: the wall clock. Only this
   * warning reads it: nothing `check` or `build` writes depends on it.
   */
  readonly now?: Date;
}

export interface CheckResult {
  readonly ok: boolean;
  /** 0 clean (or only warnings without --strict); 2 errors, or warnings under --strict. */
  readonly exitCode: number;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Documents `letter build` would write (recipient × language × format) whose letters composed without a problem. */
  readonly documents: number;
}

/** Validates a letter project; user mistakes come back as diagnostics, never as exceptions. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  let project: Project;
  try {
    project = loadProject({ dir: options.dir, toolDir: TOOL_DIR });
  } catch (e) {
    if (isLetterError(e)) return result(e.diagnostics, [], 0, options.strict);
    throw e;
  }
  const fonts = toolFontBook();
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [
    ...localeWarnings(project),
    ...emphasisWarnings(project),
    ...languageWarnings(project),
    ...formsWarnings(project),
    ...fontWarnings(fonts, project.letter.languages),
  ];
  const collect = (stage: () => void) => {
    try {
      stage();
    } catch (e) {
      if (!isLetterError(e)) throw e;
      errors.push(...e.diagnostics);
    }
  };
  collect(() => errors.push(...textErrors(project, fonts)));
  // The project's own recipients, used by this letter or not: an unknown office or delivery address is a mistake either way.
  for (const id of project.recipients.keys()) collect(() => resolveRecipient(project, { id, path: [] }));
  let documents = 0;
  collect(() => {
    const jobs = planJobs(project, { formats: ['pdf'] });
    const composer = new Composer({ project, fonts, created: buildInstant(project.letter.date, options.env) });
    // One letter per recipient and language; build draws it in each of the letter's formats.
    const formats = new Set(project.letter.formats).size;
    for (const job of jobs) {
      collect(() => {
        composer.compose(job);
        documents += formats;
      });
    }
    warnings.push(...holderWarnings(project, jobs.map((j) => j.recipient), options.now ?? new Date(), [...new Set(jobs.map((j) => j.lang))]));
  });
  return result(withoutEchoes(uniqueDiagnostics(errors)), uniqueDiagnostics(warnings), documents, options.strict);
}

function result(errors: readonly Diagnostic[], warnings: readonly Diagnostic[], documents: number, strict?: boolean): CheckResult {
  const failed = errors.length > 0 || (strict === true && warnings.length > 0);
  return { ok: !failed, exitCode: failed ? EXIT.BAD_INPUT : EXIT.OK, errors, warnings, documents };
}

/**
 * Compose reports a character in a recipient's name again, from the forms of address, without a line; when the same
 * character in the same language was already reported at its place in the user's files, that echo is dropped.
 */
function withoutEchoes(list: readonly Diagnostic[]): Diagnostic[] {
  const located = new Set(list.filter((d) => d.code === 'uncovered-character' && d.line).map(charKey));
  return list.filter((d) => d.code !== 'uncovered-character' || d.line !== undefined || !located.has(charKey(d)));
}

function charKey(d: Diagnostic): string {
  const m = /^character (U\+[0-9A-F]+) .*\((\S+)\) is in none/.exec(d.message);
  return m ? `${m[1]}|${m[2]}` : d.message;
}

/** A language without the tool's forms of address borrows the English ones: worth knowing before the letter goes out. */
function formsWarnings(project: Project): Diagnostic[] {
  return project.letter.languages
    .filter((lang) => !project.toolStrings.get(lang)?.has('directory'))
    .map((lang) => ({
      ...problem('missing-file', `no forms of address for '${lang}': its letters use the English salutation, close and titles`, { file: `locales/${lang}/directory.json` }, `add locales/${lang}/directory.json to the project (translate the tool's locales/en/directory.json)`),
      severity: 'warning' as const,
    }));
}
