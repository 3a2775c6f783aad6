/**
 * The instants a build writes into its files: the document's dates (SOURCE_DATE_EPOCH when set, else the letter's
 * date) and the signing time (SOURCE_DATE_EPOCH when set, else the moment the build runs, which the caller passes in).
 */

import { LetterError, problem, shown } from '../diag/index.js';

/** 9999-12-31T23:59:59Z: the last instant a four-digit year (PDF `D:YYYY…`, OOXML `xsd:dateTime`) can say. */
export const MAX_EPOCH_SECONDS = 253402300799;

export function buildInstant(letterDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(`${letterDate}T00:00:00Z`);
}

/**
 * When the build's signatures are made: a signature is an act in time, so `now` (the build's clock, read once by the
 * caller), unless SOURCE_DATE_EPOCH pins it for a reproducible build.
 */
export function signingInstant(now: Date, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? now;
}

function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new LetterError(
      problem(
        'usage',
        `SOURCE_DATE_EPOCH='${shown(epoch)}' is not a number of seconds`,
        { value: epoch },
        'set it to a Unix time, e.g. $(git log -1 --format=%ct)',
      ),
    );
  }
  // PDF and OOXML dates have four-digit years: a later instant would be written as an invalid date.
  if (Number(epoch) > MAX_EPOCH_SECONDS) {
    throw new LetterError(
      problem(
        'usage',
        `SOURCE_DATE_EPOCH='${shown(epoch)}' is after the year 9999`,
        { value: epoch },
        `set it to at most ${MAX_EPOCH_SECONDS} (9999-12-31T23:59:59Z), e.g. $(git log -1 --format=%ct)`,
      ),
    );
  }
  return new Date(Number(epoch) * 1000);
}
