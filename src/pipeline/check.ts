/** `letter check`: the prepare step a build runs, for every language and recipient of the letter; writes nothing. */

import { EXIT, exitStatusOf, isLetterError, type Diagnostic } from '../diag/index.js';
import { allErrors, prepare } from './prepare.js';
import { letterKey } from './compose-letters.js';
import type { BuildOptions } from './index.js';

/** What `check` reads: the project, --strict, the environment and today (for the holder data's age), as `build` does. */
export type CheckOptions = Pick<BuildOptions, 'dir' | 'strict' | 'env' | 'now'>;

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
  try {
    const prepared = prepare({
      dir: options.dir,
      ...(options.env ? { env: options.env } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const documents = prepared.jobs.filter((job) => prepared.letters.docs.has(letterKey(job))).length;
    return result(allErrors(prepared), prepared.warnings, documents, options.strict);
  } catch (e) {
    if (isLetterError(e)) return result(e.diagnostics, [], 0, options.strict);
    throw e;
  }
}

function result(
  errors: readonly Diagnostic[],
  warnings: readonly Diagnostic[],
  documents: number,
  strict?: boolean,
): CheckResult {
  // Warnings under --strict are the errors they would be (every warning's code is bad input), reported as errors as
  // `build --strict` reports them: a failed check with an empty error list told a script nothing.
  const all = strict ? [...errors, ...warnings.map((w) => ({ ...w, severity: 'error' as const }))] : errors;
  const failed = all.length > 0;
  return {
    ok: !failed,
    exitCode: failed ? exitStatusOf(all) : EXIT.OK,
    errors: all,
    warnings: strict ? [] : warnings,
    documents,
  };
}
