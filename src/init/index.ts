/** `letter init`: a new letter project from the example letter, ready for `letter build`. */

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LetterError, problem } from '../diag/index.js';
import { TOOL_DIR } from '../build/version.js';
import { schemaPath } from '../load/index.js';

export interface InitResult {
  readonly dir: string;
  readonly files: readonly string[];
}

const EXAMPLE = join(TOOL_DIR, 'examples', 'open-letter-2023');

/** Copies the example's letter.yaml, locales and recipients into `dir`; refuses to overwrite an existing letter. */
export function init(opts: { dir: string }): InitResult {
  const dir = resolve(opts.dir);
  if (existsSync(join(dir, 'letter.yaml'))) {
    throw new LetterError(problem('usage', `${join(opts.dir, 'letter.yaml')} already exists`, {}, 'choose an empty folder; init never overwrites a letter'));
  }
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const schema = relative(dir, schemaPath()).replace(/\\/g, '/');
  const slug = basename(dir).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'letter';
  const letter = readFileSync(join(EXAMPLE, 'letter.yaml'), 'utf8')
    .replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`)
    .replace(/^slug: .*$/m, `slug: ${slug}`);
  writeFileSync(join(dir, 'letter.yaml'), letter);
  files.push('letter.yaml');
  for (const name of ['recipients.yaml', 'locales']) {
    cpSync(join(EXAMPLE, name), join(dir, name), { recursive: true });
    files.push(...list(join(dir, name)).map((f) => relative(dir, f)));
  }
  writeFileSync(
    join(dir, 'README.md'),
    `# ${slug}\n\nA letter project for [letter](${relative(dir, TOOL_DIR) || '.'}), started from the example open letter.\n\n` +
      '- `letter.yaml`: structure and metadata: recipients, date, body order, signatories.\n' +
      '- `locales/<lang>/letter.json`: the text, one file per language, with the same keys.\n' +
      '- `recipients.yaml`: your own recipients and delivery addresses.\n\n' +
      'Check it with `letter check`, build it with `letter build` (documents land in `dist/`).\n',
  );
  files.push('README.md');
  return { dir, files };
}

function list(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [path];
  }
}
