/** `letter init`: a new letter project from the example letter, ready for `letter build`. */

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LetterError, problem, shown } from '../diag/index.js';
import { TOOL_DIR } from '../tool/index.js';
import { schemaPath, slugFromFolder } from '../load/index.js';

export interface InitResult {
  readonly dir: string;
  /** Files written, relative to `dir`. */
  readonly files: readonly string[];
}

const EXAMPLE = join(TOOL_DIR, 'examples', 'open-letter-2023');

/** Copies the example's letter.yaml, locales and recipients into `dir`; refuses to overwrite any file that exists. */
export function init(opts: { dir: string }): InitResult {
  const dir = resolve(opts.dir);
  if (existsSync(dir) && !isFolder(dir))
    throw new LetterError(
      problem('usage', `'${shown(opts.dir)}' exists and is not a folder`, {}, 'give a new or empty folder'),
    );
  const planned = [
    'letter.yaml',
    'README.md',
    'recipients.yaml',
    ...listFiles(join(EXAMPLE, 'locales')).map((f) => relative(EXAMPLE, f)),
  ];
  const taken = planned.filter((f) => existsSync(join(dir, f)));
  if (taken.length) {
    throw new LetterError(
      problem(
        'usage',
        `'${shown(join(opts.dir, taken[0]!))}' already exists`,
        {},
        'choose a new or empty folder; init never overwrites a file',
      ),
    );
  }
  mkdirSync(dir, { recursive: true });
  // The editor's schema line points at the schema this copy of letter ships, so completion works offline.
  const schema = relative(dir, schemaPath()).replace(/\\/g, '/');
  const slug = slugFromFolder(dir);
  const letter = readFileSync(join(EXAMPLE, 'letter.yaml'), 'utf8')
    .replace(/^# yaml-language-server: \$schema=.*\n/m, '')
    .replace(/^slug: .*$/m, `slug: ${/^[A-Za-z0-9]/.test(slug) ? slug : 'letter'}`);
  writeFileSync(join(dir, 'letter.yaml'), `# yaml-language-server: $schema=${schema}\n${letter}`);
  cpSync(join(EXAMPLE, 'recipients.yaml'), join(dir, 'recipients.yaml'));
  cpSync(join(EXAMPLE, 'locales'), join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), readme(slug));
  return { dir, files: planned };
}

function readme(slug: string): string {
  return [
    `# ${slug}`,
    '',
    'A letter project for `letter`, started from the example open letter (2023-12-10, to Xi Jinping). Replace its text with yours.',
    '',
    '- `letter.yaml`: structure and metadata: recipients, date, the order of the body, signatories.',
    '- `locales/<lang>/letter.json`: the text, one file per language (en, ko, zh), with the same keys.',
    '- `recipients.yaml`: your own recipients and delivery addresses (embassies, consulates).',
    '',
    '`letter check` reports every problem with its file, line and column; `letter build` writes the letters to `dist/`.',
    '',
  ].join('\n');
}

function isFolder(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function listFiles(path: string): string[] {
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
