/** Template sources: the tool's built-in templates/ with the project's templates/ files of the same name over them. */

import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { didYouMean, LetterError, problem, shown as show } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { displayPath, readText } from './source.js';
import { containedPath, LANG_SUFFIX } from './paths.js';
import { checkTemplates } from './template-check.js';
import type { Locate, TemplateSource } from './types.js';

/** All templates and partials by name (`open-letter`, `partials/closing.zh`), and the name of the letter's template. */
export function loadTemplates(toolDir: string, projectDir: string, wanted: string, locate: Locate, languages: readonly Lang[]): { templates: Map<string, TemplateSource>; main: string } {
  const found = findTemplates(toolDir, projectDir, wanted, locate);
  const problems = checkTemplates(found.templates, languages);
  if (problems.length) throw new LetterError(problems);
  return found;
}

function findTemplates(toolDir: string, projectDir: string, wanted: string, locate: Locate): { templates: Map<string, TemplateSource>; main: string } {
  const templates = new Map<string, TemplateSource>();
  for (const [root, base] of [
    [join(toolDir, 'templates'), toolDir],
    [join(projectDir, 'templates'), projectDir],
  ] as const) {
    for (const file of hbsFiles(root)) {
      const name = partialName(relative(root, file).replace(/\\/g, '/').replace(/\.hbs$/, ''), templates);
      const shown = displayPath(file, base);
      templates.set(name, { name, file: shown, source: readText(file, shown) });
    }
  }
  if (wanted.startsWith('./') || wanted.startsWith('../') || wanted.endsWith('.hbs') || wanted.includes('/')) {
    const file = containedPath(projectDir, wanted);
    if (!file) throw new LetterError(problem('unsafe-path', `template '${show(wanted)}' is outside the project folder`, locate(['template']), 'put the template in the project, e.g. ./templates/my-letter.hbs'));
    if (!existsSync(file)) throw new LetterError(problem('unknown-template', `template file '${show(wanted)}' not found`, locate(['template']), 'check the path; it is relative to the project folder'));
    const shown = displayPath(file, projectDir);
    const name = `file:${shown}`;
    templates.set(name, { name, file: shown, source: readText(file, shown) });
    return { templates, main: name };
  }
  if (!templates.has(wanted)) {
    const mains = [...templates.keys()].filter((n) => !n.includes('/'));
    const guess = didYouMean(wanted, mains);
    throw new LetterError(problem('unknown-template', `unknown template '${show(wanted)}'`, locate(['template']), guess ? `did you mean '${guess}'?` : `built-in templates: ${mains.join(', ')}`));
  }
  return { templates, main: wanted };
}

/**
 * A project's `templates/closing.zh.hbs` overrides the built-in partial `partials/closing.zh` (SPEC §6 names partials
 * without the folder): a top-level file whose name, less a language suffix, is a built-in partial's is that partial.
 */
function partialName(name: string, builtIn: ReadonlyMap<string, TemplateSource>): string {
  if (name.includes('/')) return name;
  const base = name.replace(LANG_SUFFIX, '$1');
  return builtIn.has(`partials/${name}`) || builtIn.has(`partials/${base}`) ? `partials/${name}` : name;
}

function hbsFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = join(root, entry.name);
    if (entry.isDirectory()) out.push(...hbsFiles(full));
    else if (entry.name.endsWith('.hbs')) out.push(full);
  }
  return out.sort();
}
