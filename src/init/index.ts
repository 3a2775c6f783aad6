/** `letter init`: a new letter project from the example letter, ready for `letter build`. */

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LetterError, problem, shown } from '../diag/index.js';
import { TOOL_DIR } from '../tool/index.js';
import { schemaPath, slugFromFolder } from '../load/index.js';
import { makeFolder, removeFolders, writeAtomic, writeFailure } from '../write/index.js';

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
  const schema = relative(dir, schemaPath()).replace(/\\/g, '/');
  const slug = slugFromFolder(dir);
  const letter = readFileSync(join(EXAMPLE, 'letter.yaml'), 'utf8')
    .replace(/^# yaml-language-server: \$schema=.*\n/m, '')
    .replace(/^slug: .*$/m, `slug: ${/^[A-Za-z0-9]/.test(slug) ? slug : 'letter'}`);
  const contents = new Map<string, string | Uint8Array>([
    // The editor's schema line points at the schema this copy of letter ships, so completion works offline.
    ['letter.yaml', `# yaml-language-server: $schema=${schema}\n${letter}`],
    ['README.md', readme(slug)],
    ...planned.slice(2).map((f): [string, Uint8Array] => [f, readFileSync(join(EXAMPLE, f))]),
  ]);
  writeAll(dir, opts.dir, contents);
  return { dir, files: planned };
}

/**
 * Writes each file atomically (a temporary name, then rename), creating the folders. A folder that cannot be made
 * there or a failed write (a full disk) is one error naming the folder, and what this init wrote is removed again, so
 * a second init after the fix finds nothing in its way.
 */
function writeAll(dir: string, shownAs: string, contents: ReadonlyMap<string, string | Uint8Array>): void {
  // The folders this init makes, in the order it makes them: `dir` and those above it, then those inside it.
  const made: string[] = [];
  const written: string[] = [];
  try {
    makeFolder(dir, undefined, made);
    for (const [file, text] of contents) {
      makeFolder(dirname(join(dir, file)), undefined, made);
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
      written.push(writeAtomic(dir, file, bytes));
    }
  } catch (e) {
    for (const file of written) rmSync(file, { force: true });
    removeFolders(made);
    if (e instanceof LetterError) throw e;
    throw new LetterError(
      problem(
        'usage',
        `cannot write the new project in '${shown(shownAs)}': ${writeFailure(e)}`,
        { value: shownAs },
        'give letter init a new folder inside one you can write to',
      ),
    );
  }
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
