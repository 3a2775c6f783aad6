/**
 * A language whose labels (locales/<lang>/labels.json: the page number, 'Digitally signed by' in the visible signature,
 * 'Enclosures:', 'cc:' …) lack a key borrows the English one: the letter then prints an English word among its own.
 */

import { problem, type Diagnostic } from '../diag/index.js';
import type { Project } from '../load/index.js';
import type { Lang } from '../model/index.js';
import { LABELS } from '../compose/index.js';

/** One warning per language being built whose labels lack some of the keys English has, naming them. */
export function labelWarnings(project: Project, langs: readonly Lang[]): Diagnostic[] {
  const english = project.toolStrings.get('en')?.get('labels')?.data ?? {};
  const expected = LABELS.filter((key) => Object.hasOwn(english, key));
  return langs
    .filter((lang) => lang !== 'en')
    .flatMap((lang) => {
      const own = project.toolStrings.get(lang)?.get('labels')?.data ?? {};
      const missing = expected.filter((key) => !Object.hasOwn(own, key));
      if (missing.length === 0) return [];
      const shown = missing.map((key) => `${key} ('${String(english[key])}')`).join(', ');
      return [
        {
          ...problem(
            'missing-key',
            `labels for '${lang}' lack ${shown}: its letters print them in English`,
            { file: `locales/${lang}/labels.json` },
            `add ${missing.join(', ')} to the project's locales/${lang}/labels.json (translate the tool's locales/en/labels.json)`,
          ),
          severity: 'warning' as const,
        },
      ];
    });
}
