/** Building the forms of address for one office, language and register: names, ICU country, locale templates. */

import { LetterError, problem } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { holderNames, holderOn, holderStatus } from './holders.js';
import { officeOn } from './offices.js';
import { resolveForm, type FormContext, type FormField } from './forms.js';
import { COUNTRY_NAMES } from './data/country-names.js';
import { deriveFamilyName } from './names.js';
import type { Addressee, Gender, Office, Register, Strings } from './types.js';

/** Input of `addressee()`. */
export interface AddresseeOptions {
  /** The id the letter used; echoed in the result (`us/government` while `office` is the US President). */
  readonly id: string;
  readonly office: Office;
  readonly lang: Lang;
  readonly register: Register;
  /** The holder's name in `lang` from the letter; it wins over the directory's holder. */
  readonly name?: string;
  /** Family name, when the name's own order would derive the wrong one. */
  readonly familyName?: string;
  /** The person's gender, when the letter states it; enables "Dear Mr. President:", 先生/女士, "His Excellency". */
  readonly gender?: Gender;
  /** The language's strings (`locales/<lang>/directory.json`). */
  readonly strings: Strings;
  /**
   * The letter's date: the directory's holder is the one in office that day (none when the known terms do not cover
   * it). Without a date, the latest known term.
   */
  readonly date?: Date;
  /** Today: when given, the result carries the directory holder's status, its data's age counted to this day. */
  readonly asOf?: Date;
}

/** ICU locale for a language: `meta.icuLocale` in its directory.json (zh → zh-Hans-CN), else the code itself. */
export function icuLocale(lang: Lang, strings: Strings): string {
  return strings('meta.icuLocale') ?? lang;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * The country's short name from ICU in `lang` (never a hand-written table); undefined for UN/EU offices. For the
 * letter languages' locales the names come from ICU at generation time (`COUNTRY_NAMES`, checked against Intl by a
 * test): building an Intl.DisplayNames loads ICU's region data for the locale, ~2 % of a one-letter build.
 */
export function countryName(office: Office, lang: Lang, strings: Strings): string | undefined {
  if (!office.country) return undefined;
  const locale = icuLocale(lang, strings);
  const generated = COUNTRY_NAMES[locale]?.[office.country];
  if (generated !== undefined) return generated;
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      // A malformed meta.icuLocale leaves titles that need {{country}} to the office-specific forms.
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale)?.of(office.country);
}

function missing(field: FormField, office: Office, lang: Lang, register: Register): LetterError {
  return new LetterError(
    problem(
      'missing-key',
      `no '${field}' form of address for '${office.id}' (${office.kind}, ${office.style}) in ${lang}, ${register}`,
      { file: `locales/${lang}/directory.json` },
      `add default.${field} or kinds.${office.kind}.${field} (or offices.${office.id}.${field})`,
    ),
  );
}

/** Title and short title of an office in one language, from the locale (no name needed). */
export function officeTitle(
  office: Office,
  lang: Lang,
  strings: Strings,
): { title: string; shortTitle: string } {
  const ctx: FormContext = {
    strings,
    office,
    register: 'open-letter',
    vars: { country: countryName(office, lang, strings) },
  };
  const title = resolveForm(ctx, 'title');
  const shortTitle = resolveForm(ctx, 'shortTitle');
  if (!title) throw missing('title', office, lang, 'open-letter');
  if (!shortTitle) throw missing('shortTitle', office, lang, 'open-letter');
  return { title: title.text, shortTitle: shortTitle.text };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Everything a template needs to address one recipient. The name is the letter's (`name`), else the directory
 * holder's in `lang`, else none, and then every form is title-only ("Excellency," / 尊敬的中华人民共和国主席阁下：).
 * Gender is the letter's, else the directory holder's (only if the letter names the same person), else what the
 * office fixes; unknown gender gives gender-free forms. Throws a `missing-key` LetterError when the locale cannot
 * provide a required form.
 */
export function addressee(opts: AddresseeOptions): Addressee {
  const { lang, register, strings } = opts;
  // The office as it was on the letter's date (Nicaragua's one President before the 2025 co-presidency).
  const office = opts.date ? officeOn(opts.office, opts.date) : opts.office;
  const holder = opts.date ? holderOn(office, opts.date) : office.holders[office.holders.length - 1];
  const directoryName = holder ? holderNames(holder, lang, icuLocale(lang, strings)) : undefined;
  const letterName = opts.name?.trim() || undefined;
  const name = letterName ?? directoryName;
  // The letter may spell out the directory's own holder (letter.yaml repeats "Xi Jinping"): keep the holder's data.
  const sameAsHolder = name !== undefined && name === directoryName;
  // A joint office's forms are plural: no one person's gender or family name goes into them.
  const joint = office.seats > 1;
  // The holder's gender holds for title-only forms too (a holder without a name in this language is still the person).
  const holderGender = sameAsHolder || letterName === undefined ? holder?.gender : undefined;
  const gender = joint ? undefined : (opts.gender ?? holderGender ?? office.gender);
  const familyName = joint
    ? undefined
    : opts.familyName?.trim() ||
      (sameAsHolder ? holder?.family?.[lang] : undefined) ||
      (name ? deriveFamilyName(name, office) : undefined);
  const country = countryName(office, lang, strings);

  const vars: Record<string, string | undefined> = { name, family: familyName, country };
  const ctx: FormContext = { strings, office, register, vars, ...(gender ? { gender } : {}) };
  let verified = office.verified;
  const form = (field: FormField): string | undefined => {
    const found = resolveForm(ctx, field);
    if (found && !found.verified) verified = false;
    return found?.text;
  };
  const required = (field: FormField): string => {
    const text = form(field);
    if (text === undefined) throw missing(field, office, lang, register);
    return text;
  };

  vars['title'] = required('title');
  vars['shortTitle'] = required('shortTitle');
  // The bare style word that forms embed ("Excellency," / 각하 / 阁下), then the running-text form built on it.
  vars['styleWord'] = form('styleWord');
  const honorific = form('honorific') ?? vars['styleWord'] ?? vars['shortTitle'];
  const salutation = required('salutation');
  const vocative = required('vocative');
  const close = lines(required('close'));
  const addressLines = lines(required('address'));
  const signOff = form('signOff');

  return {
    id: opts.id,
    officeId: office.id,
    title: vars['title'],
    shortTitle: vars['shortTitle'],
    honorific,
    ...(name ? { name } : {}),
    ...(name && familyName ? { familyName } : {}),
    ...(gender ? { gender } : {}),
    nameSource: letterName ? 'letter' : directoryName ? 'directory' : 'none',
    ...(country ? { country } : {}),
    style: office.style,
    ...(joint ? { joint: true as const } : {}),
    addressLines,
    salutation,
    vocative,
    close,
    ...(signOff ? { signOff } : {}),
    verified,
    ...(!letterName && directoryName && holder
      ? { holderData: { asOf: holder.asOf, source: holder.source, ...pickTerm(holder) } }
      : {}),
    ...(opts.asOf ? { holderStatus: holderStatus(office, opts.asOf, 180, opts.date ?? opts.asOf) } : {}),
    lang,
  };
}

const pickTerm = (h: { from?: string; until?: string }) => ({
  ...(h.from ? { from: h.from } : {}),
  ...(h.until ? { until: h.until } : {}),
});
