/** Checks across the project's locale files that a translator needs: keys letter.yaml never uses, and empty strings. */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { flatKeys, valueAt, type LetterSpec, type Project } from '../load/index.js';
import { reachableKeys } from '../compose/index.js';
import type { Lang } from '../model/index.js';

/** A locale key letter.yaml names, and where it names it. */
export interface KeyUse {
  readonly key: string;
  readonly at: readonly (string | number)[];
}

/**
 * Keys no part of letter.yaml uses, and empty strings, are warnings: usually a renamed or forgotten paragraph. A key
 * that a used value nests with `$t(...)` (in any language) is used, with its plural and context forms. Reported for the
 * locale files of `langs`: a build warns about what it builds, check about every language.
 */
export function localeWarnings(project: Project, langs: readonly Lang[]): Diagnostic[] {
  const used = usedKeys(project);
  const out: Diagnostic[] = [];
  for (const [lang, file] of project.texts) {
    if (!langs.includes(lang)) continue;
    for (const key of flatKeys(file.data)) {
      // i18next plural and context forms (`ask_one`, `ask_other`, `greeting_male`) belong to their base key.
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      const used_ = used.has(key) || used.has(base) || usedPrefix(key, used);
      if (!used_)
        out.push(
          warning(
            problem(
              'unused-key',
              `key '${shown(key)}' in ${file.file} is not used by letter.yaml`,
              file.locate(key),
              'remove it, or use it in letter.yaml body',
            ),
          ),
        );
      if (valueAt(file.data, key)?.trim() === '')
        out.push(
          warning(
            problem(
              'empty-string',
              `key '${shown(key)}' in ${file.file} is empty`,
              file.locate(key),
              'write the text, or remove the key',
            ),
          ),
        );
    }
  }
  return out;
}

/** The keys letter.yaml names and every key their values reach through `$t(...)`, in any of the project's languages. */
function usedKeys(project: Project): Set<string> {
  const named = keyUses(project.letter).map((u) => u.key);
  const used = new Set(named);
  for (const file of project.texts.values()) {
    const keys = flatKeys(file.data);
    for (const key of named) for (const reached of reachableKeys(file.data, keys, key)) used.add(reached);
  }
  return used;
}

/** Every locale key letter.yaml names, in document order, with its position in letter.yaml. */
export function keyUses(letter: LetterSpec): KeyUse[] {
  const uses: KeyUse[] = [{ key: letter.title, at: ['title'] }];
  if (letter.subtitle !== undefined) uses.push({ key: letter.subtitle, at: ['subtitle'] });
  letter.body.forEach((item, i) => {
    if (item.kind === 'list') item.keys.forEach((key, j) => uses.push({ key, at: ['body', i, 'list', j] }));
    else if (item.kind === 'quote') {
      uses.push({ key: item.key, at: ['body', i, 'quote'] });
      if (item.by) uses.push({ key: item.by, at: ['body', i, 'by'] });
    } else if (item.kind === 'p' || item.kind === 'heading')
      uses.push({ key: item.key, at: ['body', i, item.kind] });
  });
  if (letter.close !== undefined) uses.push({ key: letter.close, at: ['close'] });
  letter.enclosures.forEach((key, i) => uses.push({ key, at: ['enclosures', i] }));
  return uses;
}

/** Whether a used key followed by `_` begins `key` (a context form, `greeting_male`): one look-up per `_` in the key. */
function usedPrefix(key: string, used: ReadonlySet<string>): boolean {
  for (let i = key.indexOf('_'); i !== -1; i = key.indexOf('_', i + 1))
    if (used.has(key.slice(0, i))) return true;
  return false;
}

function warning(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'warning' };
}
