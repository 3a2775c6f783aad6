/** Placeholders across languages: `{{recipient.name}}` in one language and not another means the letters say different things. */

import { didYouMean, problem, shown, type Diagnostic } from '../diag/index.js';
import type { LocaleFile } from './types.js';

const PLACEHOLDER = /\{\{\s*-?\s*([^}]+?)\s*\}\}/g;

/**
 * How a sentence refers to its addressee is grammar, not content: Korean says {{recipient.honorific}}께서 where English
 * says "you", Chinese puts {{recipient.shortTitle}} after the name. These may differ between languages; a name or a date
 * may not.
 */
const FORMS_OF_ADDRESS = new Set([
  'recipient.honorific',
  'recipient.shortTitle',
  'recipient.title',
  'recipient.vocative',
]);

/**
 * An error for every key whose placeholders differ between the project's languages, at the key in the file that lacks
 * one. A placeholder one file has in place of a near one the others have (`{{recipient.nmae}}` for `{{recipient.name}}`)
 * is a typo: reported once, at the typo, with the name the others use, never as advice to copy the typo elsewhere.
 */
export function placeholderErrors(files: readonly LocaleFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const keys = new Set(files.flatMap((f) => flatKeys(f.data)));
  for (const key of keys) {
    const sets = files
      .filter((f) => valueAt(f.data, key) !== undefined)
      .map((f) => ({ file: f, found: placeholders(valueAt(f.data, key)) }));
    const all = new Set(sets.flatMap((s) => [...s.found]).filter((name) => !FORMS_OF_ADDRESS.has(name)));
    const typos = new Set<string>();
    const uses = (name: string) => sets.filter((s) => s.found.has(name)).length;
    for (const { file } of sets) {
      if (opensUnclosed(valueAt(file.data, key)))
        out.push(
          problem(
            'unknown-placeholder',
            `'${shown(key)}' in ${file.file} has a '{{' that no '}}' closes: the letter would print it`,
            { ...file.locate(key), value: '{{' },
            'close the placeholder, e.g. {{date}}; for literal braces write \\\\{\\\\{ in the JSON file',
          ),
        );
    }
    for (const { file, found } of sets) {
      const missing = [...all].filter((name) => !found.has(name));
      const own = [...found].filter((name) => all.has(name) && sets.some((s) => !s.found.has(name)));
      for (const typo of own) {
        // The spelling fewer languages use is the typo; between equals (two languages) neither can be told to change.
        const meant = didYouMean(
          typo,
          missing.filter((name) => uses(name) > uses(typo)),
        );
        if (meant === undefined) continue;
        typos.add(`${file.file}\0${meant}`).add(`*\0${typo}`);
        out.push(
          problem(
            'unknown-placeholder',
            `'${shown(key)}' in ${file.file} has the placeholder {{${shown(typo)}}}, which the other languages do not`,
            { ...file.locate(key), value: typo },
            `did you mean {{${shown(meant)}}}?`,
          ),
        );
      }
    }
    for (const { file, found } of sets) {
      for (const name of all) {
        if (found.has(name) || typos.has(`${file.file}\0${name}`) || typos.has(`*\0${name}`)) continue;
        const other = sets.find((s) => s.found.has(name))!.file;
        const near = didYouMean(name, [...found]);
        const hint = near
          ? `it has {{${shown(near)}}} instead: use one spelling in every language`
          : `use {{${shown(name)}}} in every language, or in none`;
        out.push(
          problem(
            'placeholder-mismatch',
            `'${shown(key)}' in ${file.file} lacks the placeholder {{${shown(name)}}} that ${other.file} has`,
            { ...file.locate(key), value: name },
            hint,
          ),
        );
      }
    }
  }
  return out;
}

/** Every key of a locale file, nested objects as dotted keys (`ask.one`). */
export function flatKeys(data: Readonly<Record<string, unknown>>): readonly string[] {
  // Loaded data is not changed afterwards, and check, compose and the load checks each ask for a file's keys:
  // flattened once per object (60,000 keys were flattened nine times).
  let keys = flattened.get(data);
  if (!keys) {
    keys = Object.freeze(flatten(data, ''));
    flattened.set(data, keys);
  }
  return keys;
}

const flattened = new WeakMap<object, readonly string[]>();

function flatten(data: Readonly<Record<string, unknown>>, prefix: string): string[] {
  return Object.entries(data).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? flatten(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

/** The string at a flat or dotted key, or undefined. */
export function valueAt(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (Object.hasOwn(data, key) && typeof data[key] === 'string') return data[key];
  let node: unknown = data;
  for (const part of key.split('.'))
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * i18next's interpolation pattern (its default options): `{{name}}`, `{{- name}}` (unescaped), `{{name, format}}`;
 * a `{{` and a `}}` on different lines are not one.
 */
export const INTERPOLATION = /\{\{(.+?)\}\}/g;

/** Whether `{{` stands in the value outside every placeholder (`… {{date`): i18next leaves it, and it would be printed. */
function opensUnclosed(value: string | undefined): boolean {
  if (!value?.includes('{{')) return false;
  return value.replace(INTERPOLATION, '').includes('{{');
}

function placeholders(value: string | undefined): Set<string> {
  if (!value?.includes('{{')) return new Set();
  return new Set([...value.matchAll(PLACEHOLDER)].map((m) => m[1]!.split(',')[0]!.trim()));
}
