/**
 * The checks a letter gets before anything is rendered, beyond what composing one letter finds: every language's
 * text, the project's own recipients, and the warnings a translator or sender needs. The one prepare step
 * (src/pipeline/prepare.ts) runs them, so `letter check`, `letter build` and `--watch` report the same things.
 */

import { isLetterError, problem, type Diagnostic } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import type { Project, RecipientRef } from '../load/index.js';
import type { Lang } from '../model/index.js';
import { resolveRecipient, type Addressees } from '../compose/index.js';
import { localeWarnings } from './locales.js';
import { languageWarnings } from './languages.js';
import { holderWarnings } from './holders.js';
import { textErrors, type SharedReading } from './texts.js';
import { templateTextProblems } from './template-text.js';
import { emphasisWarnings } from './emphasis.js';
import { fontWarnings, licenceWarnings } from './fonts.js';
import { hardCodedFormWarnings } from './hard-coded-forms.js';
import { labelWarnings } from './labels.js';

export { holderProvenance, holderWarnings } from './holders.js';

/** What the checks found, apart from what composing each letter finds. */
export interface ProjectDiagnostics {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/**
 * Errors and warnings of the project as a whole for the languages being built: the text of each language, every own
 * recipient (used by this letter or not: an unknown office or delivery address is a mistake either way), and the
 * project-wide warnings.
 */
export function projectDiagnostics(
  project: Project,
  fonts: FontBook,
  langs: readonly Lang[],
  /** A build's composer's translations and reads, so the letters reuse what check read (texts.ts). */
  shared?: SharedReading,
): ProjectDiagnostics {
  const errors: Diagnostic[] = [];
  const collect = (stage: () => void) => {
    try {
      stage();
    } catch (e) {
      if (!isLetterError(e)) throw e;
      errors.push(...e.diagnostics);
    }
  };
  collect(() => errors.push(...textErrors(project, fonts, langs, shared)));
  let templateText: Diagnostic[] = [];
  collect(() => {
    templateText = templateTextProblems(project, fonts, langs);
  });
  errors.push(...templateText.filter((d) => d.severity === 'error'));
  for (const id of project.recipients.keys()) collect(() => resolveRecipient(project, { id, path: [] }));
  const warnings: Diagnostic[] = [
    ...templateText.filter((d) => d.severity === 'warning'),
    ...localeWarnings(project, langs),
    ...emphasisWarnings(project, langs),
    ...languageWarnings(project),
    ...formsWarnings(project, langs),
    ...labelWarnings(project, langs),
    ...fontWarnings(fonts, langs),
    ...licenceWarnings(fonts),
  ];
  return { errors, warnings };
}

/**
 * Warnings about the recipients of the letters being built: their holders' names and age, and text that does not fit
 * them. `addressees`: their forms of address as composing found them (else worked out here).
 */
export function recipientWarnings(
  project: Project,
  refs: readonly RecipientRef[],
  now: Date,
  langs: readonly Lang[],
  addressees?: Addressees,
): Diagnostic[] {
  return [
    ...holderWarnings(project, refs, now, langs),
    ...hardCodedFormWarnings(project, refs, langs, addressees),
  ];
}

/** A language without the tool's forms of address borrows the English ones: worth knowing before the letter goes out. */
function formsWarnings(project: Project, langs: readonly Lang[]): Diagnostic[] {
  return langs
    .filter((lang) => !project.toolStrings.get(lang)?.has('directory'))
    .map((lang) => ({
      ...problem(
        'missing-file',
        `no forms of address for '${lang}': its letters use the English salutation, close and titles`,
        { file: `locales/${lang}/directory.json` },
        `add locales/${lang}/directory.json to the project (translate the tool's locales/en/directory.json)`,
      ),
      severity: 'warning' as const,
    }));
}
