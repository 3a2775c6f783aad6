/**
 * Reading the project's text for one document, checking each value as it is read: the key exists, the keys it nests
 * and the placeholders it uses resolve, its characters have a font.
 */

import { uncoveredProblem, type FontBook } from '../fonts/index.js';
import { didYouMean, problem, shown, type Diagnostic, type Location } from '../diag/index.js';
import type { Lang, Origin } from '../model/index.js';
import type { LocaleFile, Project } from '../load/index.js';
import {
  controlCharacterProblem,
  flatKeys,
  nestedKeys,
  TEXT_NS,
  valueAt,
  type NestedKey,
} from '../load/index.js';
import { interpolatedNames, reachableKeys, type Translated, type Translations } from './i18n.js';
import { inlineText, roleAt } from './inline.js';
import { linkTargets, refusedLink } from './links.js';
import type { TextMemo } from './text-memo.js';

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
    /** The batch's reads shared by its letters (compose, and check before it in a build; `letter check` alone has none). */
    private readonly memo?: TextMemo,
  ) {}

  /**
   * The project's text for `key` (inline Markdown) as it may stand where letter.yaml uses it (`usedAt`); a missing
   * key is reported at that letter.yaml line, block Markdown at the key in the locale file. A `$t(...)` to a missing
   * key, and with `vars` a `{{placeholder}}` they give no value, are reported at the value that holds them.
   */
  text(
    key: string,
    usedAt: readonly (string | number)[],
    vars?: Record<string, unknown>,
    contexts: readonly string[] = [],
  ): string {
    const file = this.project.texts.get(this.lang);
    if (!this.memo || !file) return this.read(file, key, usedAt, vars, contexts);
    const context = this.translations.context(this.lang, key, contexts);
    const make = () => {
      // A letter that has reported something may have left a character unreported here (each is reported once).
      const before = this.problems.length;
      const text = this.read(file, key, usedAt, vars, contexts);
      return { text, clean: before === 0 && this.problems.length === 0 };
    };
    const role = roleAt(usedAt);
    // Check reads without a recipient: what no recipient changes is what the letters will read (text-memo.ts).
    if (vars === undefined) return this.memo.textForAny(file, this.lang, { key, role, context }, make);
    return this.memo.text(file, this.lang, { key, role, context, vars }, make);
  }

  private read(
    file: LocaleFile | undefined,
    key: string,
    usedAt: readonly (string | number)[],
    vars: Record<string, unknown> | undefined,
    contexts: readonly string[],
  ): string {
    if (!file || !this.translations.has(this.lang, key, TEXT_NS)) {
      this.problems.push(this.missingKey(key, usedAt));
      return '';
    }
    if (holdsGroup(file.data, key)) {
      // i18next "has" a key whose value is an object, and returns "key '…' returned an object instead of string." as
      // its text: that sentence would be printed in the letter.
      this.problems.push(groupAsText(key, this.project.letterFile, file));
      return '';
    }
    const read = this.translations.read(this.lang, key, vars, contexts);
    const value = read.text;
    // The key's position, looked up only for a problem to report (locating a key parses the file for positions).
    let located: Location | undefined;
    const where = () => (located ??= file.locate(key));
    this.unresolved(file, key, read, vars);
    this.cover(value, () => ({
      file: file.file,
      key,
      lang: this.lang,
      line: where().line,
      column: where().column,
    }));
    for (const url of linkTargets(value)) {
      const why = refusedLink(url);
      if (why)
        this.problems.push(
          problem(
            'schema',
            `link '${shown(url)}' in the value of '${shown(key)}' in ${file.file} is ${why}`,
            where(),
            'letters link only to https:, http: or mailto: targets; write other addresses as plain text',
          ),
        );
    }
    const inline = inlineText(value, roleAt(usedAt));
    if ('refused' in inline) {
      this.problems.push(
        problem(
          'schema',
          `block Markdown in the value of '${shown(key)}' in ${file.file}: ${inline.refused.what}`,
          where(),
          inline.refused.hint,
        ),
      );
      return '';
    }
    return inline.text;
  }

  /**
   * A key letter.yaml uses that this language's text lacks. When no language has it and a key they have is near, it is
   * a typo in letter.yaml: one message (the same for every language, so reported once) naming the key meant, rather
   * than advice to add the typo to every locale file.
   */
  private missingKey(key: string, usedAt: readonly (string | number)[]): Diagnostic {
    const file = this.project.texts.get(this.lang);
    const shownFile = file?.file ?? `locales/${this.lang}/${TEXT_NS}.json`;
    const at = this.project.locateLetter(usedAt);
    const texts = [...this.project.texts.values()];
    const nowhere = !texts.some((text) => valueAt(text.data, key) !== undefined);
    const meant = nowhere
      ? didYouMean(key, new Set(texts.flatMap((text) => flatKeys(text.data))))
      : undefined;
    if (meant !== undefined) {
      return problem(
        'missing-key',
        `${this.project.letterFile} uses the key '${shown(key)}', which no locale file has`,
        { ...at, value: key },
        `did you mean '${shown(meant)}'?`,
      );
    }
    return problem(
      'missing-key',
      `missing key '${shown(key)}' in ${shownFile}`,
      { ...at, value: key, lang: this.lang },
      `add "${shown(key)}": "…" to ${shownFile}`,
    );
  }

  /**
   * What i18next could not resolve would print as a key name or braces in the letter: each is an error at the value that
   * nests the key or holds the placeholder (the used value, or one it reaches through `$t(...)`).
   */
  private unresolved(
    file: LocaleFile,
    key: string,
    read: Translated,
    vars: Record<string, unknown> | undefined,
  ): void {
    // Found only when there is something to report: most values resolve, and a batch reads each one per document.
    let keys: readonly string[] | undefined;
    const holder = (holds: (value: string) => boolean): string => {
      keys ??= flatKeys(file.data);
      return reachableKeys(file.data, keys, key).find((k) => holds(valueAt(file.data, k) ?? '')) ?? key;
    };
    for (const ref of read.missingKeys) {
      const nester = holder((v) => nestedKeys(v).some((n) => sameKey(n, ref)));
      this.problems.push(missingNested(ref, nester, file, (keys ??= flatKeys(file.data))));
    }
    for (const group of read.objectKeys) this.problems.push(groupAsText(group, key, file));
    // Check reads each value without a recipient (vars undefined): placeholders are checked when documents are composed.
    if (vars === undefined) return;
    const known = leafNames(vars);
    // A name the context has only by i18next's own options (`{{lng}}`) resolves too, but not to anything of the letter's.
    const names = new Set([
      ...read.missingVariables,
      ...interpolatedNames(valueAt(file.data, key) ?? '').filter((n) => !known.includes(n)),
    ]);
    for (const name of names) {
      const at = holder((v) => interpolatedNames(v).includes(name));
      this.problems.push(
        problem(
          'unknown-placeholder',
          `unknown placeholder {{${shown(name)}}} in '${shown(at)}' in ${file.file}`,
          { ...file.locate(at), value: name, lang: this.lang },
          placeholderHint(name, known),
        ),
      );
    }
  }

  /**
   * A value from letter.yaml or recipients (a name, an organisation); checked for font coverage at its position. The
   * position may be given as a function: it is looked up (in the YAML document) only when there is a problem to report.
   */
  value(value: string, key: string, at: Partial<Location> | (() => Partial<Location>)): string {
    if (this.memo?.isClean(this.lang, value)) return value;
    const before = this.problems.length;
    let located: Partial<Location> | undefined;
    const where = () => (located ??= typeof at === 'function' ? at() : at);
    const position = () => {
      const { file, line, column } = where();
      return { file: file ?? this.project.letterFile, ...(line ? { line, column: column ?? 1 } : {}) };
    };
    const control = controlCharacterProblem(value, () => `'${shown(key)}' (${this.lang})`, position);
    if (control) this.problems.push(control);
    this.cover(value, () => {
      const { file, ...at } = position();
      return { file, key, lang: this.lang, ...at };
    });
    // As for text: a value is known clean only from a letter that had reported nothing before it.
    if (before === 0 && this.problems.length === 0) this.memo?.cleanNow(this.lang, value);
    return value;
  }

  /** A value from the tool's own strings (forms of address, labels). */
  tool(value: string, key: string): string {
    this.cover(value, () => this.toolOrigin(value, key));
    return value;
  }

  /**
   * Where a tool string with an undrawable character comes from: the tool's own strings are checked when it is built,
   * so such a character was written in a project's override (locales/<lang>/labels.json, directory.json). Named at
   * the first value there that holds it; else the language's folder, as before.
   */
  private toolOrigin(value: string, key: string): Origin {
    const origin = { file: `locales/${this.lang}`, key, lang: this.lang };
    const cp = this.fonts.uncovered(value, this.lang)[0];
    if (cp === undefined) return origin;
    const ch = String.fromCodePoint(cp);
    for (const file of this.project.toolStrings.get(this.lang)?.values() ?? []) {
      const holder = flatKeys(file.data).find((k) => valueAt(file.data, k)?.includes(ch));
      if (holder !== undefined) return { ...origin, ...file.locate(holder), file: file.file };
    }
    return origin;
  }

  /**
   * Reports every character of `value` that no face of this language's chain covers: never a blank box on the page.
   * The origin may be given as a function: made only when there is a character to report.
   */
  cover(value: string, origin: Origin | (() => Origin)): void {
    const uncovered = this.memo
      ? this.memo.uncovered(this.fonts, value, this.lang)
      : this.fonts.uncovered(value, this.lang);
    let from: Origin | undefined;
    for (const cp of uncovered) {
      if (this.reported.has(cp)) continue;
      this.reported.add(cp);
      from ??= typeof origin === 'function' ? origin() : origin;
      this.problems.push(uncoveredProblem(cp, from.lang, from));
    }
  }
}

