/** `letter check`: every check a build runs before rendering, plus the warnings a translator needs; writes nothing. */

import { EXIT, isLetterError, type Diagnostic } from '../diag/index.js';
import { toolFontBook } from '../fonts/index.js';
import { loadProject, type Project } from '../load/index.js';
import { Composer } from '../compose/index.js';
import { planJobs } from '../plan/index.js';
import { TOOL_DIR } from '../build/version.js';
import { buildInstant } from '../build/clock.js';
import { localeWarnings, placeholderErrors } from './locales.js';
import { holderWarnings } from './holders.js';

export interface CheckOptions {
  readonly dir: string;
  /** Warnings fail the check too. */
  readonly strict?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly exitCode: number;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Documents (recipient × language) that would be composed. */
  readonly documents: number;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  let project: Project;
  try {
    project = loadProject({ dir: options.dir, toolDir: TOOL_DIR });
  } catch (e) {
    if (isLetterError(e)) return result(e.diagnostics, [], 0, options.strict);
    throw e;
  }
  const errors: Diagnostic[] = [...placeholderErrors(project)];
  const warnings: Diagnostic[] = [...localeWarnings(project)];
  let documents = 0;
  try {
    const jobs = planJobs(project, { formats: ['pdf'] });
    const composer = new Composer({ project, fonts: toolFontBook(), created: buildInstant(project.letter.date, options.env) });
    const asOf = new Date(`${project.letter.date}T00:00:00Z`);
    for (const job of jobs) {
      try {
        composer.compose(job);
        documents++;
      } catch (e) {
        if (!isLetterError(e)) throw e;
        errors.push(...e.diagnostics);
      }
    }
    warnings.push(...holderWarnings(project, jobs.map((j) => j.recipient), asOf));
  } catch (e) {
    if (!isLetterError(e)) throw e;
    errors.push(...e.diagnostics);
  }
  return result(unique(errors), unique(warnings), documents, options.strict);
}

function result(errors: readonly Diagnostic[], warnings: readonly Diagnostic[], documents: number, strict?: boolean): CheckResult {
  const failed = errors.length > 0 || (strict === true && warnings.length > 0);
  return { ok: !failed, exitCode: failed ? EXIT.BAD_INPUT : EXIT.OK, errors, warnings, documents };
}

function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

