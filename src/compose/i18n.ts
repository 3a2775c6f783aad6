/** i18next over the project's text and the tool's strings, one instance per project, created synchronously. */

import i18next, { type i18n as I18n } from 'i18next';
import type { Lang } from '../model/index.js';
import {
  INTERPOLATION,
  nestedKeys,
  splitNamespace,
  TEXT_NS,
  valueAt,
  type NestedKey,
  type Project,
} from '../load/index.js';
import { escapeMarkdown } from './escape.js';
import { markParticles, resolveParticles } from './particles.js';
import { Recent } from './recent.js';

/** A value as read, with what i18next could not resolve in it (it would have printed the key or the braces). */
export interface Translated {
  readonly text: string;
  /** Keys reached through `$t(...)` that exist nowhere: i18next would print the key's name in the letter. */
  readonly missingKeys: readonly NestedKey[];
  /** `{{names}}` that had no value, in the value or in a value it nests: i18next would print the braces. */
  readonly missingVariables: readonly string[];
  /** Keys read (or reached through `$t(...)`) whose value is a group of keys: i18next would print a sentence about it. */
  readonly objectKeys: readonly string[];
}

/** Translations for one project: `text(lang, key, vars)` for letter.json, `tool(lang, ns, key, vars)` for the tool's strings. */
export class Translations {
  private readonly i18n: I18n;
  /** What the current `read` call found unresolved; i18next reports it through its handlers, synchronously. */
  private reading: { missingKeys: NestedKey[]; missingVariables: string[]; objectKeys: string[] } | undefined;
  /** The tool's strings read so far, by language, namespace, key and values (`tool` reports nothing: pure). */
  private readonly tools = new Recent<string, { text: string | undefined }>(1024);
  /** The context chosen for each key and list of contexts (the letters of one style and gender share one list). */
  private readonly contexts = new Recent<string, { context: string | undefined }>(1024);
  /** Whether each `key_context` variant exists, by language (hasVariant). */
  private readonly variants = new Map<string, boolean>();

  constructor(project: Project) {
    const resources: Record<string, Record<string, Record<string, unknown>>> = {};
    // Korean particle notations after a placeholder are marked here and resolved on the interpolated text (particles.ts).
    // Each namespace's strings are made when i18next first reads them: a letter reads its own languages' and English.
    for (const [lang, file] of project.texts) {
      resources[lang] = {};
      madeOnRead(resources[lang], TEXT_NS, () => markedCopy(file.data));
    }
    for (const [lang, byNs] of project.toolStrings) {
      const forLang = (resources[lang] ??= {});
      for (const [ns, file] of byNs) madeOnRead(forLang, ns, () => ({ ...file.data }));
    }
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initAsync: false,
      resources,
      lng: project.letter.languages[0] ?? 'en',
      fallbackLng: false,
      ns: [TEXT_NS, ...new Set([...project.toolStrings.values()].flatMap((m) => [...m.keys()]))],
      defaultNS: TEXT_NS,
      returnNull: false,
      returnEmptyString: true,
      // Interpolated values are data (names, titles): escaped so Markdown prints them literally.
      interpolation: { escapeValue: true, escape: escapeMarkdown },
      // Only keys reached through `$t(...)` get here (callers check the key they ask for): recorded, never printed.
      appendNamespaceToMissingKey: true,
      parseMissingKeyHandler: (qualified: string) => {
        const ref = splitNamespace(qualified);
        if (!this.reading) return ref.key;
        this.reading.missingKeys.push(ref);
        return '';
      },
      // A key whose value is an object: i18next's own text is "key '…' returned an object instead of string.", which
      // a letter would print. Recorded (TextReader reports it at the key), and nothing printed.
      returnedObjectHandler: (key: string, ...found: unknown[]) => {
        // Read with a context, the object is that variant's (`intro_majesty`): i18next names the key it was asked.
        // (Its arguments after the key: the object, then the options the key was read with.)
        const options = found[1] as { context?: unknown } | undefined;
        const context = typeof options?.context === 'string' && options.context ? `_${options.context}` : '';
        this.reading?.objectKeys.push(`${key}${context}`);
        return '';
      },
      missingInterpolationHandler: (_text: string, match: RegExpExecArray) => {
        this.reading?.missingVariables.push(variableName(match[1] ?? ''));
        return match[0];
      },
    });
  }

  has(lang: Lang, key: string, ns: string = TEXT_NS): boolean {
    return this.i18n.exists(key, { lng: lang, ns });
  }

  /** The project's text for a key (inline Markdown), with the context interpolated. */
  text(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
    return this.read(lang, key, vars).text;
  }

  /**
   * The project's text for a key, with the nested keys and variables that did not resolve. `contexts`, most specific
   * first (`majesty_male`, `majesty`, `male`): the first one the key has a variant for (`key_majesty`) is i18next's
   * `context`, so a sentence differs by the addressee's style or gender only where the translator wrote a variant.
   */
  read(
    lang: Lang,
    key: string,
    vars: Record<string, unknown> = {},
    contexts: readonly string[] = [],
  ): Translated {
    const reading = {
      missingKeys: [] as NestedKey[],
      missingVariables: [] as string[],
      objectKeys: [] as string[],
    };
    this.reading = reading;
    try {
      const context = this.context(lang, key, contexts);
      const text = resolveParticles(
        this.i18n.t(key, { lng: lang, ns: TEXT_NS, ...vars, ...(context ? { context } : {}) }) as string,
      );
      return {
        text,
        missingKeys: unique(reading.missingKeys),
        missingVariables: [...new Set(reading.missingVariables)],
        objectKeys: [...new Set(reading.objectKeys)],
      };
    } finally {
      this.reading = undefined;
    }
  }

  /** The first of `contexts` that the key has a variant for (`key_majesty`): i18next's `context` for reading it. */
  context(lang: Lang, key: string, contexts: readonly string[]): string | undefined {
    if (!contexts.length) return undefined;
    const id = JSON.stringify([lang, key, contexts]);
    const known = this.contexts.get(id);
    if (known !== undefined) return known.context;
    const context = contexts.find((c) => this.hasVariant(lang, `${key}_${c}`));
    this.contexts.remember(id, { context });
    return context;
  }

  /**
   * Whether the text has this variant of a key (`intro_majesty`). The letters' lists of contexts differ by recipient
   * (`majesty_male, majesty, male`; `excellency, male`), the variants they ask about do not: each is asked once.
   */
  private hasVariant(lang: Lang, variant: string): boolean {
    const id = `${lang}\0${variant}`;
    let has = this.variants.get(id);
    if (has === undefined) {
      has = this.i18n.exists(variant, { lng: lang, ns: TEXT_NS });
      this.variants.set(id, has);
    }
    return has;
  }

  /** One of the tool's strings, or undefined when neither the tool nor the project has it. */
  tool(lang: Lang, ns: string, key: string, vars: Record<string, unknown> = {}): string | undefined {
    // Each letter of a batch asks for the same labels with the same values (the date, the place): read once.
    const id = JSON.stringify([lang, ns, key, vars]);
    const known = this.tools.get(id);
    if (known !== undefined) return known.text;
    const text = this.i18n.exists(key, { lng: lang, ns })
      ? (this.i18n.t(key, { lng: lang, ns, ...vars, interpolation: { escapeValue: false } }) as string)
      : undefined;
    this.tools.remember(id, { text });
    return text;
  }
}

