/**
 * The generated country names (src/directory/data/country-names.ts, scripts/country-names.mjs) against ICU: every
 * country of the directory in every letter language's locale. A Node/ICU update that renames a country fails here;
 * regenerate the table and review the diff.
 */

import { describe, expect, test, vi } from 'vitest';
import { COUNTRY_NAMES } from '../../src/directory/data/country-names.js';
import { allOffices, countryName, icuLocale } from '../../src/directory/index.js';
import type { Strings } from '../../src/directory/types.js';
import { stringsFor } from './helpers.js';

const LETTER_LANGUAGES = ['en', 'ko', 'zh'] as const;
const countries = [...new Set(allOffices().flatMap((o) => (o.country ? [o.country] : [])))].sort();

// First in the file: countryName keeps the Intl.DisplayNames it builds, so a later call would not build one.
test('a letter language builds no Intl.DisplayNames (loading ICU region data is what the table saves)', () => {
  const built = vi.spyOn(Intl, 'DisplayNames');
  try {
    for (const lang of LETTER_LANGUAGES)
      for (const office of allOffices()) countryName(office, lang, stringsFor(lang));
    expect(built).not.toHaveBeenCalled();
  } finally {
    built.mockRestore();
  }
});

describe.each(LETTER_LANGUAGES)('country names in %s', (lang) => {
  const locale = icuLocale(lang, stringsFor(lang));
  const intl = new Intl.DisplayNames([locale], { type: 'region' });

  test('the table holds exactly the directory countries, each named as ICU names it', () => {
    expect(Object.keys(COUNTRY_NAMES[locale] ?? {}).sort()).toEqual(countries);
    for (const cc of countries) expect(COUNTRY_NAMES[locale]?.[cc], `${cc} in ${locale}`).toBe(intl.of(cc));
  });

  test('countryName gives every office the same name as ICU', () => {
    for (const office of allOffices()) {
      expect(countryName(office, lang, stringsFor(lang)), office.id).toBe(
        office.country ? intl.of(office.country) : undefined,
      );
    }
  });
});

test('a locale outside the table (a project overriding meta.icuLocale, another language) is still named by ICU', () => {
  const office = allOffices().find((o) => o.country === 'KR')!;
  const locale =
    (tag: string): Strings =>
    (key) =>
      key === 'meta.icuLocale' ? tag : undefined;
  expect(COUNTRY_NAMES['en-GB']).toBeUndefined();
  expect(countryName(office, 'en', locale('de-DE'))).toBe('Südkorea');
  expect(countryName(office, 'zh', locale('zh-Hant-TW'))).toBe(
    new Intl.DisplayNames(['zh-Hant-TW'], { type: 'region' }).of('KR'),
  );
  expect(countryName(office, 'zh', locale('zh-Hant-TW'))).not.toBe(COUNTRY_NAMES['zh-Hans-CN']?.KR);
});
