/** Localisable maps in letter.yaml against the letter's languages: a code no letter of it uses, a language left out. */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { localeFolders, type Localized, type Project } from '../load/index.js';
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
        suggestion(code, known) ??
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
    if (missing.length) {
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

/** `kr` or `cn` written for Korean or Chinese (a country's code, not its language's), or a one-letter slip. */
function suggestion(code: string, known: readonly string[]): string | undefined {
  // fallback 'none': an unassigned code such as `xx` has no name; `zz` is assigned, to "Unknown Region".
  const region =
    /^[a-z]{2}$/.test(code) && code !== 'zz'
      ? new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of(code.toUpperCase())
      : undefined;
  const language = region ? new Intl.Locale(`und-${code.toUpperCase()}`).maximize().language : undefined;
  if (language && known.includes(language))
    return `'${code}' is the country code of ${region}; its language is '${language}'`;
  // One letter off, and only one such language: two-letter codes are all within two edits of each other.
  const near = known.filter(
    (k) => k.length === code.length && [...k].filter((c, i) => c !== code[i]).length === 1,
  );
  return near.length === 1 ? `did you mean '${near[0]}'?` : undefined;
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
