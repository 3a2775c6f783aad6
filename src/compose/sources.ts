/** Reading the project's text for one document, checking each value as it is read: the key exists, its characters have a font. */

import { uncoveredProblem, type FontBook } from '../fonts/index.js';
import { problem, shown, type Diagnostic, type Location } from '../diag/index.js';
import type { Lang, Origin } from '../model/index.js';
import type { Project } from '../load/index.js';
import { TEXT_NS } from '../load/index.js';
import type { Translations } from './i18n.js';
import { inlineText, roleAt } from './inline.js';

/** Collects the problems of one document while its context is built, so all of them are reported together. */
export class TextReader {
  readonly problems: Diagnostic[] = [];
  /** Code points already reported for this document: a name checked at its source is not reported again inside a form. */
  private readonly reported = new Set<number>();

  constructor(
    private readonly project: Project,
    private readonly translations: Translations,
    private readonly fonts: FontBook,
    readonly lang: Lang,
  ) {}

  /**
   * The project's text for `key` (inline Markdown) as it may stand where letter.yaml uses it (`usedAt`); a missing
   * key is reported at that letter.yaml line, block Markdown at the key in the locale file.
   */
  text(key: string, usedAt: readonly (string | number)[], vars: Record<string, unknown> = {}): string {
    const file = this.project.texts.get(this.lang);
    if (!file || !this.translations.has(this.lang, key, TEXT_NS)) {
      const shown = file?.file ?? `locales/${this.lang}/${TEXT_NS}.json`;
      this.problems.push(problem('missing-key', `missing key '${key}' in ${shown}`, this.project.locateLetter(usedAt), `add "${key}": "…" to ${shown}`));
      return '';
    }
    const value = this.translations.text(this.lang, key, vars);
    const where = file.locate(key);
    this.cover(value, { file: file.file, key, lang: this.lang, line: where.line, column: where.column });
    const inline = inlineText(value, roleAt(usedAt));
    if ('refused' in inline) {
      this.problems.push(problem('schema', `block Markdown in the value of '${shown(key)}' in ${file.file}: ${inline.refused.what}`, where, inline.refused.hint));
      return '';
    }
    return inline.text;
  }

  /** A value from letter.yaml or recipients (a name, an organisation); checked for font coverage at its position. */
  value(value: string, key: string, where: Partial<Location>): string {
    this.cover(value, { file: where.file ?? this.project.letterFile, key, lang: this.lang, ...(where.line ? { line: where.line, column: where.column ?? 1 } : {}) });
    return value;
  }

  /** A value from the tool's own strings (forms of address, labels). */
  tool(value: string, key: string): string {
    this.cover(value, { file: `locales/${this.lang}`, key, lang: this.lang });
    return value;
  }

  /** Reports every character of `value` that no face of this language's chain covers: never a blank box on the page. */
  cover(value: string, origin: Origin): void {
    for (const cp of this.fonts.uncovered(value, this.lang)) {
      if (this.reported.has(cp)) continue;
      this.reported.add(cp);
      this.problems.push(uncoveredProblem(cp, origin.lang, origin));
    }
  }
}
