/** The values a template sees for one recipient in one language: text as Markdown, data escaped, forms of address resolved. */

import type { Addressee, Gender, Style } from '../directory/index.js';
import { withoutRepeatedSignOff } from './sign-off.js';
import { LONG_DATES } from './data/long-dates.js';
import { handlebarsRuntime, type Project, type SignatorySpec } from '../load/index.js';
import { localize, type Lang, type Signature } from '../model/index.js';
import { ccText, type CcRecipient } from './cc.js';
import { directiveLabel } from './escape.js';
import { Recent } from './recent.js';
import type { ResolvedRecipient } from './recipient.js';
import type { TextReader } from './sources.js';
import type { Translations } from './i18n.js';

const { SafeString } = handlebarsRuntime;
type Safe = InstanceType<typeof SafeString>;

/** One body item as a template sees it. */
export interface BodyView {
  readonly p?: Safe;
  readonly heading?: Safe;
  readonly quote?: Safe;
  readonly by?: Safe;
  readonly list?: readonly Safe[];
  readonly ordered?: boolean;
  readonly vocative?: string;
  readonly pagebreak?: boolean;
}

export interface LetterContext {
  readonly lang: Lang;
  readonly locale: string;
  readonly register: string;
  readonly title: Safe;
  readonly subtitle?: Safe;
  readonly reference?: string;
  /** The reference as the language writes it: "Ref.: …" / "문서번호: …" / "编号：…". */
  readonly referenceLine?: string;
  readonly date: string;
  readonly place?: string;
  /** The date line in this language's form, with the place when there is one ("Toronto, December 10, 2023"). */
  readonly dateline: string;
  readonly recipient: Addressee;
  readonly via?: { readonly name: string; readonly lines: readonly string[] };
  readonly body: readonly BodyView[];
  /** The complimentary close, line by line: the letter's own closing (Markdown) or the register's form. */
  readonly close: readonly (Safe | string)[];
  readonly signatories: readonly { readonly index: number; readonly org: string; readonly short?: string }[];
  readonly enclosures: readonly Safe[];
  readonly cc: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface ContextInput {
  readonly project: Project;
  readonly translations: Translations;
  readonly reader: TextReader;
  readonly recipient: ResolvedRecipient;
  readonly addressee: Addressee;
  readonly locale: string;
  readonly ccRecipients: ReadonlyMap<string, CcRecipient>;
  /** Whether the project gives this recipient its own `close` in this language. */
  readonly recipientClose?: boolean;
}

/**
 * What locale text may say of the recipient (SPEC §4): `{{recipient.honorific}}` for running text ("Your Majesty",
 * "국왕 폐하", "陛下"), `{{recipient.vocative}}` as the vocative block prints it, `{{recipient.shortTitle}}` without the
 * country, and the name, title and family name.
 */
export function recipientVars(addressee: Addressee): Record<string, string> {
  return {
    name: addressee.name ?? addressee.title,
    title: addressee.title,
    family: addressee.familyName ?? addressee.name ?? '',
    shortTitle: addressee.shortTitle,
    honorific: addressee.honorific,
    vocative: addressee.vocative,
  };
}

/**
 * i18next contexts for the recipient, most specific first. Without a name (title-only forms) `unnamed_majesty`, then
 * `unnamed`; then `joint` for an office two people hold at once (San Marino's Captains Regent: a sentence that speaks
 * to one person must speak to both); then `majesty_female`, `majesty`, `female`. The style is the office's
 * (excellency, majesty, highness, holiness); the gender only where known.
 */
export function textContexts(
  style: Style,
  gender: Gender | undefined,
  unnamed = false,
  joint = false,
): string[] {
  const styled = style === 'none' ? undefined : style.toLowerCase();
  const named = [styled && gender ? `${styled}_${gender}` : undefined, styled, gender];
  const untitled = unnamed ? [styled ? `unnamed_${styled}` : undefined, 'unnamed'] : [];
  return [...untitled, joint ? 'joint' : undefined, ...named].filter((c): c is string => c !== undefined);
}

/** The contexts of a letter to `addressee`: its style, its gender where known, whether it is named, whether joint. */
export function addresseeContexts(addressee: Addressee): string[] {
  return textContexts(
    addressee.style,
    addressee.gender,
    addressee.name === undefined,
    addressee.joint === true,
  );
}

/** Labels every template may use; a language without its own labels file borrows English ones (check warns). */
export const LABELS = [
  'enclosures',
  'cc',
  'recipient_line',
  'via',
  'page',
  'signature_alt',
  'dateline',
  'dateline_place',
  'joint',
  'list_separator',
  'subject_separator',
  'signed_by',
] as const;

export function letterContext(input: ContextInput): {
  context: LetterContext;
  signatures: Signature[];
  title: string;
} {
  const { project, reader, addressee, translations } = input;
  const { letter } = project;
  const lang = reader.lang;
  const vars = { recipient: recipientVars(addressee), date: formatDate(letter.date, input.locale) };
  const contexts = addresseeContexts(addressee);
  const text = (key: string, at: (string | number)[]) => reader.text(key, at, vars, contexts);
  const label = (key: string, values: Record<string, string> = {}) =>
    reader.tool(
      translations.tool(lang, 'labels', key, values) ?? translations.tool('en', 'labels', key, values) ?? key,
      `labels.${key}`,
    );
  const place =
    letter.place !== undefined
      ? reader.value(localize(letter.place, lang) ?? '', 'place', () => project.locateLetter(['place']))
      : undefined;
  const titleText = text(letter.title, ['title']);
  // A close given for this recipient is more specific than the letter's own closing sentence.
  const close =
    letter.close !== undefined && !input.recipientClose
      ? [new SafeString(text(letter.close, ['close']))]
      : jointClose(
          addressee.close,
          letter.signatories.length,
          translations.tool(lang, 'labels', 'joint_close'),
        );
  const reference =
    letter.reference !== undefined
      ? reader.value(localize(letter.reference, lang) ?? '', 'reference', () =>
          project.locateLetter(['reference']),
        )
      : undefined;
  const context: LetterContext = {
    lang,
    locale: input.locale,
    register: letter.register,
    title: new SafeString(titleText),
    ...(letter.subtitle !== undefined
      ? { subtitle: new SafeString(text(letter.subtitle, ['subtitle'])) }
      : {}),
    ...(reference ? { reference, referenceLine: label('reference', { reference }) } : {}),
    date: vars.date,
    ...(place ? { place } : {}),
    dateline: place
      ? label('dateline_place', { date: vars.date, place })
      : label('dateline', { date: vars.date }),
    recipient: withoutRepeatedSignOff(checkedAddressee(addressee, reader), close, lang),
    ...(input.recipient.via
      ? {
          via: {
            name: reader.value(
              localize(input.recipient.via.name, lang) ?? '',
              `addresses.${input.recipient.via.id}.name`,
              input.recipient.via.where,
            ),
            lines: input.recipient.via.lines.map((l) =>
              reader.value(l, `addresses.${input.recipient.via!.id}.lines`, input.recipient.via!.where),
            ),
          },
        }
      : {}),
    body: letter.body.map((item, i): BodyView => {
      switch (item.kind) {
        case 'p':
          return { p: new SafeString(text(item.key, ['body', i, 'p'])) };
        case 'heading':
          return { heading: new SafeString(text(item.key, ['body', i, 'heading'])) };
        case 'quote':
          return {
            quote: new SafeString(text(item.key, ['body', i, 'quote'])),
            ...(item.by ? { by: new SafeString(directiveLabel(text(item.by, ['body', i, 'by']))) } : {}),
          };
        case 'list':
          return {
            list: item.keys.map((k, j) => new SafeString(text(k, ['body', i, 'list', j]))),
            ordered: item.ordered,
          };
        case 'vocative':
          return { vocative: addressee.vocative };
        case 'pagebreak':
          return { pagebreak: true };
      }
    }),
    close,
    signatories: letter.signatories.map((s, index) => ({
      index,
      org: localize(s.org, lang) ?? '',
      ...(s.short ? { short: s.short } : {}),
    })),
    enclosures: letter.enclosures.map((key, i) => new SafeString(text(key, ['enclosures', i]))),
    cc: letter.cc.map((entry, i) => {
      const resolved = typeof entry === 'string' ? input.ccRecipients.get(entry) : undefined;
      return reader.value(
        resolved ? ccText(resolved, label) : (localize(entry, lang) ?? ''),
        `cc[${i}]`,
        () => project.locateLetter(['cc', i]),
      );
    }),
    labels: Object.fromEntries(LABELS.map((k) => [k, label(k)])),
  };
  const signatures = letter.signatories.map((s, i) => signature(s, i, input, label));
  return { context, signatures, title: plainText(titleText) };
}

/**
 * The register's close speaks for the signatories: "our highest consideration" when several sign. The language's
 * `joint_close` label lists its first-person-singular phrases and their plurals ("my … → our …; …"); a language whose
 * closes are impersonal (ko, zh) has none.
 */
export function jointClose(
  close: readonly string[],
  signatories: number,
  rule: string | undefined,
): readonly string[] {
  if (signatories < 2 || !rule) return close;
  const pairs = rule
    .split(';')
    .map((pair) => pair.split('→').map((s) => s.trim()))
    .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0]));
  return close.map((line) =>
    pairs.reduce((text, [singular, plural]) => text.split(singular).join(plural), line),
  );
}

