/** A `Strings` lookup over plain locale JSON (no i18next), and the loader for the tool's `locales/<lang>/directory.json`. */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Strings } from './types.js';

/** Replaces each `{{var}}` whose value is given; unknown placeholders stay, as i18next leaves them. */
export function interpolate(template: string, vars: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(vars, key) ? vars[key]! : whole,
  );
}

/**
 * `Strings` over a nested JSON object: `key` is a dot path (`kinds.president.title`, i18next's default key
 * separator); only string leaves are returned, an object or a missing path gives undefined.
 */
export function stringsFromJson(json: unknown): Strings {
  // Forms of address try some fifty keys per field, most absent, for every letter: each key is walked once per object.
  let found = typeof json === 'object' && json !== null ? walked.get(json) : undefined;
  if (!found) {
    found = new Map();
    if (typeof json === 'object' && json !== null) walked.set(json, found);
  }
  const table = found;
  return (key, vars) => {
    let node = table.get(key);
    if (node === undefined && !table.has(key)) {
      node = walk(json, key);
      table.set(key, node);
    }
    return node === undefined ? undefined : interpolate(node, vars);
  };
}

// Locale data is not changed once loaded (as load/placeholders.ts flatKeys assumes).
const walked = new WeakMap<object, Map<string, string | undefined>>();

function walk(json: unknown, key: string): string | undefined {
  let node: unknown = json;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part))
      return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The tool's own `locales/` folder (the same from `src/directory` and the built `dist/directory`). */
export function builtinLocalesDir(): string {
  return join(import.meta.dirname, '..', '..', 'locales');
}

/**
 * `Strings` for every language that has a `directory.json` under `localesDir` (default: the tool's own), keyed by
 * language code. A language added as `locales/fr/directory.json` appears here with no code change.
 */
export function loadDirectoryStrings(localesDir: string = builtinLocalesDir()): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  if (!existsSync(localesDir)) return out;
  for (const lang of readdirSync(localesDir).sort()) {
    const file = join(localesDir, lang, 'directory.json');
    if (existsSync(file)) out[lang] = stringsFromJson(JSON.parse(readFileSync(file, 'utf8')));
  }
  return out;
}
