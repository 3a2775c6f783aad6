/** Every language's text and names checked on their own, whatever the recipients: each key exists, each character has a font. */

import type { Diagnostic } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import { FORM_FIELDS, RECIPIENT_ID, type LetterSpec, type Localized, type Project } from '../load/index.js';
import { localizeStrict, type Lang } from '../model/index.js';
import { TextReader, Translations, type TextMemo } from '../compose/index.js';
import { keyUses } from './locales.js';

/** What composing the letters will read with: check's reads of the text, where no recipient changes it, serve the letters. */
export interface SharedReading {
  readonly translations: Translations;
  readonly texts: TextMemo;
}

/**
 * Missing keys and uncovered characters in every language of the letter. Composing finds these per document, but only
 * for documents it gets to: an unknown recipient stops its documents before their text is read, and check must still
 * report the text's problems. Messages match compose's, so the two passes deduplicate.
 */
export function textErrors(
  project: Project,
  fonts: FontBook,
  langs: readonly Lang[] = project.letter.languages,
  shared?: SharedReading,
): Diagnostic[] {
  const translations = shared?.translations ?? new Translations(project);
  const out: Diagnostic[] = [];
  for (const lang of langs) {
    const reader = new TextReader(project, translations, fonts, lang, shared?.texts);
    for (const use of keyUses(project.letter)) reader.text(use.key, use.at);
    for (const { value, key, path } of letterValues(project.letter)) {
      const text = localizeStrict(value, lang);
      if (text !== undefined) reader.value(text, key, () => project.locateLetter(path));
    }
    for (const r of project.recipients.values()) {
      for (const field of ['name', 'family', ...FORM_FIELDS] as const) {
        const value = localizeStrict(r[field], lang);
        if (value !== undefined) reader.value(value, `recipients.${r.id}.${field}`, r.where);
      }
    }
    for (const a of project.addresses.values()) {
      const name = localizeStrict(a.name, lang);
      if (name !== undefined) reader.value(name, `addresses.${a.id}.name`, a.where);
      for (const line of a.lines) reader.value(line, `addresses.${a.id}.lines`, a.where);
    }
    out.push(...reader.problems);
  }
  return out;
}

/** A localisable value of letter.yaml, with the name compose gives it in its messages and its path in the file. */
export interface LetterValue {
  readonly value: Localized;
  readonly key: string;
  readonly path: readonly (string | number)[];
}

/** The localisable values of letter.yaml that a letter shows as text. */
export function letterValues(letter: LetterSpec): LetterValue[] {
  const out: LetterValue[] = [];
  const each = (value: Localized | undefined, key: string, path: (string | number)[]) => {
    if (value !== undefined) out.push({ value, key, path });
  };
  each(letter.place, 'place', ['place']);
  each(letter.reference, 'reference', ['reference']);
  letter.to.forEach((r, i) => {
    each(r.name, `to[${i}].name`, ['to', i, 'name']);
    each(r.family, `to[${i}].family`, ['to', i, 'family']);
    for (const field of FORM_FIELDS) each(r[field], `to[${i}].${field}`, ['to', i, field]);
  });
  letter.signatories.forEach((s, i) => {
    each(s.org, `signatories[${i}].org`, ['signatories', i, 'org']);
    each(s.person?.name, `signatories[${i}].person.name`, ['signatories', i, 'person', 'name']);
    each(s.person?.title, `signatories[${i}].person.title`, ['signatories', i, 'person', 'title']);
  });
  letter.cc.forEach((entry, i) => {
    // A cc entry that is a recipient id is shown as that office's title, which compose checks; the rest is literal text.
    if (typeof entry !== 'string' || !RECIPIENT_ID.test(entry)) each(entry, `cc[${i}]`, ['cc', i]);
  });
  return out;
}
