/**
 * What the letters of one batch read alike, read once. Twenty letters in one language read the same keys with the same
 * contexts; a value differs between them only through the variables it interpolates (`{{recipient.name}}`), in itself
 * or in a value it nests. A read is remembered by its language, key, role, context and the values of exactly those
 * variables, and only when it found nothing to report: a read that reports a problem is made again by every letter, so
 * each letter still reports its own problems, as when composed alone.
 */

import type { FontBook } from '../fonts/index.js';
import type { Lang } from '../model/index.js';
import { flatKeys, nestedKeys, TEXT_NS, valueAt, type LocaleFile } from '../load/index.js';
import { interpolatedNames, reachableKeys } from './i18n.js';
import { Recent } from './recent.js';

/** One read of a key, by all it depends on but the variables' values. */
export interface TextRead {
  readonly key: string;
  /** Where the value stands (inline.ts): what Markdown it may hold. */
  readonly role: string;
  /** The context i18next reads the key in (`majesty`), the first of the letter's that the key has a variant for. */
  readonly context: string | undefined;
  readonly vars: Record<string, unknown>;
}

/** The variables a key's text may interpolate; `all` when it nests another namespace's strings, which may use any. */
type Dependence = readonly string[] | 'all';

/** Read values shared by the letters of a batch (one per Composer); a letter composed alone gets the same text. */
export class TextMemo {
  /** Reads by what they depend on; recipient-specific ones come and go, the shared ones are used by every letter. */
  private readonly texts = new Recent<string, string>(4096);
  /** Code points a face of the language's chain covers (or that need none: spaces, controls), by language. */
  private readonly covered = new Map<Lang, Set<number>>();
  /** `lang\0value` of values every character of which a face covers (uncovered). */
  private readonly coveredValues = new Recent<string, true>(2048);
  /** `lang\0value` of values from letter.yaml or the recipients file read without a problem. */
  private readonly clean = new Recent<string, true>(2048);
  private readonly dependence = new Map<string, Dependence>();
  /** Reads served from the table and reads made, for tests and measurement. */
  readonly counts = { reused: 0, read: 0 };

  /** The text remembered for this read, or the read made now (remembered when `clean` says it reported nothing). */
  text(file: LocaleFile, lang: Lang, read: TextRead, make: () => { text: string; clean: boolean }): string {
    const id = this.readId(file, lang, read);
    const known = this.texts.get(id);
    if (known !== undefined) {
      this.counts.reused++;
      return known;
    }
    this.counts.read++;
    const made = make();
    if (made.clean) this.texts.remember(id, made.text);
    return made.text;
  }

  /**
   * A read without a recipient (check reads every value so): remembered for the letters only when no recipient can
   * change it, that is when neither the value nor one it nests interpolates a variable. A letter's read of the key in
   * the same role and context is then the same read.
   */
  textForAny(
    file: LocaleFile,
    lang: Lang,
    read: Omit<TextRead, 'vars'>,
    make: () => { text: string; clean: boolean },
  ): string {
    const depends = this.dependsOn(file, lang, read.key);
    if (depends === 'all' || depends.length) return make().text;
    return this.text(file, lang, { ...read, vars: {} }, make);
  }

  /** Whether `value` was read before in `lang` without a problem (no control character, every character covered). */
  isClean(lang: Lang, value: string): boolean {
    return this.clean.get(`${lang}\0${value}`) !== undefined;
  }

  cleanNow(lang: Lang, value: string): void {
    this.clean.remember(`${lang}\0${value}`, true);
  }

  /** `fonts.uncovered(value, lang)`, each code point looked up in the fonts once for the batch. */
  uncovered(fonts: FontBook, value: string, lang: Lang): number[] {
    let covered = this.covered.get(lang);
    if (!covered) {
      covered = new Set();
      this.covered.set(lang, covered);
    }
    // Each letter checks the same labels and forms of address again: a value found covered is not walked again.
    const id = `${lang}\0${value}`;
    if (this.coveredValues.get(id)) return [];
    const missing: number[] = [];
    for (const ch of value) {
      const cp = ch.codePointAt(0)!;
      if (covered.has(cp)) continue;
      if (fonts.uncovered(ch, lang).length === 0) covered.add(cp);
      else if (!missing.includes(cp)) missing.push(cp);
    }
    if (!missing.length) this.coveredValues.remember(id, true);
    return missing;
  }

  private readId(file: LocaleFile, lang: Lang, read: TextRead): string {
    const depends = this.dependsOn(file, lang, read.key);
    const values =
      depends === 'all' ? read.vars : depends.map((name) => valueAtPath(read.vars, name) ?? null);
    return JSON.stringify([lang, read.key, read.role, read.context ?? null, values]);
  }

  /** The variables the key's value and every value it reaches through `$t(...)` (with their plural and context forms) name. */
  private dependsOn(file: LocaleFile, lang: Lang, key: string): Dependence {
    const id = `${lang}\0${key}`;
    let found = this.dependence.get(id);
    if (found === undefined) {
      const values = reachableKeys(file.data, flatKeys(file.data), key).map(
        (k) => valueAt(file.data, k) ?? '',
      );
      const elsewhere = values.some((v) => nestedKeys(v).some((ref) => (ref.ns ?? TEXT_NS) !== TEXT_NS));
      found = elsewhere ? 'all' : [...new Set(values.flatMap(interpolatedNames))].sort();
      this.dependence.set(id, found);
    }
    return found;
  }
}

/** `recipient.name` of `{ recipient: { name } }`; own properties only. */
function valueAtPath(vars: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = vars;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
