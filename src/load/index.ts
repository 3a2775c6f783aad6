/** Loading a letter project: letter.yaml, locales, recipients, templates and assets, validated, positions kept for errors. */

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LetterError, problem } from '../diag/index.js';
import { loadAssets } from './assets.js';
import { loadLetter } from './letter.js';
import { loadTexts, loadToolStrings } from './locales.js';
import { loadRecipients } from './recipients.js';
import { displayPath } from './source.js';
import { loadTemplates } from './templates.js';
import type { Project } from './types.js';

export type * from './types.js';
export { FORMATS } from './types.js';
export { imageInfo } from './assets.js';
export { containedPath, isSafeSegment } from './paths.js';
export { schemaPath } from './schema.js';
export { TEXT_NS } from './locales.js';

export interface LoadOptions {
  /** The project folder (holds letter.yaml). */
  readonly dir: string;
  /** The tool's own folder (templates/, locales/, fonts/). */
  readonly toolDir: string;
}

/** Reads everything a build needs, once; a problem anywhere is a LetterError naming file:line:col. */
export function loadProject(opts: LoadOptions): Project {
  const dir = resolve(opts.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LetterError(problem('usage', `project folder '${opts.dir}' not found`, {}, 'give the folder that holds letter.yaml, or run `letter init DIR`'));
  }
  const letterFile = join(dir, 'letter.yaml');
  const shown = displayPath(letterFile, dir);
  if (!existsSync(letterFile)) {
    throw new LetterError(problem('missing-file', `no letter.yaml in '${opts.dir}'`, { file: shown }, 'run `letter init` to start a letter project'));
  }
  const { letter, locate } = loadLetter(dir, letterFile, shown);
  const texts = loadTexts(dir, letter.languages, (i) => locate(['languages', i]));
  const toolStrings = loadToolStrings(opts.toolDir, dir);
  const { recipients, addresses } = loadRecipients(dir);
  const { templates, main } = loadTemplates(opts.toolDir, dir, letter.template, locate);
  const assets = loadAssets(letter, locate);
  return {
    dir,
    letterFile: shown,
    letter: { ...letter, template: main },
    locateLetter: locate,
    texts,
    toolStrings,
    recipients,
    addresses,
    templates,
    assets,
  };
}
