/**
 * The generated date patterns (src/compose/data/long-dates.ts, scripts/long-dates.mjs) against ICU: formatDate must
 * write every date exactly as Intl.DateTimeFormat (dateStyle long, UTC) does in each tabled locale. A Node/ICU update
 * that writes dates otherwise fails here; regenerate the table and review the diff.
 */

import { describe, expect, test, vi } from 'vitest';
import { formatDate } from '../../src/compose/context.js';
import { LONG_DATES } from '../../src/compose/data/long-dates.js';

const LOCALES = Object.keys(LONG_DATES);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

// First in the file: formatDate keeps what it formatted, so a later call would not build a formatter.
test('a tabled locale builds no Intl.DateTimeFormat (loading ICU calendar data is what the table saves)', () => {
  const built = vi.spyOn(Intl, 'DateTimeFormat');
  try {
    for (const locale of LOCALES) expect(formatDate('2023-12-10', locale)).not.toBe('');
    expect(built).not.toHaveBeenCalled();
  } finally {
    built.mockRestore();
  }
});

test('the table holds the locales fonts/fonts.json gives en, ko and zh', () => {
  expect(LOCALES.sort()).toEqual(['en-US', 'ko-KR', 'zh-CN']);
});

describe.each(LOCALES)('dates in %s', (locale) => {
  const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const viaIntl = (day: string) => intl.format(new Date(`${day}T00:00:00Z`));

  test('every day of 1900-2100 as ICU writes it', () => {
    let wrong = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += DAY) {
      const day = iso(new Date(t));
      if (formatDate(day, locale) !== viaIntl(day)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(formatDate('2023-12-10', locale)).toBe(viaIntl('2023-12-10'));
  });

  test('the last day of February and of the year, every year 1000-9999, as ICU writes it', () => {
    const wrong: string[] = [];
    for (let year = 1000; year <= 9999; year += 1) {
      for (const t of [Date.UTC(year, 2, 1) - DAY, Date.UTC(year, 11, 31)]) {
        const day = iso(new Date(t));
        if (formatDate(day, locale) !== viaIntl(day)) wrong.push(day);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('outside the table (year 0999, a day the calendar lacks) it is Intl that answers, as before', () => {
    for (const day of ['0999-07-04', '0001-01-01', '2023-02-30', '2023-04-31'])
      expect(formatDate(day, locale)).toBe(viaIntl(day));
  });
});

test('a locale outside the table is written by Intl', () => {
  const intl = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
  expect(formatDate('2023-12-10', 'fr-FR')).toBe(intl.format(new Date('2023-12-10T00:00:00Z')));
});
