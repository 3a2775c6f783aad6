/** Checks across the project's locale files that a translator needs: keys letter.yaml never uses, and empty strings. */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { flatKeys, valueAt, type LetterSpec, type Project } from '../load/index.js';

/** A locale key letter.yaml names, and where it names it. */
export interface KeyUse {
  readonly key: string;
  readonly at: readonly (string | number)[];
}

/** Keys no part of letter.yaml uses, and empty strings, are warnings: usually a renamed or forgotten paragraph. */
export function localeWarnings(project: Project): Diagnostic[] {
  const used = new Set(keyUses(project.letter).map((u) => u.key));
  const out: Diagnostic[] = [];
  for (const file of project.texts.values()) {
    for (const key of flatKeys(file.data)) {
      // i18next plural and context forms (`ask_one`, `ask_other`, `greeting_male`) belong to their base key.
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      const used_ = used.has(key) || used.has(base) || [...used].some((u) => key.startsWith(`${u}_`));
      if (!used_) out.push(warning(problem('unused-key', `key '${shown(key)}' in ${file.file} is not used by letter.yaml`, file.locate(key), 'remove it, or use it in letter.yaml body')));
      if (valueAt(file.data, key)?.trim() === '') out.push(warning(problem('empty-string', `key '${shown(key)}' in ${file.file} is empty`, file.locate(key), 'write the text, or remove the key')));
    }
  }
  return out;
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
    } else if (item.kind === 'p' || item.kind === 'heading') uses.push({ key: item.key, at: ['body', i, item.kind] });
  });
  if (letter.close !== undefined) uses.push({ key: letter.close, at: ['close'] });
  letter.enclosures.forEach((key, i) => uses.push({ key, at: ['enclosures', i] }));
  return uses;
}

function warning(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'warning' };
}
