/** The refusal a call raises: the first diagnostic of the LetterError it throws. */

import { isLetterError, type Diagnostic } from '../../src/diag/index.js';

/** The first diagnostic of the LetterError `run` throws, or undefined when it returns; any other error is rethrown. */
export function refusalOf(run: () => unknown): Diagnostic | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (isLetterError(e)) return e.diagnostics[0];
    throw e;
  }
}
