/** Template sources: the tool's built-in templates/ with the project's templates/ files of the same name over them. */

import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { didYouMean, LetterError, problem, shown as show, type Diagnostic } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { displayPath, readText } from './source.js';
import { readShippedText } from './text.js';
import { containedPath, isFolder, LANG_SUFFIX, leadsOutside, notAFolder, staysInside } from './paths.js';
import { checkTemplates } from './template-check.js';
import { walkFolder } from './walk.js';
import type { Locate, TemplateSource } from './types.js';

/** All templates and partials by name (`open-letter`, `partials/closing.zh`), and the name of the letter's template. */
export function loadTemplates(
  toolDir: string,
  projectDir: string,
  wanted: string,
  locate: Locate,
  languages: readonly Lang[],
): { templates: Map<string, TemplateSource>; main: string } {
  const { shipped, ...found } = findTemplates(toolDir, projectDir, wanted, locate);
  // The tool's own templates that the project does not replace were checked by `npm run build`.
  const problems = checkTemplates(found.templates, languages, shipped, found.main);
  if (problems.length) throw new LetterError(problems);
  return found;
}

/**
 * What checkTemplates finds in the tool's own templates (`npm run build` fails on any, scripts/validators.mjs): checked
 * for a language no partial has a variant for, so that each partial they call has a variant for every language. A
 * project cannot remove a built-in partial, only add or replace, so these problems are the same in every project.
 */
export function shippedTemplateProblems(toolDir: string): Diagnostic[] {
  const { templates } = findTemplates(toolDir, toolDir, 'open-letter', () => ({
    file: 'letter.yaml',
    line: 1,
    column: 1,
  }));
  return checkTemplates(templates, ['und']);
}

function findTemplates(
  toolDir: string,
  projectDir: string,
  wanted: string,
  locate: Locate,
): { templates: Map<string, TemplateSource>; main: string; shipped: Set<TemplateSource> } {
  const templates = new Map<string, TemplateSource>();
  const shipped = new Set<TemplateSource>();
  const escaping = new Map<string, Diagnostic>();
  // The tool's own templates are trusted: read as shipped, without the project's link checks.
  const toolRoot = join(toolDir, 'templates');
  for (const file of shippedHbsFiles(toolRoot, toolDir)) {
    const path = file.slice(toolRoot.length + sep.length).replace(/\\/g, '/');
    const shown = `templates/${path}`;
    const template = {
      name: partialName(path.replace(/\.hbs$/, ''), templates),
      file: shown,
      source: readShippedText(file, shown),
    };
    templates.set(template.name, template);
    shipped.add(template);
  }
  // The project's may only be files inside the project; one file linked under many names is read once.
  const projectRoot = join(projectDir, 'templates');
  const read = new Map<string, string>();
  for (const file of hbsFiles(projectRoot, projectDir, { inside: projectDir, escaping })) {
    const name = partialName(
      relative(projectRoot, file)
        .replace(/\\/g, '/')
        .replace(/\.hbs$/, ''),
      templates,
    );
    const shown = displayPath(file, projectDir);
    const real = realPath(file);
    const source = (real && read.get(real)) ?? readText(file, shown);
    if (real) read.set(real, source);
    templates.set(name, { name, file: shown, source, own: true });
  }
  const problems: Diagnostic[] = [];
  let main = wanted;
  if (
    wanted.startsWith('./') ||
    wanted.startsWith('../') ||
    wanted.endsWith('.hbs') ||
    wanted.includes('/')
  ) {
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
    problems.push(
      problem(
        'unknown-template',
        `unknown template '${show(wanted)}'`,
        locate(['template']),
        guess ? `did you mean '${guess}'?` : `built-in templates: ${mains.join(', ')}`,
      ),
    );
  }
  problems.push(...escaping.values());
  if (problems.length) throw new LetterError(problems);
  return { templates, main, shipped };
}

/** The template letter.yaml names by path (`./templates/mine.hbs`): a file inside the project, links followed. */
function templateFile(
  projectDir: string,
  wanted: string,
  locate: Locate,
): { source: TemplateSource } | { problem: Diagnostic; file?: string } {
  const where = locate(['template']);
  const file = containedPath(projectDir, wanted);
  if (!file)
    return {
      problem: problem(
        'unsafe-path',
        `template '${show(wanted)}' is outside the project folder`,
        where,
        'put the template in the project, e.g. ./templates/my-letter.hbs',
      ),
    };
  if (!existsSync(file))
    return {
      problem: problem(
        'unknown-template',
        `template file '${show(wanted)}' not found`,
        where,
        'check the path; it is relative to the project folder',
      ),
    };
  if (!staysInside(projectDir, file)) return { problem: leadsOutside(wanted, where, 'template'), file };
  const shown = displayPath(file, projectDir);
  return { source: { name: `file:${shown}`, file: shown, source: readText(file, shown), own: true } };
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

/**
 * The name a template file is called by in `lang`, if it is a partial there: `partials/closing.zh` is `closing` in
 * Chinese letters only, and `partials/closing` is `closing` in every language without a `partials/closing.<lang>`.
 * Compose renders by it and check reads by it, so both look at the same text.
 */
export function partialCalledAs(
  templates: ReadonlyMap<string, TemplateSource>,
  name: string,
  lang: Lang,
): string | undefined {
  if (!name.startsWith('partials/')) return undefined;
  const bare = name.slice('partials/'.length);
  const m = LANG_SUFFIX.exec(bare);
  if (m) return m[2] === lang ? m[1]! : undefined;
  return templates.has(`partials/${bare}.${lang}`) ? undefined : bare;
}

/** Where a walk of the project's templates/ may go, and the links found leading out of it (by absolute path). */
interface ProjectWalk {
  readonly inside: string;
  readonly escaping: Map<string, Diagnostic>;
}

/**
 * The .hbs files under `root`, sorted. In the project, a file or folder that a symbolic link takes outside the project
 * is not read but recorded; links that stay inside are followed (walk.ts bounds what a DAG of them costs).
 */
function hbsFiles(root: string, base: string, walk?: ProjectWalk): string[] {
  if (!existsSync(root)) return [];
  if (!isFolder(root))
    throw new LetterError(notAFolder(displayPath(root, base), '.hbs templates and partials'));
  if (walk && !staysInside(walk.inside, root)) {
    walk.escaping.set(
      root,
      leadsOutside(displayPath(root, walk.inside), { file: displayPath(root, walk.inside) }),
    );
    return [];
  }
  const found = walkFolder(root, (name) => name.endsWith('.hbs'), {
    ...(walk ? { inside: walk.inside } : {}),
    shown: displayPath(root, base),
  });
  for (const link of found.escaping) {
    const shown = displayPath(link.path, base);
    walk?.escaping.set(
      link.path,
      leadsOutside(shown, link.folder ? { file: shown } : { file: shown, line: 1, column: 1 }),
    );
  }
  return [...found.files];
}

/**
 * The .hbs files under the tool's own templates/, sorted, as hbsFiles finds them: a package's folder holds no links, so
 * it is listed without walkFolder's link checks and path normalising (one folder met through a link: hbsFiles).
 */
function shippedHbsFiles(root: string, base: string): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const list = (dir: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) return false;
      const full = `${dir}${sep}${entry.name}`;
      if (entry.isDirectory()) {
        if (!list(full)) return false;
      } else if (entry.name.endsWith('.hbs')) files.push(full);
    }
    return true;
  };
  return list(root) ? files.sort() : hbsFiles(root, base);
}

/** The real path of `file`, or undefined for a dangling link (its read reports it missing). */
function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