function checkedAddressee(addressee: Addressee, reader: TextReader): Addressee {
  for (const [key, value] of Object.entries(addressee)) {
    if (typeof value === 'string') reader.tool(value, `recipient.${key}`);
    else if (Array.isArray(value))
      value.forEach((v: unknown) => typeof v === 'string' && reader.tool(v, `recipient.${key}`));
  }
  return addressee;
}

function signature(
  s: SignatorySpec,
  i: number,
  input: ContextInput,
  label: (k: string, v?: Record<string, string>) => string,
): Signature {
  const { reader, project } = input;
  const lang = reader.lang;
  // The path check's letterValues gives each value, so the two passes' reports of one problem are one.
  const at =
    (...field: string[]) =>
    () =>
      project.locateLetter(['signatories', i, ...field]);
  const org = reader.value(localize(s.org, lang) ?? '', `signatories[${i}].org`, at('org'));
  const personName = s.person
    ? reader.value(localize(s.person.name, lang) ?? '', `signatories[${i}].person.name`, at('person', 'name'))
    : undefined;
  const personTitle =
    s.person?.title !== undefined
      ? reader.value(
          localize(s.person.title, lang) ?? '',
          `signatories[${i}].person.title`,
          at('person', 'title'),
        )
      : undefined;
  const asset = s.signature ? project.assets.get(s.signature) : undefined;
  const text = (value: string) => [{ type: 'text' as const, value }];
  return {
    type: 'signature',
    org: text(org),
    ...(personName ? { person: text(personName) } : {}),
    ...(personTitle ? { title: text(personTitle) } : {}),
    ...(s.email ? { email: s.email } : {}),
    ...(asset
      ? {
          image: {
            data: asset.bytes,
            format: asset.format,
            width: asset.width,
            height: asset.height,
            alt: label('signature_alt', { name: personName ?? org }),
          },
        }
      : {}),
    signatory: i,
  };
}