/** A key used as text (by letter.yaml, or by a value's `$t(...)`) whose value is a group of keys. */
function groupAsText(group: string, user: string, file: LocaleFile): Diagnostic {
  const inside = flatKeys(file.data).find((k) => k.startsWith(`${group}.`));
  const by = user.endsWith('.yaml') ? user : `'${shown(user)}'`;
  return problem(
    'schema',
    `'${shown(group)}' in ${file.file} holds keys (${shown(inside ?? `${group}.…`)}), not a text, but ${by} uses it as one`,
    { ...file.locate(group), value: group, lang: file.lang },
    `give '${shown(group)}' a string value, or use one of its keys instead${inside ? ` (e.g. ${shown(inside)})` : ''}`,
  );
}

/** Whether the value at a flat or dotted key is an object (a group of keys) rather than a string. */
function holdsGroup(data: Readonly<Record<string, unknown>>, key: string): boolean {
  let node: unknown = Object.hasOwn(data, key) ? data[key] : data;
  if (node === data)
    for (const part of key.split('.'))
      node =
        typeof node === 'object' && node !== null && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
  return typeof node === 'object' && node !== null;
}

function sameKey(nested: NestedKey, missing: NestedKey): boolean {
  return nested.key === missing.key && (nested.ns ?? TEXT_NS) === (missing.ns ?? TEXT_NS);
}

