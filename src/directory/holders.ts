/**
 * Holders are volatile and dated: the term in office on the letter's date, and how old the source's report of it is
 * at a date the caller passes in (no wall clock here).
 */

import type { Holder, HolderStatus, Office } from './types.js';

const DAY_MS = 86_400_000;

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
/** The calendar day (UTC) of an instant, as an ISO date. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * The first day the directory knows `holder` in office: the term's start, or, when no source gave one, the day the
 * source reported the holder. Before it the office may have had someone else (a 2023 letter to Denmark's king is not
 * to Frederik X, reported in 2026 and king since 2024), and a letter must not name a holder it cannot place on its date.
 */
export const knownFrom = (holder: Holder): string => holder.from ?? holder.asOf;

/** Whether `holder`'s term covers `day` (bounds included; an absent end is open). */
function covers(holder: Holder, day: string): boolean {
  return knownFrom(holder) <= day && (holder.until === undefined || day <= holder.until);
}

/**
 * The holder in office on `day`: of the terms that cover it, the one that began last (a successor named by a newer
 * source wins over an open-ended older term). Undefined when no known term covers the day.
 */
export function holderOn(office: Office, day: Date): Holder | undefined {
  const iso = isoDay(day);
  const covering = office.holders.filter((h) => covers(h, iso));
  return covering.sort((a, b) => knownFrom(a).localeCompare(knownFrom(b)))[covering.length - 1];
}

/** When no term covers `day`: the first holder the directory knows in office after it, if any. */
export function holderAfter(office: Office, day: Date): Holder | undefined {
  const iso = isoDay(day);
  if (holderOn(office, day)) return undefined;
  const later = office.holders.filter((h) => knownFrom(h) > iso);
  return later.sort((a, b) => knownFrom(a).localeCompare(knownFrom(b)))[0];
}

/** When no term covers `day`: the last term that ended before it (the letter is dated past its end), if any. */
export function termEndedBefore(office: Office, day: Date): Holder | undefined {
  const iso = isoDay(day);
  if (holderOn(office, day)) return undefined;
  const ended = office.holders.filter((h) => h.until !== undefined && h.until < iso);
  return ended.sort((a, b) => a.until!.localeCompare(b.until!))[ended.length - 1];
}

/** Whole days from the holder's `asOf` to `now`. */
export function ageOfHolder(holder: Holder, now: Date): number {
  return Math.floor((now.getTime() - dayOf(holder.asOf)) / DAY_MS);
}

/** Whole days from the `asOf` of the holder in office on `day` (default `now`) to `now`; undefined without one. */
export function holderAgeDays(office: Office, now: Date, day: Date = now): number | undefined {
  const holder = holderOn(office, day);
  return holder ? ageOfHolder(holder, now) : undefined;
}

/**
 * For the holder in office on `day` (default `now`): 'missing' without one, 'stale' when the source reported it more
 * than `maxAgeDays` days before `now` (the letter check warns at 180), else 'ok'.
 */
export function holderStatus(office: Office, now: Date, maxAgeDays = 180, day: Date = now): HolderStatus {
  const age = holderAgeDays(office, now, day);
  if (age === undefined) return 'missing';
  return age > maxAgeDays ? 'stale' : 'ok';
}

/** The holder's names in `lang`, joined as the language lists people ("A and B", "A 및 B", "A和B"); one seat: the name. */
export function holderNames(holder: Holder, lang: string, listLocale: string): string | undefined {
  const people = [holder, ...(holder.with ?? [])];
  const names = people.map((p) => p.name[lang]);
  if (names.some((n) => !n)) return undefined;
  if (names.length === 1) return names[0];
  return new Intl.ListFormat(listLocale, { type: 'conjunction' }).format(names as string[]);
}