/** The letter's date in the language's long form: December 10, 2023 / 2023년 12월 10일 / 2023年12月10日. */
export function formatDate(iso: string, locale: string): string {
  const key = `${locale} ${iso}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted =
      fromTable(iso, locale) ??
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    formattedDates.remember(key, formatted);
  }
  return formatted;
}

// Building an Intl formatter costs far more than using one; a batch formats the same date in a few locales, each once.
const formattedDates = new Recent<string, string>(64);

/**
 * The date from ICU's own patterns for the shipped letter languages' locales (LONG_DATES, generated): building the
 * first Intl.DateTimeFormat loads ICU's calendar data, ~25 ms of a one-letter build. Only for the years the table is
 * tested for (1000-9999, four digits as written); anything else asks Intl.
 */
function fromTable(iso: string, locale: string): string | undefined {
  const months = LONG_DATES[locale];
  const match = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(iso);
  if (!months || !match) return undefined;
  // A date the calendar lacks (2023-02-30) is left to Intl, which rolls it over as it always did.
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return undefined;
  const pattern = months[Number(match[2]) - 1]!;
  return pattern.replace('{d}', String(Number(match[3]))).replace('{y}', match[1]!);
}

/** Inline Markdown as plain text, for document metadata. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\\\n/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2')
    .replace(/\\(.)/g, '$1')
    .trim();
}
