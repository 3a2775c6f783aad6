/** Which documents a changed file affects: a locale file its language's documents, anything else all of them. */

import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Lang } from '../model/index.js';

/** What to rebuild after some files changed: nothing, every document, or the documents of some languages. */
export type Affected =
  | { readonly kind: 'none' }
  | { readonly kind: 'all' }
  | { readonly kind: 'langs'; readonly langs: readonly Lang[] };

/** Paths under the project folder that are never inputs: the output folder, VCS and editor droppings. */
export interface IgnoreRules {
  readonly projectDir: string;
  /** Absolute output folder; ignored when inside the project folder. */
  readonly outDir: string;
}

/** Whether a changed path (relative to the project folder) can be an input of the letter. */
export function isInput(path: string, rules: IgnoreRules): boolean {
  const abs = resolve(rules.projectDir, path);
  const inOut = relative(rules.outDir, abs);
  if (inOut === '' || (!inOut.startsWith('..') && !isAbsolute(inOut))) return false;
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  // Editors save through swap and backup files (.x.swp, x~, 4913); git and npm keep their own trees.
  if (parts.some((p) => p === '.git' || p === 'node_modules')) return false;
  if (name.startsWith('.') || name.endsWith('~') || name === '4913' || name.endsWith('.tmp')) return false;
  // Only the kinds of file a letter reads: `sed -i`'s sedXXXXXX, notes and other files around the letter are not.
  return INPUT_FILE.test(name);
}

const INPUT_FILE = /\.(ya?ml|json|hbs|csv|png|jpe?g)$/i;

/**
 * Join the effect of changed paths. `locales/<lang>/…` affects that language only when the last build made documents
 * in it (a new language folder may change the letter's language list, so it rebuilds everything); letter.yaml,
 * recipients, templates and assets affect every document.
 */
export function affectedBy(paths: readonly string[], builtLangs: ReadonlySet<Lang>): Affected {
  const langs = new Set<Lang>();
  for (const path of paths) {
    const parts = path.split(sep === '\\' ? /[\\/]/ : /\//);
    const lang = parts[0] === 'locales' && parts.length >= 3 ? parts[1] : undefined;
    if (lang === undefined || !builtLangs.has(lang)) return { kind: 'all' };
    langs.add(lang);
  }
  return langs.size ? { kind: 'langs', langs: [...langs].sort() } : { kind: 'none' };
}
