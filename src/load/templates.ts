/** Template sources: the tool's built-in templates/ with the project's templates/ files of the same name over them. */

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { didYouMean, LetterError, problem, shown as show, type Diagnostic } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { displayPath, readText } from './source.js';
import { containedPath, LANG_SUFFIX, leadsOutside, staysInside } from './paths.js';
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
  const escaping = new Map<string, Diagnostic>();
  for (const [root, base] of [
    [join(toolDir, 'templates'), toolDir],
    [join(projectDir, 'templates'), projectDir],
  ] as const) {
    // The tool's own templates are trusted; the project's may only be files inside the project.
    const walk = base === projectDir ? { inside: projectDir, escaping } : undefined;
    for (const file of hbsFiles(root, walk)) {
      const name = partialName(relative(root, file).replace(/\\/g, '/').replace(/\.hbs$/, ''), templates);
      const shown = displayPath(file, base);
      templates.set(name, { name, file: shown, source: readText(file, shown) });
    }
  }
  const problems: Diagnostic[] = [];
  let main = wanted;
  if (wanted.startsWith('./') || wanted.startsWith('../') || wanted.endsWith('.hbs') || wanted.includes('/')) {
    const named = templateFile(projectDir, wanted, locate);
    if ('problem' in named) {
      problems.push(named.problem);
      // A link out is said once, where the letter names the template, not again for the file found in templates/.
      if (named.file) escaping.delete(named.file);
    } else {
      templates.set(named.source.name, named.source);
      main = named.source.name;
    }
  } else if (!templates.has(wanted)) {
    const mains = [...templates.keys()].filter((n) => !n.includes('/'));
    const guess = didYouMean(wanted, mains);
    problems.push(problem('unknown-template', `unknown template '${show(wanted)}'`, locate(['template']), guess ? `did you mean '${guess}'?` : `built-in templates: ${mains.join(', ')}`));
  }
  problems.push(...escaping.values());
  if (problems.length) throw new LetterError(problems);
  return { templates, main };
}

/** The template letter.yaml names by path (`./templates/mine.hbs`): a file inside the project, links followed. */
function templateFile(projectDir: string, wanted: string, locate: Locate): { source: TemplateSource } | { problem: Diagnostic; file?: string } {
  const where = locate(['template']);
  const file = containedPath(projectDir, wanted);
  if (!file) return { problem: problem('unsafe-path', `template '${show(wanted)}' is outside the project folder`, where, 'put the template in the project, e.g. ./templates/my-letter.hbs') };
  if (!existsSync(file)) return { problem: problem('unknown-template', `template file '${show(wanted)}' not found`, where, 'check the path; it is relative to the project folder') };
  if (!staysInside(projectDir, file)) return { problem: leadsOutside(wanted, where, 'template'), file };
  const shown = displayPath(file, projectDir);
  return { source: { name: `file:${shown}`, file: shown, source: readText(file, shown) } };
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

/** Where a walk of the project's templates/ may go, and the links found leading out of it (by absolute path). */
interface ProjectWalk {
  readonly inside: string;
  readonly escaping: Map<string, Diagnostic>;
}

/**
 * The .hbs files under `root`, sorted. In the project, a file or folder that a symbolic link takes outside the project
 * is not read but recorded; links that stay inside are followed, so one folder may be read under two names, but never
 * below itself (`ancestors`: the real folders of the path walked so far, so a link to a parent is no loop). Which
 * names are found must not depend on the order the file system lists a folder in.
 */
function hbsFiles(root: string, walk?: ProjectWalk, ancestors: ReadonlySet<string> = new Set()): string[] {
  if (!existsSync(root)) return [];
  if (walk && !staysInside(walk.inside, root)) {
    walk.escaping.set(root, leadsOutside(displayPath(root, walk.inside), { file: displayPath(root, walk.inside) }));
    return [];
  }
  const real = realpathSync(root);
  if (ancestors.has(real)) return [];
  const below = new Set(ancestors).add(real);
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = join(root, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && existsSync(full) && statSync(full).isDirectory());
    if (isDir) out.push(...hbsFiles(full, walk, below));
    else if (!entry.name.endsWith('.hbs')) continue;
    else if (walk && !staysInside(walk.inside, full)) {
      const shown = displayPath(full, walk.inside);
      walk.escaping.set(full, leadsOutside(shown, { file: shown, line: 1, column: 1 }));
    } else out.push(full);
  }
  return out.sort();
}
