/** Loading a letter project: letter.yaml, locales, recipients, templates and assets, validated, positions kept for errors. */

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LetterError, problem, shown, type Diagnostic } from '../diag/index.js';
import { loadAssets } from './assets.js';
import { loadLetter } from './letter.js';
import { isShippedAsIs, loadTexts, loadToolStrings } from './locales.js';
import { loadRecipients } from './recipients.js';
import { displayPath } from './source.js';
import { leadsOutside, staysInside } from './paths.js';
import { loadTemplates } from './templates.js';
import { loadProjectFonts } from './fonts.js';
import { placeholderErrors } from './placeholders.js';
import { nestingErrors } from './nesting.js';
import type { Project } from './types.js';

export type * from './types.js';
export { FORMATS, FORM_FIELDS } from './types.js';
export { schemaPath } from './schema.js';
export { loadToolStrings, shippedCompactJson, TEXT_NS } from './locales.js';
export { loadRecipients } from './recipients.js';
export { partialCalledAs } from './templates.js';
export { containedPath, LANG_CODE, LANG_SUFFIX, RECIPIENT_ID, staysInside } from './paths.js';
export { displayPath, parseJson } from './source.js';
export {
  controlCharacterProblem,
  lineStarts,
  locationAt,
  MAX_NESTING,
  readText,
} from './text.js';
export { nestedKeys, splitNamespace, type NestedKey } from './nesting.js';
export { localeFolders, slugFromFolder } from './letter.js';
export { flatKeys, INTERPOLATION, valueAt } from './placeholders.js';
export { inspectImage } from './assets.js';
export { PROJECT_FONTS_FILE } from './fonts.js';
export {
  handlebarsRuntime,
  handlebarsWithCompiler,
  parsedTemplate,
  type HandlebarsRuntime,
} from './handlebars.js';
export { templatesInUse } from './template-names.js';

export interface LoadOptions {
  /** The project folder (holds letter.yaml). */
  readonly dir: string;
  /** The tool's own folder (templates/, locales/, fonts/). */
  readonly toolDir: string;
}

/**
 * Reads everything a build needs, once; problems are LetterErrors naming file:line:col. letter.yaml comes first (the
 * rest depends on it); the other files are independent, so the problems of all of them are reported together.
 */
export function loadProject(opts: LoadOptions): Project {
  const dir = resolve(opts.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LetterError(
      problem(
        'usage',
        `project folder '${shown(opts.dir)}' ${existsSync(dir) ? 'is a file, not a folder' : 'not found'}`,
        { value: opts.dir },
        'give the folder that holds letter.yaml, or run `letter init DIR`',
      ),
    );
  }
  const letterFile = join(dir, 'letter.yaml');
  const display = displayPath(letterFile, dir);
  if (!existsSync(letterFile)) {
    throw new LetterError(
      problem(
        'missing-file',
        `no letter.yaml in '${shown(opts.dir)}'`,
        { file: display },
        'run `letter init` to start a letter project',
      ),
    );
  }
  if (!staysInside(dir, letterFile))
    throw new LetterError(leadsOutside(display, { file: display, line: 1, column: 1 }));
  const { letter, locate } = loadLetter(dir, letterFile, display);
  // One error for a locale folder linked out of the project rather than one for each file in it.
  const locales = join(dir, 'locales');
  if (existsSync(locales) && !staysInside(dir, locales))
    throw new LetterError(leadsOutside('locales', { file: 'locales' }));
  const problems: Diagnostic[] = [];
  const attempt = <T>(stage: () => T): T | undefined => {
    try {
      return stage();
    } catch (e) {
      if (!(e instanceof LetterError)) throw e;
      problems.push(...e.diagnostics);
      return undefined;
    }
  };
  const texts = attempt(() => loadTexts(dir, letter.languages, (i) => locate(['languages', i])));
  if (texts) problems.push(...placeholderErrors([...texts.values()]));
  const toolStrings = attempt(() => loadToolStrings(opts.toolDir, dir));
  // Before anything expands $t(): a cycle or a bomb is found in the files, not by i18next running into it. The tool's
  // own files as shipped were checked by `npm run build` (a cold loadProject's CPU 110 -> 78 ms without them).
  problems.push(
    ...nestingErrors([
      ...(texts?.values() ?? []),
      ...[...(toolStrings?.values() ?? [])].flatMap((byNs) =>
        [...byNs.values()].filter((f) => !isShippedAsIs(f)),
      ),
    ]),
  );
  const recipients = attempt(() => loadRecipients(dir));
  const templates = attempt(() =>
    loadTemplates(opts.toolDir, dir, letter.template, locate, letter.languages),
  );
  const assets = attempt(() => loadAssets(letter, locate));
  const fonts = attempt(() => loadProjectFonts(dir, opts.toolDir));
  if (problems.length || !texts || !toolStrings || !recipients || !templates || !assets)
    throw new LetterError(problems);
  return {
    dir,
    letterFile: display,
    letter: { ...letter, template: templates.main },
    locateLetter: locate,
    texts,
    toolStrings,
    recipients: recipients.recipients,
    addresses: recipients.addresses,
    templates: templates.templates,
    assets,
    ...(fonts ? { fonts } : {}),
  };
}
