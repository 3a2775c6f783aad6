/** A copy of the example letter in a fresh temp folder, edited per test, and its documents composed without rendering. */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, loadProject } from '../../src/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import type { LetterDoc } from '../../src/model/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR, type ExampleLang } from '../support/example.js';
import { tempDir } from '../support/tools.js';

/** The example project copied to a new temp folder. */
export function exampleCopy(): string {
  const dir = tempDir('letter-compose-');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces one exact piece of a project file; fails loudly when the piece is not there (the example changed). */
export function editFile(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no '${from}'`);
  writeFileSync(path, text.replace(from, to));
}

/** Sets locale values in locales/<lang>/letter.json, one key a line as the example writes them. */
export function setLocaleValues(dir: string, lang: ExampleLang, values: Record<string, string>): void {
  const path = join(dir, 'locales', lang, 'letter.json');
  const data = { ...(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>), ...values };
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

/** The 1-based line of the first line of a project file holding `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const index = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${file} has no line with '${needle}'`);
  return index + 1;
}

/** The first recipient's document in one language, as compose builds it for the renderers. */
export function composeFirst(dir: string, lang: ExampleLang): LetterDoc {
  const project = loadProject({ dir, toolDir: TOOL_DIR });
  const composer = new Composer({
    project,
    fonts: toolFontBook(),
    created: new Date('2023-12-10T00:00:00Z'),
  });
  return composer.compose({ recipient: project.letter.to[0]!, lang });
}
