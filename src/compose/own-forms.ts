/**
 * The project's own forms of address (SPEC §5): a `title`, `salutation`, `vocative`, `close` or `honorific` given in
 * letter.yaml's `to` entry or the recipients file replaces the directory's in the languages it is given for; a
 * recipient the directory does not know must give its forms in every language it is built in.
 */

import { LetterError, problem, type Diagnostic, type Location } from '../diag/index.js';
import type { Addressee, Register, Strings } from '../directory/index.js';
import { FORM_FIELDS, type Project } from '../load/index.js';
import { localize, localizeStrict, type Lang } from '../model/index.js';
import type { ResolvedRecipient } from './recipient.js';

export type FormName = (typeof FORM_FIELDS)[number];
export type ProjectForms = Partial<Record<FormName, string>>;

/** The forms the project gives for this language: letter.yaml's `to` entry first, then the recipients file. */
export function projectForms(recipient: ResolvedRecipient, lang: Lang): ProjectForms {
  const out: ProjectForms = {};
  for (const field of FORM_FIELDS) {
    const value = localizeStrict(recipient.ref[field], lang) ?? localizeStrict(recipient.own?.[field], lang);
    if (value !== undefined && value.trim() !== '') out[field] = value;
  }
  return out;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A directory addressee with the project's forms in their place (its title in the address block too). */
export function withProjectForms(addressee: Addressee, forms: ProjectForms): Addressee {
  if (!Object.keys(forms).length) return addressee;
  const title = forms.title ?? addressee.title;
  return {
    ...addressee,
    title,
    addressLines: addressee.addressLines.map((l) => (l === addressee.title ? title : l)),
    ...(forms.salutation !== undefined ? { salutation: forms.salutation } : {}),
    ...(forms.vocative !== undefined ? { vocative: forms.vocative } : {}),
    ...(forms.close !== undefined ? { close: lines(forms.close) } : {}),
    ...(forms.honorific !== undefined ? { honorific: forms.honorific } : {}),
  };
}

export interface OwnAddresseeInput {
  readonly project: Project;
  readonly recipient: ResolvedRecipient;
  readonly lang: Lang;
  readonly register: Register;
  readonly strings: Strings;
  readonly name: string | undefined;
  /**
   * A letter to this recipient is being composed: every form it opens, re-addresses and closes with must be in this
   * language. A cc line needs only the title or name.
   */
  readonly addressed: boolean;
}

/**
 * A recipient outside the directory (an NGO's director). Its salutation (and its vocative, when the letter re-addresses
 * it) must be given in this language, and a title or a name; its close is the project's, else the register's close in
 * this language (every register has one). Anything missing is an error at the recipient's line, never another
 * language's words.
 */
export function ownAddressee(input: OwnAddresseeInput): Addressee {
  const { recipient, lang, register, strings } = input;
  const own = recipient.own!;
  const forms = projectForms(recipient, lang);
  const title = forms.title ?? '';
  const who = input.name ?? localize(own.name, lang) ?? title;
  const missing: FormName[] = [];
  if (input.addressed) {
    if (!who) missing.push('title');
    if (forms.salutation === undefined) missing.push('salutation');
    if (forms.vocative === undefined && input.project.letter.body.some((b) => b.kind === 'vocative'))
      missing.push('vocative');
  }
  const vars = {
    name: who,
    title,
    shortTitle: title,
    family: who,
    styleWord: forms.honorific ?? who,
    honorific: forms.honorific ?? who,
  };
  const close = forms.close ?? registerClose(strings, register, vars);
  if (input.addressed && close === undefined) missing.push('close');
  if (missing.length)
    throw new LetterError(missing.map((field) => missingForm(recipient, field, lang, own.where)));
  const signOff = strings('default.signOff', vars);
  const gender = recipient.ref.gender ?? own.gender;
  return {
    id: recipient.ref.id,
    title,
    shortTitle: title,
    // No style to go by: running text refers to them by their title, else their name.
    honorific: forms.honorific ?? (title || who),
    ...(who ? { name: who } : {}),
    ...(gender ? { gender } : {}),
    style: 'none',
    addressLines: [who, title].filter((l, i, all) => l && all.indexOf(l) === i),
    salutation: forms.salutation ?? who,
    vocative: forms.vocative ?? who,
    close: close ? lines(close) : [],
    ...(signOff ? { signOff } : {}),
    verified: false,
    lang,
  };
}

/** The register's close in this language, when it needs nothing the recipient lacks. */
function registerClose(
  strings: Strings,
  register: Register,
  vars: Record<string, string>,
): string | undefined {
  for (const key of [
    `custom.${register}.close`,
    'custom.close',
    `default.${register}.close`,
    'default.close',
  ]) {
    const text = strings(key, vars);
    if (text !== undefined && !/\{\{/.test(text) && text.trim()) return text;
  }
  return undefined;
}

function missingForm(recipient: ResolvedRecipient, field: FormName, lang: Lang, where: Location): Diagnostic {
  const what = field === 'title' ? 'a name or a title' : `'${field}'`;
  const columns = field === 'title' ? `'name.${lang}' or 'title.${lang}'` : `'${field}.${lang}'`;
  // A CSV gives a form per language as a column (`salutation.ko`), never as a `{ ko: … }` map.
  const hint = where.file.endsWith('.csv')
    ? `add a column ${columns} to ${where.file} (a column without '.${lang}' serves every language)`
    : `give ${field === 'title' ? 'name or title' : field}: { ${lang}: … } for it (a plain string serves every language)`;
  return problem(
    'missing-translation',
    `recipient '${recipient.ref.id}' is not in the directory and has no ${what} in '${lang}': its ${lang} letter would ${field === 'close' ? 'have no complimentary close' : "use another language's words"}`,
    where,
    hint,
  );
}