function missingNested(
  ref: NestedKey,
  nester: string,
  file: LocaleFile,
  keys: readonly string[],
): Diagnostic {
  const own = (ref.ns ?? TEXT_NS) === TEXT_NS;
  const written = `$t(${own ? '' : `${ref.ns}:`}${ref.key})`;
  const guess = own ? didYouMean(ref.key, keys) : undefined;
  const add = own
    ? `add "${shown(ref.key)}": "…" to ${file.file}`
    : `the tool's '${shown(ref.ns)}' strings have no '${shown(ref.key)}'`;
  return problem(
    'missing-key',
    `missing key '${shown(ref.key)}' in ${own ? file.file : `namespace '${shown(ref.ns)}'`}, nested by ${shown(written)} in '${shown(nester)}'`,
    file.locate(nester),
    guess ? `did you mean $t(${shown(guess)})? otherwise ${add}` : add,
  );
}

/** The dotted names of the context's values: `{ recipient: { name } , date }` → `recipient.name`, `date`. */
function leafNames(vars: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(vars).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? leafNames(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

function placeholderHint(name: string, known: readonly string[]): string {
  const guess = didYouMean(name, known);
  const options =
    name === 'count' || name === 'context'
      ? `{{${name}}} has a value only in a value nested with $t(key, {"${name}": …}); `
      : '';
  const listed = known.map((k) => `{{${k}}}`).join(', ');
  if (guess) return `did you mean {{${guess}}}? placeholders: ${listed}`;
  return `${options}placeholders: ${listed}; for literal braces write \\\\{\\\\{ in the JSON file`;
}
