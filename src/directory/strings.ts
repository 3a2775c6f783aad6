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
  const table = typeof json === 'object' && json !== null ? leavesOf(json) : NO_LEAVES;
  // A template read without values is returned as written: interpolating nothing would leave every `{{var}}` as it is.
  return (key, vars) => {
    const template = table.get(key);
    return template === undefined || vars === undefined ? template : interpolate(template, vars);
  };
}

const NO_LEAVES: ReadonlyMap<string, string> = new Map();

/**
 * Every string leaf by its dot path, read once per object: forms of address try some fifty keys per field, most absent,
 * for every letter, and a miss is then one look-up rather than a walk. A name with a dot in it is out of a dot path's
 * reach (`a.b` splits into `a` and `b`), so its subtree is left out, as a walk along the path would miss it.
 */
function leavesOf(json: object): ReadonlyMap<string, string> {
  let found = leaves.get(json);
  if (!found) {
    const table = new Map<string, string>();
    const visit = (node: object, prefix: string) => {
      for (const name of Object.keys(node)) {
        if (name.includes('.')) continue;
        const value = (node as Record<string, unknown>)[name];
        if (typeof value === 'string') table.set(prefix + name, value);
        else if (typeof value === 'object' && value !== null) visit(value, `${prefix + name}.`);
      }
    };
    visit(json, '');
    found = table;
    leaves.set(json, found);
  }
  return found;
}

// Locale data is not changed once loaded (as load/placeholders.ts flatKeys assumes).
const leaves = new WeakMap<object, ReadonlyMap<string, string>>();

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
