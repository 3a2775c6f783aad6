/** Holders are volatile: how old a directory holder is at a date the caller passes in (no wall clock here). */

import type { HolderStatus, Office } from './types.js';

const DAY_MS = 86_400_000;

/** Whole days from the holder's `asOf` to `at`; undefined when the office has no holder. */
export function holderAgeDays(office: Office, at: Date): number | undefined {
  if (!office.holder) return undefined;
  const asOf = Date.parse(`${office.holder.asOf}T00:00:00Z`);
  return Math.floor((at.getTime() - asOf) / DAY_MS);
}

/**
 * 'missing' without a holder, 'stale' when the holder was reported more than `maxAgeDays` days before `at`
 * (the letter check warns at 180), else 'ok'.
 */
export function holderStatus(office: Office, at: Date, maxAgeDays = 180): HolderStatus {
  const age = holderAgeDays(office, at);
  if (age === undefined) return 'missing';
  return age > maxAgeDays ? 'stale' : 'ok';
}