/** The variable names a raw value interpolates (`{{- date}}` and `{{date, format}}` are both `date`). */
export function interpolatedNames(value: string): string[] {
  if (!value.includes('{{')) return [];
  return [...new Set([...value.matchAll(INTERPOLATION)].map((m) => variableName(m[1]!)))];
}

/**
 * `key` and every key of `data` its value reaches through `$t(...)` in the same namespace, transitively, with their
 * plural and context forms (`g` reaches `g_male`): the values whose text can end up where `key` is used.
 */
export function reachableKeys(
  data: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  key: string,
  ns: string = TEXT_NS,
): string[] {
  const seen = new Set<string>();
  const queue = [key];
  while (queue.length) {
    const next = queue.shift()!;
    for (const k of formsIndex(keys).get(next) ?? []) {
      if (seen.has(k)) continue;
      seen.add(k);
      const value = valueAt(data, k);
      for (const ref of value === undefined ? [] : nestedKeys(value))
        if ((ref.ns ?? ns) === ns) queue.push(ref.key);
    }
  }
  return [...seen];
}

/**
 * Each key under itself and under every prefix before a `_` (`ask_one` under `ask_one` and `ask`): the key and its
 * plural and context forms in one look-up, built once per key list (flatKeys gives one list per file), not a scan of
 * every key per reference (60,000 keys × each key a letter uses).
 */
function formsIndex(keys: readonly string[]): Map<string, string[]> {
  let index = indexes.get(keys);
  if (!index) {
    index = new Map();
    for (const k of keys) {
      for (let i = k.indexOf('_'); i !== -1; i = k.indexOf('_', i + 1)) push(index, k.slice(0, i), k);
      push(index, k, k);
    }
    indexes.set(keys, index);
  }
  return index;
}

const indexes = new WeakMap<readonly string[], Map<string, string[]>>();

function push(index: Map<string, string[]>, at: string, key: string): void {
  const list = index.get(at);
  if (list) list.push(key);
  else index.set(at, [key]);
}

function variableName(inner: string): string {
  return inner.trim().replace(/^-\s*/, '').split(',')[0]!.trim();
}

function unique(refs: readonly NestedKey[]): NestedKey[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const id = `${r.ns ?? ''}:${r.key}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** `target[name]` as `make()` returns it, made when first read. */
function madeOnRead(target: Record<string, unknown>, name: string, make: () => unknown): void {
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

/** A copy of a locale file's data with particle notations marked in every string value. */
function markedCopy(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // fromEntries defines each key as data, so a key named __proto__ stays a key.
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? markParticles(v)
        : typeof v === 'object' && v !== null && !Array.isArray(v)
          ? markedCopy(v as Record<string, unknown>)
          : v,
    ]),
  );
}
