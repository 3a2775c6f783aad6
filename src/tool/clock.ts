/** The one instant a build writes into its files: SOURCE_DATE_EPOCH when set, else the letter's date. Never the wall clock. */

import { LetterError, problem } from '../diag/index.js';

export function buildInstant(letterDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) {
      throw new LetterError(problem('usage', `SOURCE_DATE_EPOCH='${epoch}' is not a number of seconds`, {}, 'set it to a Unix time, e.g. $(git log -1 --format=%ct)'));
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${letterDate}T00:00:00Z`);
}
