/** Checks across the project's locale files: placeholders that differ between languages, unused keys, empty strings. */

import { problem, type Diagnostic } from '../diag/index.js';
import type { LetterSpec, Project } from '../load/index.js';

const PLACEHOLDER = /\{\{\s*-?\s*([^}]+?)\s*\}\}/g;

/** A placeholder present in one language but not another is an error: the letter would say different things. */
export function placeholderErrors(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const files = [...project.texts.values()];
  const keys = new Set(files.flatMap((f) => flatKeys(f.data)));
  for (const key of keys) {
    const sets = files.map((f) => ({ file: f, found: placeholders(valueAt(f.data, key)) }));
    const all = new Set(sets.flatMap((s) => [...s.found]));
    for (const { file, found } of sets) {
      if (valueAt(file.data, key) === undefined) continue;
      for (const name of all) {
        if (found.has(name)) continue;
        const other = sets.find((s) => s.found.has(name))!.file;
        out.push(problem('placeholder-mismatch', `'${key}' in ${file.file} lacks the placeholder {{${name}}} that ${other.file} has`, file.locate(key), `use {{${name}}} in every language, or in none`));
      }
    }
  }
  return out;
}

/** Keys no part of letter.yaml uses, and empty strings, are warnings: usually a renamed or forgotten paragraph. */
export function localeWarnings(project: Project): Diagnostic[] {
  const used = usedKeys(project.letter);
  const out: Diagnostic[] = [];
  for (const file of project.texts.values()) {
    for (const key of flatKeys(file.data)) {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      if (!used.has(key) && !used.has(base)) out.push({ ...problem('unused-key', `key '${key}' in ${file.file} is not used by letter.yaml`, file.locate(key), 'remove it, or use it in letter.yaml body'), severity: 'warning' });
      if (valueAt(file.data, key) === '') out.push({ ...problem('empty-string', `key '${key}' in ${file.file} is empty`, file.locate(key), 'write the text, or remove the key'), severity: 'warning' });
    }
  }
  return out;
}

export function usedKeys(letter: LetterSpec): Set<string> {
  const keys = new Set<string>([letter.title, ...letter.enclosures]);
  if (letter.subtitle) keys.add(letter.subtitle);
  if (letter.close) keys.add(letter.close);
  for (const item of letter.body) {
    if (item.kind === 'list') item.keys.forEach((k) => keys.add(k));
    else if (item.kind === 'quote') {
      keys.add(item.key);
      if (item.by) keys.add(item.by);
    } else if (item.kind === 'p' || item.kind === 'heading') keys.add(item.key);
  }
  return keys;
}

function flatKeys(data: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function valueAt(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (typeof data[key] === 'string') return data[key];
  let node: unknown = data;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function placeholders(value: string | undefined): Set<string> {
  return new Set([...(value ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!.split(',')[0]!.trim()));
}
