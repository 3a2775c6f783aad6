/** Localisable maps in letter.yaml against the letter's languages: a code no letter of it uses, a language left out. */

import { languageHint, problem, shown, type Diagnostic } from '../diag/index.js';
import { lookupOffice } from '../directory/index.js';
import { FORM_FIELDS, localeFolders, type Localized, type Project } from '../load/index.js';
import { letterValues, type LetterValue } from './texts.js';

/**
 * Warnings, not errors: the letter still builds. A map key that is not one of the project's languages (`xx`, `kr` for
 * `ko`) is never used; a map without one of the letter's languages makes that letter borrow another language's text
 * (or, for a holder's name, go without it). A plain string is the same in every language and is never warned about.
 */
export function languageWarnings(project: Project): Diagnostic[] {
  const { letter, locateLetter } = project;
  // A value is usable in any language the project has text for, built by default or only with --lang.
  const known = [...new Set([...letter.languages, ...localeFolders(project.dir)])];
  const out: Diagnostic[] = [];
  for (const { value, key, path } of [...letterValues(letter), ...signValues(letter.sign)]) {
    if (typeof value === 'string') continue;
    for (const code of Object.keys(value).filter((c) => !known.includes(c))) {
      const hint =
        languageHint(code, known) ??
        `the value is never used; remove it, or add locales/${shown(code)}/letter.json`;
      out.push(
        warning(
          problem(
            'unknown-language',
            `'${shown(code)}' in '${key}' is not a language of this letter (${known.join(', ')})`,
            locateLetter([...path, code], { key: true }),
            hint,
          ),
        ),
      );
    }
    const missing = letter.languages.filter((lang) => value[lang] === undefined);
    if (missing.length && !directoryForm(project, path)) {
      const list = missing.map((l) => `'${l}'`).join(', ');
      out.push(
        warning(
          problem(
            'missing-translation',
            `'${key}' has no ${list} version`,
            locateLetter(path),
            `add ${missing[0]}: … to it, or write one plain string if it is the same in every language`,
          ),
        ),
      );
    }
  }
  return out;
}

/**
 * A form of address (`to[i].title`, `.salutation`, …) given for a directory office: it replaces the directory's in the
 * languages it names, and the others keep the directory's (compose/own-forms.ts), so a language left out borrows nothing.
 */
function directoryForm(project: Project, path: readonly (string | number)[]): boolean {
  const [list, index, field] = path;
  if (list !== 'to' || typeof index !== 'number' || !(FORM_FIELDS as readonly unknown[]).includes(field))
    return false;
  const ref = project.letter.to[index];
  if (!ref) return false;
  const own = project.recipients.get(ref.id);
  const officeId = own ? own.office : ref.id;
  return officeId !== undefined && lookupOffice(officeId) !== undefined;
}

/** The signature's reason and location (shown by PDF readers, not printed): localisable too. */
function signValues(
  sign: { readonly reason?: Localized; readonly location?: Localized } | undefined,
): LetterValue[] {
  const out: LetterValue[] = [];
  if (sign?.reason !== undefined)
    out.push({ value: sign.reason, key: 'sign.reason', path: ['sign', 'reason'] });
  if (sign?.location !== undefined)
    out.push({ value: sign.location, key: 'sign.location', path: ['sign', 'location'] });
  return out;
}

function warning(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'warning' };
}
