/** Placeholders across languages: `{{recipient.name}}` in one language and not another means the letters say different things. */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import type { LocaleFile } from './types.js';

const PLACEHOLDER = /\{\{\s*-?\s*([^}]+?)\s*\}\}/g;

/**
 * How a sentence refers to its addressee is grammar, not content: Korean says {{recipient.honorific}}께서 where English
 * says "you", Chinese puts {{recipient.shortTitle}} after the name. These may differ between languages; a name or a date
 * may not.
 */
const FORMS_OF_ADDRESS = new Set(['recipient.honorific', 'recipient.shortTitle', 'recipient.title', 'recipient.vocative']);

/** An error for every key whose placeholders differ between the project's languages, at the key in the file that lacks one. */
export function placeholderErrors(files: readonly LocaleFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const keys = new Set(files.flatMap((f) => flatKeys(f.data)));
  for (const key of keys) {
    const sets = files.map((f) => ({ file: f, found: placeholders(valueAt(f.data, key)) }));
    const all = new Set(sets.flatMap((s) => [...s.found]).filter((name) => !FORMS_OF_ADDRESS.has(name)));
    for (const { file, found } of sets) {
      if (valueAt(file.data, key) === undefined) continue;
      for (const name of all) {
        if (found.has(name)) continue;
        const other = sets.find((s) => s.found.has(name))!.file;
        out.push(
          problem('placeholder-mismatch', `'${shown(key)}' in ${file.file} lacks the placeholder {{${shown(name)}}} that ${other.file} has`, file.locate(key), `use {{${shown(name)}}} in every language, or in none`),
        );
      }
    }
  }
  return out;
}

/** Every key of a locale file, nested objects as dotted keys (`ask.one`). */
export function flatKeys(data: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The string at a flat or dotted key, or undefined. */
export function valueAt(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (Object.hasOwn(data, key) && typeof data[key] === 'string') return data[key];
  let node: unknown = data;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function placeholders(value: string | undefined): Set<string> {
  return new Set([...(value ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!.split(',')[0]!.trim()));
}
